import type { Gate, GateReason } from '@/api/types'
import { secondsLeft, waitEnd } from '../waitLeft'

const ARRIVED = Date.UTC(2026, 11, 5, 2, 0, 0)

function refused(reason: Partial<GateReason>): Gate {
  return {
    mayOpen: false,
    reasons: [{ code: 'RATE_LIMITED', message: '开门太频繁', hint: '请稍后再试', ...reason }],
    credit: null,
  }
}

describe('when a refused gate’s wait ends', () => {
  it('counts retryAfterSec from the moment the answer arrived', () => {
    expect(waitEnd(refused({ retryAfterSec: 30 }), ARRIVED, 0)).toEqual({
      at: ARRIVED + 30_000,
      fromCloudTime: false,
    })
  })

  it('moves the cloud’s availableAt onto a phone whose clock runs two minutes slow', () => {
    // cloud − phone = +120 s: the cloud's 10:05 is the phone's 10:03.
    const gate = refused({ availableAt: '2026-12-05T02:05:00Z', retryAfterSec: 30 })
    expect(waitEnd(gate, ARRIVED, 120_000)).toEqual({
      at: Date.UTC(2026, 11, 5, 2, 3, 0),
      fromCloudTime: true,
    })
  })

  it('falls back to retryAfterSec when availableAt is not a time', () => {
    expect(waitEnd(refused({ availableAt: 'soon', retryAfterSec: 5 }), ARRIVED, 120_000)).toEqual({
      at: ARRIVED + 5_000,
      fromCloudTime: false,
    })
  })

  it('asks for no wait when the gate is open, or its reason names none', () => {
    expect(waitEnd({ mayOpen: true, reasons: [], credit: null }, ARRIVED, 0)).toBeNull()
    expect(waitEnd(refused({ code: 'UNPAID_ORDER' }), ARRIVED, 0)).toBeNull()
    expect(waitEnd(refused({ retryAfterSec: 0 }), ARRIVED, 0)).toBeNull()
  })

  it('reads only the first reason, the one the panel shows', () => {
    const gate = refused({ code: 'UNPAID_ORDER' })
    gate.reasons.push({ code: 'RATE_LIMITED', message: '开门太频繁', hint: '请稍后再试', retryAfterSec: 30 })
    expect(waitEnd(gate, ARRIVED, 0)).toBeNull()
  })
})

describe('the seconds shown', () => {
  it('round up, so the last part-second still shows 1, and stop at 0', () => {
    expect(secondsLeft(ARRIVED + 30_000, ARRIVED)).toBe(30)
    expect(secondsLeft(ARRIVED + 29_001, ARRIVED)).toBe(30)
    expect(secondsLeft(ARRIVED + 1, ARRIVED)).toBe(1)
    expect(secondsLeft(ARRIVED, ARRIVED)).toBe(0)
    expect(secondsLeft(ARRIVED - 5_000, ARRIVED)).toBe(0)
  })
})
