import { AppError } from '@/domain/errors'
import { callUntil } from '../retry'
import type { ApiResult } from '../transport'

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

const lost = (): ApiResult<string> => ({ ok: false, error: new AppError('TIMEOUT') })

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
