import type { SetupServer } from 'msw/node'

/** One request as it left the phone: `METHOD /v1/path`, its Idempotency-Key and its JSON body. */
export interface SentRequest {
  call: string
  key: string | null
  body: Record<string, unknown> | null
}

/**
 * Reads every `/v1/` request on the wire as it starts, so a request whose answer is then dropped still
 * counts. Guards are proven by what the phone sent, not by what the emulator's own rules kept right.
 * Returns the requests so far, in the order they started.
 */
export function recordRequests(server: SetupServer): () => Promise<SentRequest[]> {
  const reading: Promise<SentRequest>[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (!url.pathname.startsWith('/v1/')) return
    const call = `${request.method} ${url.pathname}`
    const key = request.headers.get('Idempotency-Key')
    reading.push(
      request
        .clone()
        .text()
        .then((text) => ({ call, key, body: text ? (JSON.parse(text) as Record<string, unknown>) : null })),
    )
  })
  return () => Promise.all(reading)
}
