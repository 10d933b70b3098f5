import type { StreamStatus } from '@/api/stream'
import { applyEvents, startLog, type SessionLog } from '@/domain/sessionLog'
import { createSessionFollower, POLL_EVERY_MS } from '../sessionFollower'
import { FakeStream } from './helpers/fakeStream'

interface Session {
  id: string
  seq: number
}
// A type alias, not an interface: the socket's events are open records, which only aliases fit.
type Event = {
  sessionId: string
  seq: number
  session: Session
}

const event = (seq: number): Event => ({ sessionId: 's1', seq, session: { id: 's1', seq } })

/** A slice in miniature: it keeps a log, takes in what the follower hands it and counts its reads. */
function followed() {
  const stream = new FakeStream()
  let log: SessionLog<Session, Event> = startLog({ id: 's1', seq: 0 })
  const statuses: StreamStatus[] = []
  let reads = 0
  let finishRead: () => void = () => undefined
  let slowReads = false
  const follower = createSessionFollower<Session, Event>(stream, {
    ingest: (events) => {
      log = applyEvents(log, events)
      follower.applied(log)
    },
    onStatus: (status) => statuses.push(status),
    read: () => {
      reads++
      return slowReads ? new Promise<void>((resolve) => (finishRead = resolve)) : Promise.resolve()
    },
  })
  return {
    stream,
    follower,
    statuses,
    get log() {
      return log
    },
    get reads() {
      return reads
    },
    slowReads: () => {
      slowReads = true
      return () => finishRead()
    },
  }
}

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

test('with the socket open, events of the followed session are taken in and acknowledged; no polling', async () => {
  const f = followed()
  f.stream.status = 'open'
  f.follower.follow('s1', 0)
  expect(f.stream.subscriptions.get('s1')).toBe(0)
  expect(f.statuses).toEqual(['open'])

  f.stream.push(event(1))
  f.stream.push(event(2))
  // The one socket also carries other sessions (the restocker's, another door): not this log's business.
  f.stream.push({ ...event(3), sessionId: 'someone-else' })
  expect(f.log.session.seq).toBe(2)
  expect(f.log.pending).toEqual([])
  expect(f.stream.subscriptions.get('s1')).toBe(2)

  await jest.advanceTimersByTimeAsync(5 * POLL_EVERY_MS)
  expect(f.reads).toBe(0)
})

test('while the socket is down the session is read every second; back online, once more and no longer', async () => {
  const f = followed()
  f.stream.status = 'open'
  f.follower.follow('s1', 0)
  f.stream.setStatus('down')
  expect(f.statuses).toEqual(['open', 'down'])

  await jest.advanceTimersByTimeAsync(POLL_EVERY_MS - 1)
  expect(f.reads).toBe(0)
  await jest.advanceTimersByTimeAsync(1)
  expect(f.reads).toBe(1)
  await jest.advanceTimersByTimeAsync(2 * POLL_EVERY_MS)
  expect(f.reads).toBe(3)

  f.stream.setStatus('open')
  expect(f.reads).toBe(4)
  await jest.advanceTimersByTimeAsync(5 * POLL_EVERY_MS)
  expect(f.reads).toBe(4)
})

test('a sequence gap is filled by a read; one read at a time however many gaps show', async () => {
  const f = followed()
  f.stream.status = 'open'
  f.follower.follow('s1', 0)
  const finish = f.slowReads()

  f.stream.push(event(3))
  expect(f.log.pending.map((e) => e.seq)).toEqual([3])
  expect(f.reads).toBe(1)
  f.stream.push(event(5))
  expect(f.reads).toBe(1)

  finish()
  await jest.advanceTimersByTimeAsync(0)
  f.stream.push(event(6))
  expect(f.reads).toBe(2)
})

test('unfollow stops everything: no events, no polling, no status, the subscription gone', async () => {
  const f = followed()
  f.stream.status = 'down'
  f.follower.follow('s1', 0)
  expect(f.follower.following).toBe(true)
  f.follower.unfollow()
  expect(f.follower.following).toBe(false)

  expect(f.stream.subscriptions.has('s1')).toBe(false)
  await jest.advanceTimersByTimeAsync(5 * POLL_EVERY_MS)
  f.stream.push(event(1))
  f.stream.setStatus('open')
  expect(f.log.session.seq).toBe(0)
  expect(f.reads).toBe(0)
  expect(f.statuses).toEqual(['down'])
})

test('following another session lets go of the first', async () => {
  const f = followed()
  f.stream.status = 'down'
  f.follower.follow('s1', 0)
  f.follower.follow('s2', 4)
  expect([...f.stream.subscriptions.keys()]).toEqual(['s2'])
  await jest.advanceTimersByTimeAsync(POLL_EVERY_MS)
  // One poll timer, not two.
  expect(f.reads).toBe(1)
})
