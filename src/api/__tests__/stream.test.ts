/**
 * The app's one socket: heartbeat, reconnect with backoff, resubscription from the last applied sequence
 * number, and events handed to listeners — against a stand-in platform socket and fake timers.
 */
import { platform } from '@/platform'
import type { SocketHandlers } from '@/platform/types'
import { CloudStream } from '../stream'

interface FakeSocket {
  url: string
  handlers: SocketHandlers
  sent: Record<string, unknown>[]
  closed: boolean
}

let sockets: FakeSocket[]

beforeEach(() => {
  jest.useFakeTimers()
  sockets = []
  jest.spyOn(platform, 'openSocket').mockImplementation(async (url, handlers) => {
    const socket: FakeSocket = { url, handlers, sent: [], closed: false }
    sockets.push(socket)
    return {
      send: (text) => socket.sent.push(JSON.parse(text) as Record<string, unknown>),
      close: () => {
        socket.closed = true
      },
    }
  })
})

afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

/** `random` is jitter's draw: 0 (the default here) keeps every pause whole, 1 takes the most off. */
function stream(random = () => 0) {
  return new CloudStream({
    url: 'ws://cloud.test/v1/stream',
    getToken: () => 'tok en',
    heartbeatMs: 20_000,
    pongTimeoutMs: 5_000,
    backoffMs: [500, 1000],
    random,
  })
}

test('subscribing connects once with the token and subscribes from the given sequence number', async () => {
  const s = stream()
  s.subscribe('sess_1', 4)
  s.subscribe('sess_2', 0)
  await flush()
  expect(sockets).toHaveLength(1)
  expect(sockets[0]!.url).toBe('ws://cloud.test/v1/stream?token=tok%20en')
  sockets[0]!.handlers.onOpen()
  expect(s.status).toBe('open')
  expect(sockets[0]!.sent).toEqual([
    { type: 'subscribe', sessionId: 'sess_1', afterSeq: 4 },
    { type: 'subscribe', sessionId: 'sess_2', afterSeq: 0 },
  ])
})

test('events reach listeners with their session id; pongs and junk do not', async () => {
  const s = stream()
  const events: unknown[] = []
  s.onEvent((e) => events.push(e))
  s.subscribe('sess_1', 0)
  await flush()
  sockets[0]!.handlers.onOpen()
  sockets[0]!.handlers.onMessage(
    JSON.stringify({ type: 'event', sessionId: 'sess_1', event: { seq: 1, kind: 'opened' } }),
  )
  sockets[0]!.handlers.onMessage(JSON.stringify({ type: 'pong', t: 1 }))
  sockets[0]!.handlers.onMessage('not json')
  sockets[0]!.handlers.onMessage(
    JSON.stringify({ type: 'event', sessionId: 'sess_1', event: { kind: 'no seq' } }),
  )
  expect(events).toEqual([{ seq: 1, kind: 'opened', sessionId: 'sess_1' }])
})

test('a ping goes out every heartbeat; a missing pong drops the socket and it reconnects with backoff', async () => {
  const s = stream()
  const statuses: string[] = []
  s.onStatus((st) => statuses.push(st))
  s.subscribe('sess_1', 0)
  await flush()
  sockets[0]!.handlers.onOpen()
  jest.advanceTimersByTime(20_000)
  expect(sockets[0]!.sent.at(-1)).toMatchObject({ type: 'ping' })
  sockets[0]!.handlers.onMessage(JSON.stringify({ type: 'pong', t: 0 }))
  jest.advanceTimersByTime(20_000)
  jest.advanceTimersByTime(5_000) // this ping is never answered
  expect(sockets[0]!.closed).toBe(true)
  expect(s.status).toBe('down')
  jest.advanceTimersByTime(499)
  await flush()
  expect(sockets).toHaveLength(1)
  jest.advanceTimersByTime(1)
  await flush()
  expect(sockets).toHaveLength(2)
  expect(statuses).toEqual(['connecting', 'open', 'down', 'connecting'])
})

test('reconnect pauses are jittered shorter, never longer, so phones dropped together come back apart', async () => {
  const s = stream(() => 1)
  s.subscribe('sess_1', 0)
  await flush()
  sockets[0]!.handlers.onClose(1006, 'network lost')
  jest.advanceTimersByTime(374)
  await flush()
  expect(sockets).toHaveLength(1)
  jest.advanceTimersByTime(1)
  await flush()
  expect(sockets).toHaveLength(2)
})

test('after a reconnect it resubscribes from the last acknowledged sequence number, not the first', async () => {
  const s = stream()
  s.subscribe('sess_1', 2)
  await flush()
  sockets[0]!.handlers.onOpen()
  s.acknowledge('sess_1', 7)
  s.acknowledge('sess_1', 5) // never backwards
  sockets[0]!.handlers.onClose(1006, 'network lost')
  jest.advanceTimersByTime(500)
  await flush()
  sockets[1]!.handlers.onOpen()
  expect(sockets[1]!.sent).toEqual([{ type: 'subscribe', sessionId: 'sess_1', afterSeq: 7 }])
})

test('events from a socket that was already replaced are ignored', async () => {
  const s = stream()
  const events: unknown[] = []
  s.onEvent((e) => events.push(e))
  s.subscribe('sess_1', 0)
  await flush()
  const old = sockets[0]!
  old.handlers.onOpen()
  old.handlers.onError('boom')
  jest.advanceTimersByTime(500)
  await flush()
  old.handlers.onMessage(JSON.stringify({ type: 'event', sessionId: 'sess_1', event: { seq: 1 } }))
  expect(events).toEqual([])
})

test('the last unsubscribe closes the socket and stops reconnecting', async () => {
  const s = stream()
  const off = s.subscribe('sess_1', 0)
  await flush()
  sockets[0]!.handlers.onOpen()
  off()
  expect(sockets[0]!.closed).toBe(true)
  expect(s.status).toBe('idle')
  jest.advanceTimersByTime(60_000)
  await flush()
  expect(sockets).toHaveLength(1)
})
