/**
 * A door session as the app knows it: the cloud's latest snapshot and the events that led to it, applied
 * strictly by sequence number. Every event carries the session snapshot after it, so state is always the
 * snapshot of the highest contiguous seq; the event list feeds the live "拿取 / 放回" feed. Events may come
 * from the socket, the polling fallback or a replay after reconnect, in any order and more than once.
 */
export interface SessionLike {
  seq: number
}

export interface EventLike<S extends SessionLike> {
  seq: number
  session: S
}

export interface SessionLog<S extends SessionLike, E extends EventLike<S>> {
  session: S
  events: E[]
  /** Events that arrived ahead of a gap, held until the gap is filled. */
  pending: E[]
}

export function startLog<S extends SessionLike, E extends EventLike<S>>(session: S): SessionLog<S, E> {
  return { session, events: [], pending: [] }
}

/** Applies whatever arrived; returns the same object when nothing changed (cheap for React selectors). */
export function applyEvents<S extends SessionLike, E extends EventLike<S>>(
  log: SessionLog<S, E>,
  incoming: readonly E[],
): SessionLog<S, E> {
  const bySeq = new Map<number, E>()
  for (const event of [...log.pending, ...incoming]) {
    if (event.seq > log.session.seq && !bySeq.has(event.seq)) bySeq.set(event.seq, event)
  }
  if (bySeq.size === 0) return log.pending.length === 0 ? log : { ...log, pending: [] }
  let { session } = log
  const applied: E[] = []
  for (let next = session.seq + 1; bySeq.has(next); next++) {
    const event = bySeq.get(next)!
    applied.push(event)
    session = event.session
    bySeq.delete(next)
  }
  const pending = [...bySeq.values()].sort((a, b) => a.seq - b.seq)
  if (applied.length === 0 && sameSeqs(pending, log.pending)) return log
  return { session, events: applied.length ? [...log.events, ...applied] : log.events, pending }
}

/** A full read of the session (after a gap that replay cannot fill); never moves backwards. */
export function applySnapshot<S extends SessionLike, E extends EventLike<S>>(
  log: SessionLog<S, E>,
  snapshot: S,
): SessionLog<S, E> {
  if (snapshot.seq <= log.session.seq) return log
  return { ...log, session: snapshot, pending: log.pending.filter((e) => e.seq > snapshot.seq) }
}

/** True when events are held back by a gap: the caller should fetch the missing range. */
export function hasGap<S extends SessionLike, E extends EventLike<S>>(log: SessionLog<S, E>): boolean {
  return log.pending.length > 0
}

function sameSeqs<T extends { seq: number }>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((e, i) => e.seq === b[i]?.seq)
}
