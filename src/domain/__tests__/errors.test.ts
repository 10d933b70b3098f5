import {
  AppError,
  CLIENT_ERROR_CODES,
  CLOUD_ERROR_CODES,
  ERROR_CATALOGUE,
  GATE_REASON_CODES,
  NEXT_STEPS,
  describeError,
  isAppError,
  isErrorCode,
  isGateReasonCode,
  type ErrorCode,
} from '../errors'

const CJK = /[\u4e00-\u9fff]/
const ALL_CODES: ErrorCode[] = [...CLOUD_ERROR_CODES, ...CLIENT_ERROR_CODES]

// The cloud's list as written in docs/contract-sketch.md; the catalogue must cover every one of them.
const SKETCH_CLOUD_CODES =
  `AUTH_REQUIRED, AUTH_CODE_INVALID, FORBIDDEN, NOT_FOUND, VALIDATION_FAILED, IDEMPOTENCY_CONFLICT,
RATE_LIMITED, SERVER_ERROR, DEVICE_NOT_FOUND, DEVICE_OFFLINE, DEVICE_SERVICE_EXPIRED, DEVICE_NOT_ACTIVATED,
DEVICE_LOCK_FAULT, DEVICE_CAMERA_FAULT, DEVICE_RESTOCKING, DEVICE_IN_USE, DEVICE_QUOTA_EXHAUSTED, LOGIN_REQUIRED,
PHONE_REQUIRED, PHONE_CODE_INVALID, CREDIT_REQUIRED, CREDIT_REJECTED, CREDIT_PENDING, USER_BLACKLISTED, UNPAID_ORDER,
DOOR_OPEN_FAILED, DOOR_OPEN_TIMEOUT, SESSION_NOT_FOUND, SESSION_NOT_YOURS, SESSION_STATE_CONFLICT, SESSION_ACTIVE,
ORDER_NOT_FOUND,
ORDER_ALREADY_PAID, PAYMENT_FAILED, PAYMENT_PENDING, COMPLAINT_WINDOW_CLOSED, COMPLAINT_ALREADY_OPEN,
COMPLAINT_ALREADY_HANDLED, COMPLAINT_NOT_FOUND, UPLOAD_TOO_LARGE, UPLOAD_TYPE_INVALID, STAFF_NOT_BOUND, STAFF_REMOVED,
STAFF_INVITE_INVALID, STAFF_SESSION_OPEN, RESTOCK_ALREADY_CONFIRMED, RESTOCK_ORDER_NOT_FOUND, COUNT_INVALID,
COUNT_ABOVE_CAPACITY, DEVICE_COMMAND_FAILED, ALARM_NOT_FOUND, STAFF_ROLE_REQUIRED, LOCATION_NEEDS_CONFIRMATION, WITHDRAW_AMOUNT_INVALID, WITHDRAW_BELOW_MINIMUM,
WITHDRAW_ABOVE_AVAILABLE, ACCOUNT_NOT_FOUND, BLACKLIST_SOURCE_INVALID, BLACKLIST_SELF, BLACKLIST_ENTRY_NOT_FOUND,
MESSAGE_NOT_FOUND`
    .split(',')
    .map((s) => s.trim())

describe('the error catalogue', () => {
  test('covers exactly the contract sketch cloud codes plus the client codes', () => {
    expect([...CLOUD_ERROR_CODES].sort()).toEqual([...SKETCH_CLOUD_CODES].sort())
    // The app's own codes are the ones the cloud never sends.
    expect(CLIENT_ERROR_CODES.filter((code) => SKETCH_CLOUD_CODES.includes(code))).toEqual([])
    expect(CLIENT_ERROR_CODES).toContain('UNKNOWN')
    expect(Object.keys(ERROR_CATALOGUE).sort()).toEqual([...ALL_CODES].sort())
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length)
  })

  test.each(ALL_CODES)(
    '%s tells the user in Chinese what happened, what to do, and labels the button',
    (code) => {
      const entry = ERROR_CATALOGUE[code]
      expect(entry.code).toBe(code)
      expect(entry.message).toMatch(CJK)
      expect(entry.hint).toMatch(CJK)
      expect(entry.actionLabel).toMatch(CJK)
      expect(entry.message.trim()).toBe(entry.message)
      expect(entry.message.length).toBeLessThanOrEqual(12)
      expect(entry.actionLabel.length).toBeLessThanOrEqual(6)
      expect(NEXT_STEPS).toContain(entry.next)
    },
  )

  test('is frozen, so no page can reword an entry for everyone', () => {
    expect(Object.isFrozen(ERROR_CATALOGUE)).toBe(true)
    expect(Object.isFrozen(ERROR_CATALOGUE.UNPAID_ORDER)).toBe(true)
  })

  test('speaks the operator manual: 设备未维护, 设备服务已到期, 识别次数已用完, 他人正在购物, 待支付订单', () => {
    expect(ERROR_CATALOGUE.DEVICE_NOT_ACTIVATED.message).toContain('设备未维护')
    expect(ERROR_CATALOGUE.DEVICE_SERVICE_EXPIRED.message).toBe('设备服务已到期')
    expect(ERROR_CATALOGUE.DEVICE_QUOTA_EXHAUSTED.message).toBe('识别次数已用完')
    expect(ERROR_CATALOGUE.DEVICE_IN_USE.message).toBe('他人正在购物')
    expect(ERROR_CATALOGUE.UNPAID_ORDER.message).toBe('您有待支付订单')
  })

  test('explains to a restocker not bound to the cabinet why it will not open and who can fix it', () => {
    const entry = ERROR_CATALOGUE.STAFF_NOT_BOUND
    expect(entry.message).toBe('您未绑定此设备')
    expect(entry.hint).toContain('绑定')
    expect(entry.hint).toContain('商户')
    expect(entry.next).toBe('callService')
  })

  test('sends each gate refusal to the step that clears it', () => {
    expect(ERROR_CATALOGUE.LOGIN_REQUIRED.next).toBe('login')
    expect(ERROR_CATALOGUE.PHONE_REQUIRED.next).toBe('bindPhone')
    expect(ERROR_CATALOGUE.CREDIT_REQUIRED).toMatchObject({ next: 'authorizeCredit', actionLabel: '去开通' })
    expect(ERROR_CATALOGUE.UNPAID_ORDER).toMatchObject({ next: 'payUnpaid', actionLabel: '去支付' })
    expect(ERROR_CATALOGUE.DEVICE_SERVICE_EXPIRED).toMatchObject({
      next: 'callService',
      actionLabel: '联系客服',
    })
    expect(ERROR_CATALOGUE.DEVICE_IN_USE.next).toBe('wait')
    expect(ERROR_CATALOGUE.QR_INVALID).toMatchObject({ next: 'rescan', actionLabel: '重新扫码' })
    expect(ERROR_CATALOGUE.NETWORK).toMatchObject({ next: 'retry', actionLabel: '重试' })
    expect(ERROR_CATALOGUE.PLATFORM_CANCELLED.next).toBe('none')
  })

  test('a failed door open reassures the shopper that nothing was charged', () => {
    expect(ERROR_CATALOGUE.DOOR_OPEN_FAILED.hint).toContain('未产生扣款')
    expect(ERROR_CATALOGUE.DOOR_OPEN_TIMEOUT.hint).toContain('未产生扣款')
  })
})

describe('gate reasons', () => {
  test('are cloud codes covering the user states and every device state', () => {
    for (const code of GATE_REASON_CODES) {
      expect(CLOUD_ERROR_CODES).toContain(code)
      expect(isGateReasonCode(code)).toBe(true)
    }
    for (const device of [
      'DEVICE_OFFLINE',
      'DEVICE_SERVICE_EXPIRED',
      'DEVICE_NOT_ACTIVATED',
      'DEVICE_LOCK_FAULT',
      'DEVICE_CAMERA_FAULT',
      'DEVICE_RESTOCKING',
      'DEVICE_IN_USE',
      'DEVICE_QUOTA_EXHAUSTED',
    ]) {
      expect(GATE_REASON_CODES).toContain(device)
    }
    expect(isGateReasonCode('NETWORK')).toBe(false)
    expect(isGateReasonCode('DEVICE_NOT_FOUND')).toBe(false)
  })
})

describe('isErrorCode', () => {
  test('accepts catalogue codes and nothing else, not even Object.prototype names', () => {
    expect(isErrorCode('UNPAID_ORDER')).toBe(true)
    expect(isErrorCode('QR_INVALID')).toBe(true)
    for (const x of ['unpaid_order', 'toString', 'constructor', '__proto__', '', 42, null, undefined, {}]) {
      expect(isErrorCode(x)).toBe(false)
    }
  })
})

describe('describeError', () => {
  test('a code from a newer cloud that the app does not know still gets words and a next step', () => {
    const entry = describeError('DEVICE_ON_FIRE')
    expect(entry.code).toBe('UNKNOWN')
    expect(entry.message).toBe(ERROR_CATALOGUE.UNKNOWN.message)
    expect(entry.next).toBe('retry')
    expect(describeError(undefined).code).toBe('UNKNOWN')
  })

  test('the cloud may word a gate reason more precisely; blank words fall back to the catalogue', () => {
    const entry = describeError('UNPAID_ORDER', { message: '您有 1 笔待支付订单（¥12.50）' })
    expect(entry).toMatchObject({
      code: 'UNPAID_ORDER',
      message: '您有 1 笔待支付订单（¥12.50）',
      hint: ERROR_CATALOGUE.UNPAID_ORDER.hint,
      next: 'payUnpaid',
    })
    expect(describeError('UNPAID_ORDER', { message: '  ', hint: null }).message).toBe('您有待支付订单')
  })

  test('returns a copy, so callers cannot edit the catalogue', () => {
    const entry = describeError('NETWORK')
    entry.message = 'changed'
    expect(ERROR_CATALOGUE.NETWORK.message).toBe('网络连接失败')
  })
})

describe('AppError', () => {
  test('carries the code, status, fields and request id, with the Chinese message and next step', () => {
    const err = new AppError('VALIDATION_FAILED', {
      status: 422,
      fields: { amountFen: '金额不能超过可提现余额' },
      requestId: 'req-1',
      detail: 'amountFen > availableFen',
    })
    expect(err).toBeInstanceOf(Error)
    expect(err).toBeInstanceOf(AppError)
    expect(isAppError(err)).toBe(true)
    expect(err).toMatchObject({
      name: 'AppError',
      code: 'VALIDATION_FAILED',
      status: 422,
      fields: { amountFen: '金额不能超过可提现余额' },
      requestId: 'req-1',
      message: '填写的信息有误',
      hint: '请按提示修改后再提交',
      next: 'fixInput',
      actionLabel: '去修改',
      detail: 'amountFen > availableFen',
    })
  })

  test('uses the cloud words when it sent some', () => {
    const err = new AppError('DEVICE_OFFLINE', { message: '设备离线（最后在线 10:05）' })
    expect(err.message).toBe('设备离线（最后在线 10:05）')
    expect(err.hint).toBe(ERROR_CATALOGUE.DEVICE_OFFLINE.hint)
  })

  test('a plain Error is not an AppError', () => {
    expect(isAppError(new Error('x'))).toBe(false)
    expect(isAppError({ code: 'NETWORK', message: '网络连接失败' })).toBe(false)
  })
})
