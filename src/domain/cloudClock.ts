/**
 * How far the cloud's clock is from this phone's, learnt from the answers' `Date` headers. A phone's clock
 * can be minutes off; the cloud's `openedAt` is the truth about when a door opened, so timers shown on the
 * phone count from the cloud's instant moved onto the phone's clock.
 *
 * Each answer bounds the offset: the cloud stamped its whole second somewhere between the moment the request
 * left and the moment the answer arrived. Intersecting those bounds over answers narrows the estimate well
 * below the header's one-second resolution; bounds that no longer overlap mean one of the clocks was set
 * anew, and the estimate starts again from the latest answer.
 */
export interface ClockOffset {
  /** cloud time − phone time lies within [lowMs, highMs] */
  lowMs: number
  highMs: number
}

export interface ServerDateSample {
  /** The cloud's time as the answer stated it, in epoch ms. */
  serverTime: number
  /** How coarse `serverTime` is: 1,000 for an HTTP `Date` header (whole seconds). */
  resolutionMs: number
  /** This phone's clock when the request left and when the answer arrived. */
  sentAt: number
  receivedAt: number
}

export function boundsOf(sample: ServerDateSample): ClockOffset {
  return {
    lowMs: sample.serverTime - sample.receivedAt,
    highMs: sample.serverTime + sample.resolutionMs - sample.sentAt,
  }
}

export function addSample(current: ClockOffset | null, sample: ServerDateSample): ClockOffset {
  const fresh = boundsOf(sample)
  if (!current) return fresh
  const lowMs = Math.max(current.lowMs, fresh.lowMs)
  const highMs = Math.min(current.highMs, fresh.highMs)
  return lowMs <= highMs ? { lowMs, highMs } : fresh
}

/** The best single guess: the middle of the bounds (0 before any answer). */
export function offsetMs(offset: ClockOffset | null): number {
  return offset ? Math.round((offset.lowMs + offset.highMs) / 2) : 0
}

/** A cloud instant (epoch ms) on this phone's clock. */
export function cloudToLocal(cloudTime: number, offset: ClockOffset | null): number {
  return cloudTime - offsetMs(offset)
}
