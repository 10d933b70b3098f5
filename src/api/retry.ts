import { AppError, isTransient } from '@/domain/errors'
import type { ApiResult } from './transport'

export interface RetrySchedule {
  /** The longest one attempt may wait for its answer. */
  attemptTimeoutMs: number
  /** The pause between attempts. */
  pauseMs: number
}

// The transport keeps its own clock half a second past the platform's timeout (transport.ts): an attempt
// given `t` ms may take `t + 500`. And an attempt shorter than a second cannot carry a door-open answer.
const TRANSPORT_SLACK_MS = 600
const SHORTEST_ATTEMPT_MS = 1_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Sends one request until it gets a definite answer or `deadlineAt` (epoch ms on this phone) comes, and
 * never later: every attempt's timeout and every pause is cut to the time left. `attempt` must send the
 * same body with the same Idempotency-Key every time; only answers that may not have reached the cloud
 * (network, timeout) are retried. Resolves with the definite answer or the last failure.
 */
export async function callUntil<T>(
  deadlineAt: number,
  schedule: RetrySchedule,
  attempt: (timeoutMs: number) => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  let last: ApiResult<T> = { ok: false, error: new AppError('TIMEOUT') }
  for (;;) {
    const left = deadlineAt - Date.now() - TRANSPORT_SLACK_MS
    if (left < SHORTEST_ATTEMPT_MS) return last
    last = await attempt(Math.min(schedule.attemptTimeoutMs, left))
    if (last.ok || !isTransient(last.error)) return last
    const pause = Math.min(
      schedule.pauseMs,
      deadlineAt - Date.now() - TRANSPORT_SLACK_MS - SHORTEST_ATTEMPT_MS,
    )
    if (pause < 0) return last
    await sleep(pause)
  }
}
