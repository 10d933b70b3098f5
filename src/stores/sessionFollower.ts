import type { StreamEvent, StreamStatus } from '@/api/stream'
import { hasGap, type EventLike, type SessionLike, type SessionLog } from '@/domain/sessionLog'
import type { StorePorts } from './types'

/** While the socket is not open, the session is read over HTTP this often, so the screen never stalls. */
export const POLL_EVERY_MS = 1_000

export interface FollowerHooks<E> {
  /** Events the socket pushed for the followed session, as they come (maybe out of order, maybe twice). */
  ingest: (events: E[]) => void
  /** The socket's state, for the screen's 网络不稳定 line. */
  onStatus: (status: StreamStatus) => void
  /**
   * One HTTP read of what the socket may have missed (events after the applied seq, or a snapshot); the
   * hook takes the answer in itself. Never run twice at once.
   */
  read: () => Promise<void>
}

export interface SessionFollower<S extends SessionLike & { id: string }, E extends EventLike<S>> {
  /** Follow one session from `seq` on the app's one socket; whatever was followed before is let go. */
  follow: (sessionId: string, seq: number) => void
  unfollow: () => void
  readonly following: boolean
  /** Read what may have been missed now (a deadline passed, a screen came back); also when not following. */
  catchUp: () => Promise<void>
  /** After the slice took something in: tell the socket how far, and fetch what a sequence gap holds back. */
  applied: (log: SessionLog<S, E>) => void
}

/**
 * The one way a store follows a live session (the shopper's door, the restocker's): events over the app's
 * socket, a read every second while the socket is not open, a read when it opens again and whenever a
 * sequence gap shows something was missed. Each slice keeps its own log; this keeps the wiring.
 */
export function createSessionFollower<S extends SessionLike & { id: string }, E extends EventLike<S>>(
  stream: StorePorts['stream'],
  hooks: FollowerHooks<E>,
): SessionFollower<S, E> {
  let stop: (() => void) | null = null
  let reading = false

  const catchUp = async () => {
    if (reading) return
    reading = true
    try {
      await hooks.read()
    } finally {
      reading = false
    }
  }

  const unfollow = () => {
    stop?.()
    stop = null
  }

  const follow = (sessionId: string, seq: number) => {
    unfollow()
    const offEvent = stream.onEvent((event: StreamEvent) => {
      // The socket carries every session the app follows; the stream tags each event with its session.
      if (event.sessionId === sessionId) hooks.ingest([event as unknown as E])
    })
    const offStatus = stream.onStatus((status) => {
      hooks.onStatus(status)
      // Back online: the subscription replays what happened meanwhile; read it anyway, it costs one request.
      if (status === 'open') void catchUp()
    })
    const unsubscribe = stream.subscribe(sessionId, seq)
    hooks.onStatus(stream.status)
    const poll = setInterval(() => {
      if (stream.status !== 'open') void catchUp()
    }, POLL_EVERY_MS)
    stop = () => {
      clearInterval(poll)
      offEvent()
      offStatus()
      unsubscribe()
    }
  }

  return {
    follow,
    unfollow,
    get following() {
      return stop !== null
    },
    catchUp,
    applied: (log) => {
      stream.acknowledge(log.session.id, log.session.seq)
      if (hasGap(log)) void catchUp()
    },
  }
}
