import { applyEvents, applySnapshot, hasGap, startLog } from '../sessionLog'

type S = { seq: number; total: number }
type E = { seq: number; kind: string; session: S }

const ev = (seq: number, total: number, kind = 'taken'): E => ({ seq, kind, session: { seq, total } })

test('events in order are applied and the session follows the last one', () => {
  const log = applyEvents(startLog<S, E>({ seq: 1, total: 0 }), [ev(2, 300), ev(3, 650)])
  expect(log.session).toEqual({ seq: 3, total: 650 })
  expect(log.events.map((e) => e.seq)).toEqual([2, 3])
})

test('a duplicate (socket and poll both delivered it) is applied once', () => {
  let log = applyEvents(startLog<S, E>({ seq: 1, total: 0 }), [ev(2, 300)])
  log = applyEvents(log, [ev(2, 300), ev(2, 300)])
  expect(log.events).toHaveLength(1)
})

test('an event ahead of a gap waits until the gap is filled, then both apply in order', () => {
  let log = applyEvents(startLog<S, E>({ seq: 1, total: 0 }), [ev(3, 650)])
  expect(log.session.seq).toBe(1)
  expect(hasGap(log)).toBe(true)
  log = applyEvents(log, [ev(2, 300)])
  expect(log.events.map((e) => e.seq)).toEqual([2, 3])
  expect(log.session.total).toBe(650)
  expect(hasGap(log)).toBe(false)
})

test('old events after a newer snapshot are ignored; a snapshot never moves backwards', () => {
  let log = applySnapshot(startLog<S, E>({ seq: 1, total: 0 }), { seq: 5, total: 900 })
  log = applyEvents(log, [ev(3, 650), ev(4, 700)])
  expect(log.session).toEqual({ seq: 5, total: 900 })
  expect(applySnapshot(log, { seq: 2, total: 1 })).toBe(log)
})

test('nothing new returns the same object', () => {
  const log = applyEvents(startLog<S, E>({ seq: 2, total: 0 }), [ev(2, 0)])
  expect(applyEvents(log, [ev(1, 0)])).toBe(log)
})
