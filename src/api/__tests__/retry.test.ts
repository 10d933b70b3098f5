import { AppError } from '@/domain/errors'
import {
  backoffPause,
  callUntil,
  jittered,
  JITTER,
  OPEN_DEADLINE_MS,
  OPEN_SCHEDULE,
  openUntilAnswered,
  pollUntil,
  worthRetrying,
} from '../retry'
import type { ApiResult } from '../transport'

// openUntilAnswered goes through callApi; the stand-in records what each attempt would have sent.
jest.mock('../endpoints', () => ({ callApi: jest.fn() }))
const { callApi } = jest.requireMock<{ callApi: jest.Mock }>('../endpoints')

beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }))
afterEach(() => jest.useRealTimers())

/** An attempt that takes as long as the transport may (its timeout + 500 ms), then says `result`. */
function slowAttempt(result: () => ApiResult<string>) {
  const calls: { at: number; timeoutMs: number }[] = []
  const attempt = (timeoutMs: number) => {
    calls.push({ at: Date.now(), timeoutMs })
    return new Promise<ApiResult<string>>((resolve) => setTimeout(() => resolve(result()), timeoutMs + 500))
  }
  return { attempt, calls }
}

const lost = <T = string>(): ApiResult<T> => ({ ok: false, error: new AppError('TIMEOUT') })

test('answers that never come end at the deadline, not after it: every timeout and pause is cut', async () => {
  const deadlineAt = Date.now() + 20_000
  const { attempt, calls } = slowAttempt(lost)
  let endedAt = 0
  const done = callUntil(deadlineAt, { attemptTimeoutMs: 8_000, pauseMs: 800 }, attempt).then((r) => {
    endedAt = Date.now()
    return r
  })
  await jest.advanceTimersByTimeAsync(25_000)
  const result = await done
  expect(result.ok).toBe(false)
  expect(endedAt).toBeLessThanOrEqual(deadlineAt)
  expect(calls.length).toBeGreaterThanOrEqual(3)
  for (const c of calls) expect(c.at + c.timeoutMs + 500).toBeLessThanOrEqual(deadlineAt)
})

test('a definite refusal is not retried', async () => {
  const { attempt, calls } = slowAttempt(() => ({ ok: false, error: new AppError('DEVICE_OFFLINE') }))
  const done = callUntil(Date.now() + 20_000, { attemptTimeoutMs: 1_000, pauseMs: 100 }, attempt)
  await jest.advanceTimersByTimeAsync(5_000)
  expect((await done).ok).toBe(false)
  expect(calls).toHaveLength(1)
})

test('a lost answer is retried until one arrives', async () => {
  let n = 0
  const { attempt, calls } = slowAttempt(() =>
    ++n < 3 ? lost() : { ok: true, data: 'door', status: 201, requestId: 'r' },
  )
  const done = callUntil(Date.now() + 20_000, { attemptTimeoutMs: 2_000, pauseMs: 300 }, attempt)
  await jest.advanceTimersByTimeAsync(20_000)
  expect(await done).toMatchObject({ ok: true, data: 'door' })
  expect(calls).toHaveLength(3)
})

test('the pause between attempts carries jitter, never longer than the schedule says', async () => {
  for (const [draw, pause] of [
    [0, 800],
    [1, 600],
    [0.5, 700],
  ] as const) {
    const { attempt, calls } = slowAttempt(lost)
    const done = callUntil(
      Date.now() + 20_000,
      { attemptTimeoutMs: 2_000, pauseMs: 800 },
      attempt,
      () => draw,
    )
    await jest.advanceTimersByTimeAsync(20_000)
    await done
    const [first, second] = calls
    // The first attempt ends after its timeout and the transport's half second; then the jittered pause.
    expect(second!.at - (first!.at + first!.timeoutMs + 500)).toBe(pause)
  }
})

describe('hedged attempts', () => {
  /** Attempts whose answers come after `delays[n]` ms (n-th attempt), or never within the test. */
  function timedAttempts(delays: (number | null)[]) {
    const calls: { at: number; timeoutMs: number }[] = []
    let inFlight = 0
    let mostInFlight = 0
    const attempt = (timeoutMs: number) => {
      const delay = delays[calls.length]
      calls.push({ at: Date.now(), timeoutMs })
      inFlight += 1
      mostInFlight = Math.max(mostInFlight, inFlight)
      return new Promise<ApiResult<string>>((resolve) => {
        const answer: ApiResult<string> =
          delay === null || delay === undefined
            ? lost()
            : { ok: true, data: `answer ${calls.length}`, status: 201, requestId: 'r' }
        setTimeout(
          () => {
            inFlight -= 1
            resolve(answer)
          },
          delay ?? timeoutMs + 500,
        )
      })
    }
    return { attempt, calls, mostInFlight: () => mostInFlight }
  }

  test('a second attempt goes out when the first is slow to answer, and the first answer to come wins', async () => {
    const { attempt, calls } = timedAttempts([5_000, 300])
    const schedule = { attemptTimeoutMs: 8_000, pauseMs: 800, hedgeAfterMs: [1_000] }
    let endedAt = 0
    const startedAt = Date.now()
    const done = callUntil(Date.now() + 20_000, schedule, attempt, () => 0).then((r) => {
      endedAt = Date.now()
      return r
    })
    await jest.advanceTimersByTimeAsync(10_000)
    expect(await done).toMatchObject({ ok: true, data: 'answer 2' })
    expect(calls.map((c) => c.at - startedAt)).toEqual([0, 1_000])
    expect(endedAt - startedAt).toBe(1_300)
  })

  test('never more than three in flight; the hedge steps are read in order, the last repeating', async () => {
    const { attempt, calls, mostInFlight } = timedAttempts([])
    const schedule = { attemptTimeoutMs: 4_000, pauseMs: 800, hedgeAfterMs: [1_000, 1_500] }
    const startedAt = Date.now()
    const done = callUntil(Date.now() + 20_000, schedule, attempt, () => 0)
    await jest.advanceTimersByTimeAsync(25_000)
    expect((await done).ok).toBe(false)
    expect(mostInFlight()).toBe(3)
    // 0, +1 000, +1 500; the cap holds the fourth until the first fails (4 500) and a pause (800) passes.
    expect(calls.slice(0, 4).map((c) => c.at - startedAt)).toEqual([0, 1_000, 2_500, 5_300])
  })

  test('without hedge steps there is one attempt at a time', async () => {
    const { attempt, mostInFlight } = timedAttempts([])
    const done = callUntil(Date.now() + 20_000, { attemptTimeoutMs: 2_000, pauseMs: 100 }, attempt)
    await jest.advanceTimersByTimeAsync(25_000)
    await done
    expect(mostInFlight()).toBe(1)
  })
})

describe('jitter and backoff', () => {
  test('jitter takes at most a quarter off a pause and never adds to it, whatever the source says', () => {
    expect(jittered(1_000, () => 0)).toBe(1_000)
    expect(jittered(1_000, () => 1)).toBe(750)
    expect(jittered(1_000, () => 7)).toBe(750)
    expect(jittered(1_000, () => -3)).toBe(1_000)
    for (let i = 0; i < 200; i++) {
      const pause = jittered(1_000)
      expect(pause).toBeGreaterThanOrEqual(1_000 * (1 - JITTER))
      expect(pause).toBeLessThanOrEqual(1_000)
    }
  })

  test('the n-th failure in a row waits the n-th step; the last step repeats', () => {
    const steps = [1_000, 2_000, 4_000]
    const none = () => 0
    expect([1, 2, 3, 4, 9].map((n) => backoffPause(n, steps, none))).toEqual([
      1_000, 2_000, 4_000, 4_000, 4_000,
    ])
    expect(backoffPause(2, steps, () => 1)).toBe(1_500)
  })
})

describe('worth retrying', () => {
  test('someone waiting retries only answers that never came', () => {
    expect(worthRetrying(new AppError('NETWORK'))).toBe(true)
    expect(worthRetrying(new AppError('TIMEOUT'))).toBe(true)
    for (const code of ['SERVER_ERROR', 'RATE_LIMITED', 'DEVICE_OFFLINE', 'VALIDATION_FAILED'] as const)
      expect([code, worthRetrying(new AppError(code))]).toEqual([code, false])
  })

  test('kept work also goes again after answers not about it, never after a refusal of it', () => {
    for (const code of [
      'NETWORK',
      'SERVER_ERROR',
      'RATE_LIMITED',
      'AUTH_REQUIRED',
      'RESPONSE_INVALID',
    ] as const)
      expect([code, worthRetrying(new AppError(code), 'kept')]).toEqual([code, true])
    for (const code of ['COUNT_INVALID', 'FORBIDDEN', 'SESSION_STATE_CONFLICT'] as const)
      expect([code, worthRetrying(new AppError(code), 'kept')]).toEqual([code, false])
  })
})

describe('pollUntil', () => {
  const answer = (state: string): ApiResult<{ state: string }> => ({
    ok: true,
    data: { state },
    status: 200,
    requestId: 'r',
  })

  test('reads through lost answers until the cloud has decided', async () => {
    const answers = [
      lost<{ state: string }>(),
      answer('pending'),
      lost<{ state: string }>(),
      answer('succeeded'),
    ]
    const read = jest.fn(() => Promise.resolve(answers.shift()!))
    const done = pollUntil(read, (p) => p.state !== 'pending', { everyMs: 1_000, random: () => 0 })
    await jest.advanceTimersByTimeAsync(10_000)
    expect(await done).toEqual({ answer: answer('succeeded'), timedOut: false })
    expect(read).toHaveBeenCalledTimes(4)
  })

  test('a definite failure ends the wait at once', async () => {
    const read = jest.fn(() =>
      Promise.resolve<ApiResult<{ state: string }>>({ ok: false, error: new AppError('FORBIDDEN') }),
    )
    const done = pollUntil(read, () => true)
    await jest.advanceTimersByTimeAsync(5_000)
    expect((await done).timedOut).toBe(false)
    expect(read).toHaveBeenCalledTimes(1)
  })

  test('no decision within the time: the last answer, timed out; reads a second apart less jitter', async () => {
    const read = jest.fn(() => Promise.resolve(answer('pending')))
    const startedAt = Date.now()
    const at: number[] = []
    read.mockImplementation(() => {
      at.push(Date.now() - startedAt)
      return Promise.resolve(answer('pending'))
    })
    const done = pollUntil(read, (p) => p.state !== 'pending', {
      everyMs: 1_000,
      timeoutMs: 3_000,
      random: () => 1,
    })
    await jest.advanceTimersByTimeAsync(10_000)
    expect(await done).toEqual({ answer: answer('pending'), timedOut: true })
    expect(at).toEqual([0, 750, 1_500, 2_250, 3_000])
  })
})

describe('openUntilAnswered', () => {
  test('every attempt of one tap sends the same body with the intent as the key, and ends by the deadline', async () => {
    const sent: { body: unknown; idempotencyKey?: string; timeoutMs?: number; at: number }[] = []
    callApi.mockImplementation(
      (_operation: string, args: { body: unknown; idempotencyKey?: string; timeoutMs?: number }) => {
        sent.push({ ...args, at: Date.now() })
        return new Promise((resolve) => setTimeout(() => resolve(lost()), (args.timeoutMs ?? 0) + 500))
      },
    )
    const startedAt = Date.now()
    const body = { deviceCode: 'D1', doorNo: 1 as const, intentId: 'intent-1', mode: 'shop' as const }
    let endedAt = 0
    const done = openUntilAnswered('openDoor', body, 'intent-1').then((r) => {
      endedAt = Date.now()
      return r
    })
    await jest.advanceTimersByTimeAsync(30_000)
    expect((await done).ok).toBe(false)
    expect(sent.length).toBeGreaterThanOrEqual(3)
    expect(new Set(sent.map((s) => s.idempotencyKey))).toEqual(new Set(['intent-1']))
    for (const s of sent) expect(s.body).toEqual(body)
    expect(endedAt - startedAt).toBeLessThanOrEqual(OPEN_DEADLINE_MS)
    expect(sent[0]!.timeoutMs).toBe(OPEN_SCHEDULE.attemptTimeoutMs)
  })
})
