import { installCloudInJest } from '../hosts/node'

// The jest host as the app's own tests meet it: fetch to http://cloud.test and the stream over jsdom's
// WebSocket, both answered by msw with the same handlers and stream hub as the HTTP server.
const cloud = installCloudInJest({ scenario: 'happy' })

interface Client {
  socket: WebSocket
  frames: Record<string, unknown>[]
  closed: Promise<number>
}

function connect(url: string): Client {
  const socket = new WebSocket(url)
  const frames: Record<string, unknown>[] = []
  socket.onmessage = (event) => frames.push(JSON.parse(String(event.data)) as Record<string, unknown>)
  const closed = new Promise<number>((resolve) => (socket.onclose = (event) => resolve(event.code)))
  return { socket, frames, closed }
}

function opened(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    client.socket.onopen = () => resolve()
    client.socket.onerror = () => reject(new Error('socket error'))
  })
}

async function until(frames: unknown[], count: number): Promise<void> {
  for (let i = 0; i < 40 && frames.length < count; i += 1) await new Promise((r) => setTimeout(r, 25))
  expect(frames.length).toBeGreaterThanOrEqual(count)
}

describe('the jest host', () => {
  it('serves the API at http://cloud.test', async () => {
    const res = await fetch('http://cloud.test/v1/devices/GZ0001A/landing')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { device: { code: string }; gate: { reasons: { code: string }[] } }
    expect(body.device.code).toBe('GZ0001A')
    expect(body.gate.reasons.map((r) => r.code)).toContain('LOGIN_REQUIRED')
  })

  it('serves the stream: pong, replay and live events of the shopper’s session', async () => {
    const token = cloud.tokenFor('u_happy')
    const session = cloud.cloud.openDoor('u_happy', {
      deviceCode: 'GZ0001A',
      intentId: 'intent-jest-0001',
      mode: 'shop',
    })
    const client = connect(`ws://cloud.test/v1/stream?token=${token}`)
    await opened(client)
    const { socket, frames } = client
    socket.send(JSON.stringify({ type: 'ping', t: 7 }))
    socket.send(JSON.stringify({ type: 'subscribe', sessionId: session.id, afterSeq: 0 }))
    await until(frames, 2)
    cloud.clock.advance(cloud.cloud.settings().doorDelayMs)
    cloud.control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 1 })
    await until(frames, 4)
    expect(frames[0]).toEqual({ type: 'pong', t: 7 })
    expect(frames.slice(1).map((f) => (f.event as { seq: number; kind: string }).kind)).toEqual([
      'opening',
      'opened',
      'taken',
    ])
    socket.close()
  })

  it('answers a malformed percent-escape with the error body instead of failing the fetch', async () => {
    const res = await fetch('http://cloud.test/v1/devices/abc%/landing')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ code: 'DEVICE_NOT_FOUND', message: expect.any(String) })
  })

  it('lets tests drive the control side, and no page of another origin', async () => {
    expect((await fetch('http://cloud.test/__control/state')).status).toBe(200)
    const foreign = await fetch('http://cloud.test/__control/scenario', {
      method: 'POST',
      headers: { Origin: 'http://localhost:10086', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'demo' }),
    })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(cloud.runtime.scenario).toBe('happy')
  })

  it('closes a stream opened without a valid token', async () => {
    const { frames, closed } = connect('ws://cloud.test/v1/stream?token=tok_dead')
    expect(await closed).toBe(4401)
    expect(frames).toEqual([expect.objectContaining({ type: 'error', code: 'AUTH_REQUIRED' })])
  })
})
