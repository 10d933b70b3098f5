/**
 * @jest-environment node
 */
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { http, HttpResponse } from 'msw'
import WebSocket from 'ws'
import { serveWithHandlers } from '../server/bridge'
import { startEmulatorServer, type EmulatorServer } from '../server/start'
import { schemaValidator } from '../../conformance/lib/answers'

// The HTTP + WebSocket host over real sockets: the stream protocol, the control side, idempotency across
// a lost answer, injected network faults and the static pages. The clock is manual, so every step is
// moved by the test through /__control/clock.
let server: EmulatorServer
let keySeq = 0
const sockets: WebSocket[] = []

beforeAll(async () => {
  server = await startEmulatorServer({
    port: 0,
    appDir: null,
    quiet: true,
    clock: 'manual',
    scenario: 'happy',
  })
})

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate()
  await control('network', { latencyMs: 0, dropRequests: 0, dropResponses: 0 })
})

afterAll(async () => {
  await server.stop()
})

async function control<T = Record<string, unknown>>(route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/__control/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json()) as T
  if (!res.ok) throw new Error(`control ${route}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; key?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers }
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  if (method !== 'GET') {
    keySeq += 1
    headers['Idempotency-Key'] = options.key ?? `srv-key-${String(keySeq).padStart(4, '0')}`
  }
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers }
}

async function login(userId: string): Promise<string> {
  const res = await api<{ token: string }>('POST', '/v1/auth/login', {
    body: { platform: 'weapp', code: `code:${userId}` },
  })
  expect(res.status).toBe(200)
  return res.body.token
}

const streamMessage = schemaValidator('StreamServerMessage')

/** A stream client that keeps every frame and can wait for the next ones. */
class StreamClient {
  readonly messages: Record<string, unknown>[] = []
  readonly socket: WebSocket
  closed: Promise<number>
  private waiters: (() => void)[] = []

  constructor(token: string | null) {
    const url = `${server.url.replace(/^http/, 'ws')}/v1/stream${token === null ? '' : `?token=${encodeURIComponent(token)}`}`
    this.socket = new WebSocket(url)
    sockets.push(this.socket)
    this.socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>
      if (!streamMessage(message)) throw new Error(`stream frame off contract: ${String(data)}`)
      this.messages.push(message)
      this.waiters.splice(0).forEach((wake) => wake())
    })
    this.closed = new Promise((resolve) => this.socket.on('close', (code) => resolve(code)))
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve())
      this.socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`upgrade refused: ${res.statusCode}`)),
      )
      this.socket.once('error', reject)
    })
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message))
  }

  /** Waits until `count` frames have arrived in total (or fails after a second). */
  async until(count: number): Promise<Record<string, unknown>[]> {
    const deadline = Date.now() + 1000
    while (this.messages.length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} frames, got ${JSON.stringify(this.messages)}`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 50)
      })
    }
    return this.messages
  }

  events(): {
    seq: number
    kind: string
    session: { cart: { lines: { productId: string; qty: number }[] } }
  }[] {
    return this.messages
      .filter((m) => m.type === 'event')
      .map(
        (m) =>
          m.event as {
            seq: number
            kind: string
            session: { cart: { lines: { productId: string; qty: number }[] } }
          },
      )
  }
}

async function openDoor(token: string, intentId: string): Promise<{ id: string; seq: number }> {
  const res = await api<{ id: string; seq: number }>('POST', '/v1/door-sessions', {
    token,
    body: { deviceCode: 'GZ0001A', intentId, mode: 'shop' },
  })
  expect(res.status).toBe(201)
  return res.body
}

describe('the stream (WebSocket /v1/stream)', () => {
  beforeEach(async () => {
    await control('scenario', { name: 'happy' })
  })

  it('answers ping with pong carrying the same t', async () => {
    const client = new StreamClient(await login('u_happy'))
    await client.opened()
    client.send({ type: 'ping', t: 1234.5 })
    expect(await client.until(1)).toEqual([{ type: 'pong', t: 1234.5 }])
  })

  it('refuses an upgrade without a valid token with 401', async () => {
    await expect(new StreamClient(null).opened()).rejects.toThrow('401')
    await expect(new StreamClient('tok_dead').opened()).rejects.toThrow('401')
  })

  it('replays missed events after afterSeq, then pushes live events in seq order', async () => {
    const token = await login('u_happy')
    const session = await openDoor(token, 'intent-stream-0001')
    await control('clock', { advanceMs: 300 }) // opened (seq 2)
    await control('take', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 1 }) // seq 3

    const client = new StreamClient(token)
    await client.opened()
    client.send({ type: 'subscribe', sessionId: session.id, afterSeq: 1 })
    await client.until(2)
    expect(client.events().map((e) => [e.seq, e.kind])).toEqual([
      [2, 'opened'],
      [3, 'taken'],
    ])

    await control('take', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_water', qty: 2 })
    await control('return', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 1 })
    await control('close', { deviceCode: 'GZ0001A', doorNo: 1 })
    await control('clock', { advanceMs: 500 })
    await client.until(7)
    const events = client.events()
    expect(events.map((e) => e.seq)).toEqual([2, 3, 4, 5, 6, 7, 8])
    expect(events.map((e) => e.kind)).toEqual([
      'opened',
      'taken',
      'taken',
      'returned',
      'closed',
      'settling',
      'settled',
    ])
    // The live cart travels with each event: after the return only the water is left.
    expect(events[3]?.session.cart.lines.map((l) => [l.productId, l.qty])).toEqual([['p_water', 2]])
  })

  it('lets only the session’s owner subscribe; to anyone else it is a session that does not exist', async () => {
    const session = await openDoor(await login('u_happy'), 'intent-stream-0002')
    const stranger = new StreamClient(await login('u_other'))
    await stranger.opened()
    stranger.send({ type: 'subscribe', sessionId: session.id, afterSeq: 0 })
    stranger.send({ type: 'subscribe', sessionId: 'sess_nope', afterSeq: 0 })
    stranger.send({ type: 'subscribe', sessionId: session.id, afterSeq: -1 })
    const frames = await stranger.until(3)
    expect(frames.map((f) => [f.type, f.code, f.sessionId])).toEqual([
      ['error', 'SESSION_NOT_FOUND', session.id],
      ['error', 'SESSION_NOT_FOUND', 'sess_nope'],
      ['error', 'VALIDATION_FAILED', session.id],
    ])
    await control('clock', { advanceMs: 300 })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(stranger.events()).toEqual([])
  })

  it('socket-drop cuts every socket; a resubscription from the last seq loses nothing and repeats nothing', async () => {
    const token = await login('u_happy')
    const session = await openDoor(token, 'intent-stream-0003')
    const first = new StreamClient(token)
    await first.opened()
    first.send({ type: 'subscribe', sessionId: session.id, afterSeq: 0 })
    await first.until(1)
    await control('clock', { advanceMs: 300 })
    await first.until(2)
    const lastSeq = first.events().at(-1)?.seq ?? 0

    const { dropped } = await control<{ dropped: number }>('socket-drop', {})
    expect(dropped).toBe(1)
    expect(await first.closed).toBe(1006)

    // While the app is offline the shopper takes two things.
    await control('take', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 1 })
    await control('take', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_sprite', qty: 1 })

    const second = new StreamClient(token)
    await second.opened()
    second.send({ type: 'subscribe', sessionId: session.id, afterSeq: lastSeq })
    await second.until(2)
    await control('take', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_water', qty: 1 })
    await second.until(3)
    expect([...first.events(), ...second.events()].map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
  })

  it('a take from the control side shows up in the session (HTTP read and the stream)', async () => {
    const token = await login('u_happy')
    const session = await openDoor(token, 'intent-stream-0004')
    await control('clock', { advanceMs: 300 })
    const state = await control<{ devices: { code: string; doors: { state: string }[] }[] }>('take', {
      deviceCode: 'GZ0001A',
      doorNo: 1,
      productId: 'p_yogurt',
      qty: 2,
    })
    expect(state.devices.find((d) => d.code === 'GZ0001A')?.doors[0]?.state).toBe('open')
    const read = await api<{
      seq: number
      cart: { lines: { productId: string; qty: number }[]; totalFen: number }
    }>('GET', `/v1/door-sessions/${session.id}`, { token })
    expect(read.body.cart.lines).toEqual([expect.objectContaining({ productId: 'p_yogurt', qty: 2 })])
    expect(read.body.cart.totalFen).toBeGreaterThan(0)
    expect(read.body.seq).toBe(3)
  })

  it('tells a socket whose token has expired, then closes it', async () => {
    const client = new StreamClient(await login('u_happy'))
    await client.opened()
    const { settings } = await control<{ settings: { tokenTtlMs: number } }>('state')
    await control('clock', { advanceMs: settings.tokenTtlMs + 1000 })
    client.send({ type: 'ping', t: 1 })
    expect(await client.closed).toBe(4401)
    expect(client.messages).toEqual([expect.objectContaining({ type: 'error', code: 'AUTH_REQUIRED' })])
  })

  it('carries a restock session too: replay, live +/− from the shelves, close and confirm, owner only', async () => {
    await control('scenario', { name: 'restocker' })
    const token = await login('u_staff')
    const opened = await api<{ id: string; seq: number; counting: string }>(
      'POST',
      '/v1/staff/restock-sessions',
      { token, body: { deviceCode: 'GZ0001A', intentId: 'intent-restock-0001' } },
    )
    expect(opened.status).toBe(201)
    expect(opened.body).toMatchObject({ seq: 1, counting: 'sensors' })
    await control('clock', { advanceMs: 300 }) // opened (seq 2)
    const client = new StreamClient(token)
    await client.opened()
    client.send({ type: 'subscribe', sessionId: opened.body.id, afterSeq: 0 })
    await client.until(2)
    await control('return', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_chips', qty: 3 })
    await control('take', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_milk', qty: 1 })
    await control('close', { deviceCode: 'GZ0001A', doorNo: 1 })
    await client.until(5)
    const confirm = await api('POST', `/v1/staff/restock-sessions/${opened.body.id}/confirm`, {
      token,
      body: { lines: [] },
    })
    expect(confirm.status).toBe(200)
    await client.until(6)
    expect(client.events().map((e) => [e.seq, e.kind])).toEqual([
      [1, 'opening'],
      [2, 'opened'],
      [3, 'loaded'],
      [4, 'removed'],
      [5, 'closed'],
      [6, 'confirmed'],
    ])
    const stranger = new StreamClient(await login('u_happy'))
    await stranger.opened()
    stranger.send({ type: 'subscribe', sessionId: opened.body.id, afterSeq: 0 })
    expect((await stranger.until(1))[0]).toMatchObject({ type: 'error', code: 'SESSION_NOT_FOUND' })
  })

  it('closes the sockets of the old world when another scenario is loaded', async () => {
    const client = new StreamClient(await login('u_happy'))
    await client.opened()
    await control('scenario', { name: 'dual_door' })
    expect(await client.closed).toBe(4000)
  })
})

describe('the HTTP API', () => {
  beforeEach(async () => {
    await control('scenario', { name: 'happy' })
  })

  it('replays the first answer for the same key and body, and refuses another body with 409', async () => {
    const token = await login('u_happy')
    const body = { deviceCode: 'GZ0001A', kind: 'other', description: '屏幕不亮' }
    const first = await api('POST', '/v1/fault-reports', { token, body, key: 'same-key-0001' })
    const replay = await api('POST', '/v1/fault-reports', { token, body, key: 'same-key-0001' })
    expect(first.status).toBe(201)
    expect(replay.status).toBe(201)
    expect(replay.body).toEqual(first.body)
    const conflict = await api('POST', '/v1/fault-reports', {
      token,
      body: { ...body, description: '别的问题' },
      key: 'same-key-0001',
    })
    expect([conflict.status, (conflict.body as { code: string }).code]).toEqual([409, 'IDEMPOTENCY_CONFLICT'])
  })

  /** 开门 as raw fetch (a lost exchange rejects it), one intent per `name`, optionally with an attempt id. */
  const openDoorRaw = (token: string, name: string, requestId?: string) =>
    fetch(`${server.url}/v1/door-sessions`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
        'Idempotency-Key': `${name}-0001`,
        ...(requestId ? { 'X-Request-Id': requestId } : {}),
      },
      body: JSON.stringify({ deviceCode: 'GZ0001A', intentId: `intent-${name}-0001`, mode: 'shop' }),
    })

  it('performs a request whose answer is lost exactly once: the retry gets the same session', async () => {
    const token = await login('u_happy')
    await control('network', { dropResponses: 1 })
    const request = () => openDoorRaw(token, 'lost')
    await expect(request()).rejects.toThrow()
    const retry = await request()
    expect(retry.status).toBe(201)
    const session = (await retry.json()) as { id: string }
    const sessions = [...server.cloud.inspect().sessions.values()].filter(
      (s) => s.userId === 'u_happy' && s.intentId === 'intent-lost-0001',
    )
    expect(sessions.map((s) => s.id)).toEqual([session.id])
    const state = await control<{ devices: { code: string; doors: { session: { id: string } | null }[] }[] }>(
      'state',
    )
    expect(state.devices.find((d) => d.code === 'GZ0001A')?.doors[0]?.session?.id).toBe(session.id)
  })

  it('drops a request before the cloud sees it', async () => {
    const token = await login('u_happy')
    await control('network', { dropRequests: 1 })
    await expect(openDoorRaw(token, 'drop')).rejects.toThrow()
    expect([...server.cloud.inspect().sessions.values()].some((s) => s.intentId === 'intent-drop-0001')).toBe(
      false,
    )
    const next = await api('GET', '/v1/me', { token })
    expect(next.status).toBe(200)
  })

  it('drops the next attempts of one operation over a real socket, a resend of a lost one included', async () => {
    const token = await login('u_happy')
    await control('drop', { operationId: 'openDoor', count: 1 })
    await expect(openDoorRaw(token, 'aimed', 'req-aimed-1')).rejects.toThrow()
    // What a browser does by itself after a connection it reused died: the same request again.
    await expect(openDoorRaw(token, 'aimed', 'req-aimed-1')).rejects.toThrow()
    expect((await api('GET', '/v1/me', { token })).status).toBe(200)
    const retry = await openDoorRaw(token, 'aimed', 'req-aimed-2')
    expect(retry.status).toBe(201)
    const state = await control<{ network: { drops: unknown[] } }>('state')
    expect(state.network.drops).toEqual([{ operationId: 'openDoor', stage: 'answer', left: 0, dropped: 1 }])
    await control('drop', { operationId: 'openDoor', count: 0 })
  })

  it('adds the injected latency to every answer', async () => {
    await control('network', { latencyMs: 150 })
    const started = Date.now()
    const res = await api('GET', '/v1/devices/GZ0001A/landing')
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('echoes X-Request-Id, sends CORS headers and the cloud’s own time as Date', async () => {
    await control('clock', { travelTo: '2026-12-24T20:00:00+08:00' })
    const res = await api('GET', '/v1/devices/GZ0001A/landing', {
      headers: { 'X-Request-Id': 'req-abc-123', Origin: 'http://localhost:10086' },
    })
    expect(res.headers.get('X-Request-Id')).toBe('req-abc-123')
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:10086')
    expect(Date.parse(res.headers.get('Date') ?? '')).toBe(Date.parse('2026-12-24T20:00:00+08:00'))
    const preflight = await fetch(`${server.url}/v1/door-sessions`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:10086', 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('POST')
  })

  it('keeps ids with reserved characters intact on the way to the cloud', async () => {
    const token = await login('u_happy')
    const res = await api<{ code: string }>('GET', `/v1/orders/${encodeURIComponent('O%2 1/x')}`, { token })
    expect([res.status, res.body.code]).toEqual([404, 'ORDER_NOT_FOUND'])
  })

  it('answers control errors with a reason', async () => {
    const res = await fetch(`${server.url}/__control/take`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola' }),
    })
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(expect.objectContaining({ code: 'SESSION_STATE_CONFLICT' }))
    const unknown = await fetch(`${server.url}/__control/teleport`, { method: 'POST' })
    expect(unknown.status).toBe(404)
  })

  it('settles a payment and a credit authorization from the control side', async () => {
    await control('settings', { creditAutoCompleteMs: null, paymentAutoCompleteMs: null })
    const token = await login('u_first')
    await api('POST', '/v1/auth/phone', { token, body: { platform: 'weapp', code: 'phone:13912345678' } })
    const auth = await api<{ id: string; state: string }>('POST', '/v1/credit/authorizations', {
      token,
      body: { deviceCode: 'GZ0001A', method: 'wxpay_score_enable' },
    })
    expect(auth.body.state).toBe('pending')
    const state = await control<{ pendingCredit: { id: string }[] }>('state')
    expect(state.pendingCredit.map((a) => a.id)).toEqual([auth.body.id])
    await control('credit', { userId: 'u_first', outcome: 'authorized' })
    const read = await api<{ state: string }>('GET', `/v1/credit/authorizations/${auth.body.id}`, { token })
    expect(read.body.state).toBe('authorized')
    await control('settings', { creditAutoCompleteMs: 1500, paymentAutoCompleteMs: 800 })
  })
})

describe('what no operation expected', () => {
  it('answers a malformed percent-escape in a path with 404, the error body and CORS', async () => {
    const token = await login('u_happy')
    for (const [path, code] of [
      ['/v1/devices/abc%/landing', 'DEVICE_NOT_FOUND'],
      ['/v1/orders/%E4%B8', 'ORDER_NOT_FOUND'],
      ['/v1/door-sessions/%zz/events', 'SESSION_NOT_FOUND'],
    ]) {
      const res = await fetch(`${server.url}${path}`, {
        headers: { Authorization: `Bearer ${token}`, Origin: 'http://localhost:10086' },
      })
      expect([path, res.status, res.headers.get('Content-Type')]).toEqual([path, 404, 'application/json'])
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:10086')
      expect(await res.json()).toEqual({ code, message: expect.any(String) })
    }
  })

  it('answers an exception thrown before any handler runs with the error body and CORS', async () => {
    // msw's own matching throws on a parameter it cannot decode; here no guard stands in front of it.
    const handlers = [http.get('*/boom/:id', () => HttpResponse.json({}))]
    const bare = createServer((req, res) => {
      void serveWithHandlers(handlers, req, res, `http://${req.headers.host}`, () => undefined).catch(() => {
        res.writeHead(599)
        res.end()
      })
    })
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = bare.address() as AddressInfo
      const res = await fetch(`http://127.0.0.1:${port}/boom/abc%`, {
        headers: { Origin: 'http://localhost:10086' },
      })
      expect([res.status, res.headers.get('Content-Type')]).toEqual([500, 'application/json'])
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:10086')
      expect(await res.json()).toEqual({ code: 'SERVER_ERROR', message: expect.any(String) })
    } finally {
      await new Promise((resolve) => bare.close(resolve))
    }
  })

  it('answers a request it could not even read with the error body, not plain text', async () => {
    // A Host that makes no URL: the request fails before the handlers see it.
    const answer = await new Promise<{ status: number; type: string; cors: string; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/v1/me',
            headers: { Host: 'not a host', Origin: 'http://localhost:10086' },
          },
          (res) => {
            let body = ''
            res.on('data', (chunk: Buffer) => (body += chunk.toString()))
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                type: String(res.headers['content-type']),
                cors: String(res.headers['access-control-allow-origin']),
                body,
              }),
            )
          },
        )
        req.on('error', reject)
        req.end()
      },
    )
    expect(answer).toMatchObject({ status: 500, cors: 'http://localhost:10086' })
    expect(answer.type).toContain('application/json')
    expect(JSON.parse(answer.body)).toEqual({ code: 'SERVER_ERROR', message: expect.any(String) })
  })
})

describe('the control side', () => {
  beforeEach(async () => {
    await control('scenario', { name: 'happy' })
  })

  it('refuses a page of another origin with 403 and no CORS, and does nothing for it', async () => {
    const foreign = { Origin: 'http://evil.example', 'Content-Type': 'application/json' }
    const asks: [string, RequestInit][] = [
      ['state', { headers: foreign }],
      ['scenario', { method: 'POST', headers: foreign, body: JSON.stringify({ name: 'demo' }) }],
      ['fault', { method: 'POST', headers: foreign, body: JSON.stringify({ fault: 'offline' }) }],
      ['socket-drop', { headers: { 'Sec-Fetch-Site': 'cross-site' } }],
      [
        'scenario',
        {
          method: 'OPTIONS',
          headers: { Origin: 'http://localhost:10086', 'Access-Control-Request-Method': 'POST' },
        },
      ],
      ['state', { headers: { Origin: 'null' } }],
    ]
    for (const [route, init] of asks) {
      const res = await fetch(`${server.url}/__control/${route}`, init)
      expect([route, init.method ?? 'GET', res.status]).toEqual([route, init.method ?? 'GET', 403])
      expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
    }
    const state = await control<{ scenario: { name: string }; devices: { faults: string[] }[] }>('state')
    expect(state.scenario.name).toBe('happy')
    expect(state.devices.every((d) => d.faults.length === 0)).toBe(true)
  })

  it('answers the simulator page this server serves (same origin) and local tools (no Origin)', async () => {
    const same = await fetch(`${server.url}/__control/fault`, {
      method: 'POST',
      headers: { Origin: server.url, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
      body: JSON.stringify({ deviceCode: 'GZ0001A', fault: 'offline' }),
    })
    expect(same.status).toBe(200)
    const typed = await fetch(`${server.url}/__control/state`, { headers: { 'Sec-Fetch-Site': 'none' } })
    expect(typed.status).toBe(200)
    const tool = await control<{ devices: { code: string; faults: string[] }[] }>('state')
    expect(tool.devices.find((d) => d.code === 'GZ0001A')?.faults).toEqual(['offline'])
  })
})

describe('pages and pictures', () => {
  it('serves the simulator page and its script', async () => {
    const page = await fetch(`${server.url}/`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('开门柜模拟器')
    expect(html).toContain('data-testid="phone-frame"')
    const script = await fetch(`${server.url}/simulator.js`)
    expect(script.headers.get('Content-Type')).toContain('javascript')
    expect(await script.text()).toContain('__control/')
  })

  it('draws a placeholder picture with the product’s name', async () => {
    const res = await fetch(`${server.url}/assets/goods/p_cola.png`)
    expect(res.headers.get('Content-Type')).toContain('image/svg+xml')
    expect(await res.text()).toContain('可口可乐')
    const landing = await api<{ goods: { imageUrl: string }[] }>('GET', '/v1/devices/GZ0001A/landing')
    expect(landing.body.goods[0]?.imageUrl.startsWith(`${server.url}/assets/goods/`)).toBe(true)
  })

  it('explains a missing H5 build instead of failing', async () => {
    const res = await fetch(`${server.url}/app/index.html`)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('npm run build:h5')
  })
})
