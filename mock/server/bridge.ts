import type { IncomingMessage, ServerResponse } from 'node:http'
import { getResponse, type RequestHandler } from 'msw'
import { unexpectedErrorResponse } from '../handlers/http'

/**
 * Serves msw request handlers from a real Node HTTP server, so the HTTP host and the jest host run the
 * very same handlers. A handler may answer `Response.error()` to emulate a dropped connection; the
 * bridge then destroys the socket, which is what a phone on a flaky network sees.
 */
export async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = Buffer.concat(chunks)
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
    else if (value !== undefined) headers.set(key, value)
  }
  const method = req.method ?? 'GET'
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : body,
  })
}

export async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  if (response.type === 'error') {
    res.socket?.destroy()
    return
  }
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => (headers[key] = value))
  res.writeHead(response.status, headers)
  res.end(Buffer.from(await response.arrayBuffer()))
}

export async function serveWithHandlers(
  handlers: RequestHandler[],
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  log: (message: string, error?: unknown) => void = (message, error) =>
    console.error(`[emulator] ${message}`, error),
): Promise<boolean> {
  const request = await toFetchRequest(req, origin)
  let response: Response | undefined
  try {
    response = await getResponse(handlers, request)
  } catch (error) {
    // msw's own matching can throw before any handler runs; the caller still gets the error body.
    log('request failed', error)
    response = unexpectedErrorResponse(request)
  }
  if (!response) return false
  await writeFetchResponse(res, response)
  return true
}
