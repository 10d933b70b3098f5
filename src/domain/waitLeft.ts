import type { Gate } from '@/api/types'
import { parseIso } from './time'

/** When a refused gate's wait ends, on this phone's clock. */
export interface WaitEnd {
  /** Epoch ms on this phone's clock. */
  at: number
  /** From the cloud's `availableAt` (a time worth naming), not a bare `retryAfterSec`. */
  fromCloudTime: boolean
}

/**
 * When the wait the gate's first reason asks for ends, or null when it asks for none. The cloud's
 * `availableAt` wins, moved onto this phone's clock by the measured difference (a phone's clock can be
 * minutes off, and the cloud's is the truth); else `retryAfterSec` counts from when this answer arrived.
 *
 * @param arrivedAt this phone's clock when the gate arrived
 * @param cloudOffsetMs cloud time − phone time
 */
export function waitEnd(gate: Gate, arrivedAt: number, cloudOffsetMs: number): WaitEnd | null {
  const reason = gate.mayOpen ? undefined : gate.reasons[0]
  const cloudAt = reason?.availableAt ? parseIso(reason.availableAt) : null
  if (cloudAt !== null) return { at: cloudAt - cloudOffsetMs, fromCloudTime: true }
  if (reason?.retryAfterSec) return { at: arrivedAt + reason.retryAfterSec * 1000, fromCloudTime: false }
  return null
}

/** Whole seconds left until `at`, rounded up so the last second shows 1, never below 0. */
export function secondsLeft(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000))
}
