import { AppError, isTransient } from '@/domain/errors'
import { callApi, type CallArgs, type OperationId, type ResultOf } from './endpoints'
import type { ApiResult } from './transport'
import type { OpenDoorRequest, OpenRestockSessionRequest } from './types'

// The one home of "try again": which failures are worth another request, how long to pause between tries,
// and the two loops every store uses (send one request until a definite answer; ask until the cloud has
// decided). Stores do not write their own.

/** Where jitter draws from: `Math.random` in the app; tests pass a fixed value to stay deterministic. */
export type RandomSource = () => number

/**
 * How much of a pause jitter may take away. Phones that lost the network together (a cabinet's Wi-Fi, a
 * lift) come back together; jitter spreads their retries out. It only ever shortens a pause, so no wait is
 * longer than promised (the 20 s of 开门, a poll every second).
 */
export const JITTER = 0.25

/** `ms` less a random share of at most JITTER: between `(1 - JITTER) * ms` and `ms`. */
export function jittered(ms: number, random: RandomSource = Math.random): number {
  const share = Math.min(1, Math.max(0, random()))
  return Math.round(ms * (1 - JITTER * share))
}

/**
 * The pause after the `failures`-th failure in a row (1 for the first), read from `stepsMs`, whose last
 * step repeats; jittered.
 */
export function backoffPause(failures: number, stepsMs: readonly number[], random?: RandomSource): number {
  const step = stepsMs[Math.min(Math.max(failures - 1, 0), stepsMs.length - 1)] ?? 0
  return jittered(step, random)
}

/**
 * Whether a failed request is worth sending again: the one rule for every store. Someone waiting on the
 * answer (a tap, a screen) retries only when no answer came (`isTransient`): the request may or may not
 * have reached the cloud, and the same body with the same Idempotency-Key cannot do the work twice. Work
 * kept in an outbox, which no one waits on, is also sent again after answers that say nothing about the
 * work itself: the cloud failing or busy, a login to redo, a body the app could not read.
 */
export function worthRetrying(error: AppError, work: 'awaited' | 'kept' = 'awaited'): boolean {
  return isTransient(error) || (work === 'kept' && NOT_ABOUT_THE_WORK.has(error.code))
}

const NOT_ABOUT_THE_WORK: ReadonlySet<AppError['code']> = new Set<AppError['code']>([
  'SERVER_ERROR',
  'RATE_LIMITED',
  'AUTH_REQUIRED',
  'RESPONSE_INVALID',
  'UNKNOWN',
])

export interface RetrySchedule {
  /** The longest one attempt may wait for its answer. */
  attemptTimeoutMs: number
  /** After an attempt failed with nothing else in flight, the pause before the next, before jitter. */
  pauseMs: number
  /**
   * Hedging: when the latest attempt has had no answer this long (the n-th step after the n-th attempt;
   * the last step repeats), send the same request again without giving up on the ones in flight; the
   * first definite answer wins. Absent: one attempt at a time.
   */
  hedgeAfterMs?: readonly number[]
}

/** Hedged attempts in flight together at most: enough to outlast two lost packets, not a flood. */
const MOST_IN_FLIGHT = 3

// The transport keeps its own clock half a second past the platform's timeout (transport.ts): an attempt
// given `t` ms may take `t + 500`. And an attempt shorter than a second cannot carry a door-open answer.
const TRANSPORT_SLACK_MS = 600
const SHORTEST_ATTEMPT_MS = 1_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Sends one request until it gets a definite answer or `deadlineAt` (epoch ms on this phone) comes, and
 * never later: every attempt's timeout and every pause is cut to the time left. `attempt` must send the
 * same body with the same Idempotency-Key every time, so that attempts in flight together or one after
 * another cannot do the work twice; only answers that may not have reached the cloud (network, timeout)
 * are retried. Resolves with the first definite answer or the last failure.
 */
export function callUntil<T>(
  deadlineAt: number,
  schedule: RetrySchedule,
  attempt: (timeoutMs: number) => Promise<ApiResult<T>>,
  random?: RandomSource,
): Promise<ApiResult<T>> {
  return new Promise((resolve) => {
    let last: ApiResult<T> = { ok: false, error: new AppError('TIMEOUT') }
    let inFlight = 0
    let sent = 0
    let settled = false
    let next: ReturnType<typeof setTimeout> | undefined
    const timeLeft = () => deadlineAt - Date.now() - TRANSPORT_SLACK_MS
    const finish = (result: ApiResult<T>) => {
      if (settled) return
      settled = true
      clearTimeout(next)
      resolve(result)
    }
    const launchAfter = (ms: number) => {
      clearTimeout(next)
      next = setTimeout(launch, ms)
    }
    const onAnswer = (result: ApiResult<T>) => {
      inFlight -= 1
      if (settled) return
      if (result.ok || !worthRetrying(result.error)) return finish(result)
      last = result
      // Another attempt may still answer; its hedge (or the pause set below when none is due) goes on.
      if (inFlight > 0 && next !== undefined) return
      const pause = Math.min(jittered(schedule.pauseMs, random), timeLeft() - SHORTEST_ATTEMPT_MS)
      if (pause < 0) {
        if (inFlight === 0) finish(last)
        return
      }
      launchAfter(pause)
    }
    function launch() {
      next = undefined
      if (settled) return
      const budget = timeLeft()
      if (budget < SHORTEST_ATTEMPT_MS) {
        if (inFlight === 0) finish(last)
        return
      }
      inFlight += 1
      sent += 1
      const hedge = schedule.hedgeAfterMs
      if (hedge && hedge.length > 0 && inFlight < MOST_IN_FLIGHT)
        launchAfter(hedge[Math.min(sent - 1, hedge.length - 1)]!)
      void attempt(Math.min(schedule.attemptTimeoutMs, budget)).then(onAnswer)
    }
    launch()
  })
}

/** The definite-end promise of 开门 (shopper and restocker): opened, or a failure with a reason, within this. */
export const OPEN_DEADLINE_MS = 20_000
/**
 * An answer to 开门 takes one round trip (the door's own travel comes later, over the stream): with 300 ms
 * of latency it came in a median 333 ms and 390 ms at the 99th percentile (`npm run bench`, lossy). With
 * no answer after 1 s it is far more likely lost than slow, so the same request goes again while the first
 * stays in flight. With 5 % of requests and 5 % of answers lost, tap → opened went from 9.4 s to 1.6 s at
 * the 95th percentile: a lost attempt costs 1 s instead of the 8 s a lone attempt waited. Each attempt may
 * still take 8 s, for a link that is only slow.
 */
export const OPEN_SCHEDULE: RetrySchedule = {
  attemptTimeoutMs: 8_000,
  pauseMs: 800,
  hedgeAfterMs: [1_000, 1_500, 2_500],
}

interface OpenBodies {
  openDoor: OpenDoorRequest
  openRestockSession: OpenRestockSessionRequest
}

/**
 * One tap on 开门, sent until the cloud answers for certain or `deadlineAt` (20 s after the tap) comes.
 * Every attempt carries the very same body with the tap's intent as the Idempotency-Key, so however many
 * answers are lost, the cloud opens the door at most once.
 */
export function openUntilAnswered<K extends keyof OpenBodies>(
  operation: K,
  body: OpenBodies[K],
  intentId: string,
  deadlineAt: number = Date.now() + OPEN_DEADLINE_MS,
  random?: RandomSource,
): Promise<ApiResult<ResultOf<K>>> {
  return callUntil(
    deadlineAt,
    OPEN_SCHEDULE,
    (timeoutMs) =>
      callApi(operation, { body, idempotencyKey: intentId, timeoutMs } as unknown as CallArgs<K>),
    random,
  )
}

/** The reads a shopper waits on in front of the cabinet: the landing, what is still going on, the receipt. */
export const READ_DEADLINE_MS = 15_000
/** Hedged as 开门 is, for the same reason: a read answers in one round trip or was lost. */
export const READ_SCHEDULE: RetrySchedule = {
  attemptTimeoutMs: 6_000,
  pauseMs: 500,
  hedgeAfterMs: [1_000, 2_000],
}

/** A read the shopper is waiting on, sent (hedged) until a definite answer or READ_DEADLINE_MS. */
export function readUntilAnswered<K extends OperationId>(
  operation: K,
  args: CallArgs<K>,
  deadlineAt: number = Date.now() + READ_DEADLINE_MS,
  random?: RandomSource,
): Promise<ApiResult<ResultOf<K>>> {
  return callUntil(
    deadlineAt,
    READ_SCHEDULE,
    (timeoutMs) => callApi(operation, { ...args, timeoutMs }),
    random,
  )
}

export interface RepeatOptions {
  /** The pause between tries, before jitter. */
  everyMs?: number
  /** Give up after this long and hand back the last answer. */
  timeoutMs?: number
  /** The caller holds a fresh answer already (the screen just loaded): pause before the first try too. */
  pauseFirst?: boolean
  random?: RandomSource
}

/**
 * Tries until `done` says so of an answer or `timeoutMs` passes, pausing `everyMs` (jittered) between
 * tries. Resolves with the last answer and whether time ran out.
 */
export async function repeatUntil<T>(
  attempt: () => Promise<T>,
  done: (answer: T) => boolean,
  { everyMs = 1_000, timeoutMs = 30_000, pauseFirst = false, random }: RepeatOptions = {},
): Promise<{ answer: T; timedOut: boolean }> {
  const startedAt = Date.now()
  if (pauseFirst) await sleep(jittered(everyMs, random))
  let answer = await attempt()
  while (!done(answer)) {
    if (Date.now() - startedAt >= timeoutMs) return { answer, timedOut: true }
    await sleep(jittered(everyMs, random))
    answer = await attempt()
  }
  return { answer, timedOut: false }
}

/**
 * Reads until the cloud has decided (`decided` says so of an answer), a definite failure comes, or
 * `timeoutMs` passes; a lost answer is read again.
 */
export function pollUntil<T>(
  read: () => Promise<ApiResult<T>>,
  decided: (data: T) => boolean,
  options?: RepeatOptions,
): Promise<{ answer: ApiResult<T>; timedOut: boolean }> {
  return repeatUntil(
    read,
    (answer) => (answer.ok ? decided(answer.data) : !worthRetrying(answer.error)),
    options,
  )
}
