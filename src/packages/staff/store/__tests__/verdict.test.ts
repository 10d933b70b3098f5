import { AppError, type ErrorCode } from '@/domain/errors'
import { verdictOf as verdictOfError } from '../syncSlice'

const verdictOf = (kind: 'restockConfirm' | 'stocktake', code: ErrorCode) =>
  verdictOfError(kind, new AppError(code))

test('no network, a timeout or a failing cloud: kept and tried again later', () => {
  for (const code of ['NETWORK', 'TIMEOUT', 'SERVER_ERROR', 'RATE_LIMITED', 'AUTH_REQUIRED'] as const) {
    expect([code, verdictOf('restockConfirm', code), verdictOf('stocktake', code)]).toEqual([
      code,
      'retry',
      'retry',
    ])
  }
})

test('the cloud already has the confirmation: done, not an error', () => {
  expect(verdictOf('restockConfirm', 'RESTOCK_ALREADY_CONFIRMED')).toBe('done')
})

test('the door is still open, a shopper is inside: wait for the cabinet', () => {
  expect(verdictOf('restockConfirm', 'SESSION_STATE_CONFLICT')).toBe('wait')
  expect(verdictOf('stocktake', 'DEVICE_IN_USE')).toBe('wait')
  expect(verdictOf('stocktake', 'STAFF_SESSION_OPEN')).toBe('wait')
})

test('a bad count, someone else’s session, a removed restocker: refused until the restocker acts', () => {
  for (const code of [
    'COUNT_ABOVE_CAPACITY',
    'COUNT_INVALID',
    'SESSION_NOT_YOURS',
    'STAFF_REMOVED',
    'VALIDATION_FAILED',
  ] as const) {
    expect(verdictOf('restockConfirm', code)).toBe('refused')
  }
})
