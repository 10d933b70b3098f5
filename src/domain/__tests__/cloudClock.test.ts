import { addSample, cloudToLocal, offsetMs, type ServerDateSample } from '../cloudClock'

// The cloud runs 90.4 s ahead of the phone; answers take 120 ms; the Date header is in whole seconds.
const SKEW = 90_400
function answer(sentAt: number, rttMs = 120): ServerDateSample {
  const handledAt = sentAt + rttMs / 2 + SKEW
  return {
    serverTime: Math.floor(handledAt / 1000) * 1000,
    resolutionMs: 1000,
    sentAt,
    receivedAt: sentAt + rttMs,
  }
}

test('before any answer the phone’s clock is taken as the cloud’s', () => {
  expect(offsetMs(null)).toBe(0)
  expect(cloudToLocal(1_000, null)).toBe(1_000)
})

test('one answer knows the offset to about a second, several to a fraction of one', () => {
  const first = addSample(null, answer(1_000_000))
  expect(Math.abs(offsetMs(first) - SKEW)).toBeLessThanOrEqual(600)
  let estimate = first
  for (let i = 1; i <= 12; i++) estimate = addSample(estimate, answer(1_000_000 + i * 1_337))
  expect(estimate.highMs - estimate.lowMs).toBeLessThan(500)
  expect(Math.abs(offsetMs(estimate) - SKEW)).toBeLessThanOrEqual(250)
})

test('a door the cloud opened 19 s ago shows 19 s on the phone, whatever the phone’s clock says', () => {
  let estimate = null
  for (let i = 0; i < 8; i++) estimate = addSample(estimate, answer(5_000_000 + i * 777))
  const phoneNow = 5_010_000
  const openedAtCloud = phoneNow + SKEW - 19_000
  const elapsed = phoneNow - cloudToLocal(openedAtCloud, estimate)
  expect(Math.abs(elapsed - 19_000)).toBeLessThanOrEqual(300)
})

test('a clock set anew (bounds no longer overlap) starts the estimate again', () => {
  let estimate = null
  for (let i = 0; i < 5; i++) estimate = addSample(estimate, answer(1_000_000 + i * 500))
  const reset = { ...answer(2_000_000), serverTime: answer(2_000_000).serverTime + 3_600_000 }
  estimate = addSample(estimate, reset)
  expect(Math.abs(offsetMs(estimate) - (SKEW + 3_600_000))).toBeLessThanOrEqual(600)
})
