import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A deliberately broken cloud for the kit's own tests: a proxy in front of the emulator that breaks one
 * promise of the contract, so the right checks can be seen to turn red.
 * - `error-body`: every error answer loses its `{code, message}` body (`{error: …}` instead).
 * - `oracle`: another user's order answers 403 "不是您的订单" where a missing one answers 404.
 * - `replay-ignores-body`: an Idempotency-Key seen before replays its first answer whatever the body.
 */
export type Breakage = 'error-body' | 'oracle' | 'replay-ignores-body'

interface Upstream {
  status: number
  headers: Record<string, string>
  body: string
}

export interface BrokenStub {
  url: string
  stop(): Promise<void>
}

async function forward(
  upstream: string,
  req: http.IncomingMessage,
  body: Buffer,
  token?: string,
): Promise<Upstream> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
      headers[name] = value
  }
  if (token) headers.authorization = `Bearer ${token}`
  const response = await fetch(upstream + req.url, {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body),
  })
  return {
    status: response.status,
    headers: { 'content-type': response.headers.get('content-type') ?? 'application/json' },
    body: await response.text(),
  }
}

/** `ownerToken`: for the oracle, a token of the user whose orders the stub gives away. */
export async function startBrokenStub(
  upstream: string,
  breakage: Breakage,
  ownerToken?: string,
): Promise<BrokenStub> {
  const replays = new Map<string, Upstream>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks)
        const key = req.headers['idempotency-key']
        let answer: Upstream
        if (breakage === 'replay-ignores-body' && typeof key === 'string' && replays.has(key)) {
          answer = replays.get(key)!
        } else {
          answer = await forward(upstream, req, body)
          if (typeof key === 'string' && !replays.has(key)) replays.set(key, answer)
        }
        if (breakage === 'error-body' && answer.status >= 400) {
          const message = (JSON.parse(answer.body) as { message?: string }).message
          answer = { ...answer, body: JSON.stringify({ error: message }) }
        }
        if (breakage === 'oracle' && answer.status === 404 && /^\/v1\/orders\/[^/]+$/.test(req.url ?? '')) {
          const owner = await forward(upstream, req, body, ownerToken)
          if (owner.status === 200)
            answer = {
              ...answer,
              status: 403,
              body: JSON.stringify({ code: 'FORBIDDEN', message: '不是您的订单' }),
            }
        }
        res.writeHead(answer.status, answer.headers)
        res.end(answer.body)
      })().catch((error: unknown) => {
        res.writeHead(502, { 'content-type': 'text/plain' })
        res.end(String(error))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
