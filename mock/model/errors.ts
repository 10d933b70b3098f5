// The cloud's error codes are the app's catalogue list (checked against the contract by its tests); the app
// owns the wording and next steps, so the default messages here are short.
import { CLOUD_ERROR_CODES } from '../../src/domain/errors'

export { CLOUD_ERROR_CODES }

export type CloudErrorCode = (typeof CLOUD_ERROR_CODES)[number]

interface CodeInfo {
  status: number
  message: string
}

// Default HTTP status and short Chinese message per code.
export const ERROR_INFO: Record<CloudErrorCode, CodeInfo> = {
  AUTH_REQUIRED: { status: 401, message: '请先登录' },
  AUTH_CODE_INVALID: { status: 400, message: '登录凭证无效，请重试' },
  FORBIDDEN: { status: 403, message: '没有权限' },
  NOT_FOUND: { status: 404, message: '内容不存在' },
  VALIDATION_FAILED: { status: 422, message: '填写的内容有误' },
  IDEMPOTENCY_CONFLICT: { status: 409, message: '请求重复且内容不一致' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  SERVER_ERROR: { status: 500, message: '服务暂时不可用' },
  DEVICE_NOT_FOUND: { status: 404, message: '找不到这台柜子' },
  DEVICE_OFFLINE: { status: 409, message: '柜子离线了' },
  DEVICE_SERVICE_EXPIRED: { status: 409, message: '设备服务已到期' },
  DEVICE_NOT_ACTIVATED: { status: 409, message: '设备未激活' },
  DEVICE_LOCK_FAULT: { status: 409, message: '门锁故障' },
  DEVICE_CAMERA_FAULT: { status: 409, message: '摄像头故障' },
  DEVICE_RESTOCKING: { status: 409, message: '正在补货' },
  DEVICE_IN_USE: { status: 409, message: '其他顾客正在购物' },
  DEVICE_QUOTA_EXHAUSTED: { status: 409, message: '识别次数已用完' },
  LOGIN_REQUIRED: { status: 401, message: '请先登录' },
  PHONE_REQUIRED: { status: 403, message: '请先绑定手机号' },
  PHONE_CODE_INVALID: { status: 400, message: '手机号授权无效，请重试' },
  CREDIT_REQUIRED: { status: 403, message: '请先开通先用后付' },
  CREDIT_REJECTED: { status: 403, message: '先用后付未通过' },
  CREDIT_PENDING: { status: 409, message: '开通确认中' },
  USER_BLACKLISTED: { status: 403, message: '账号暂不能购物' },
  UNPAID_ORDER: { status: 403, message: '有待支付订单' },
  DOOR_OPEN_FAILED: { status: 409, message: '开门失败' },
  DOOR_OPEN_TIMEOUT: { status: 504, message: '开门超时' },
  SESSION_NOT_FOUND: { status: 404, message: '找不到这次购物' },
  SESSION_NOT_YOURS: { status: 403, message: '不是您的购物' },
  SESSION_STATE_CONFLICT: { status: 409, message: '当前状态不能这样操作' },
  SESSION_ACTIVE: { status: 409, message: '您有一扇柜门还开着，请先关门' },
  ORDER_NOT_FOUND: { status: 404, message: '找不到订单' },
  ORDER_ALREADY_PAID: { status: 409, message: '订单已支付' },
  PAYMENT_FAILED: { status: 402, message: '支付失败' },
  PAYMENT_PENDING: { status: 409, message: '支付处理中' },
  COMPLAINT_WINDOW_CLOSED: { status: 409, message: '已超过投诉期限' },
  COMPLAINT_ALREADY_OPEN: { status: 409, message: '该订单已有处理中的投诉' },
  COMPLAINT_ALREADY_HANDLED: { status: 409, message: '投诉已处理' },
  COMPLAINT_NOT_FOUND: { status: 404, message: '找不到投诉' },
  UPLOAD_TOO_LARGE: { status: 413, message: '图片太大' },
  UPLOAD_TYPE_INVALID: { status: 415, message: '图片格式不支持' },
  STAFF_NOT_BOUND: { status: 403, message: '未绑定该设备' },
  STAFF_REMOVED: { status: 403, message: '已被移出该设备' },
  STAFF_INVITE_INVALID: { status: 403, message: '邀请码无效' },
  STAFF_SESSION_OPEN: { status: 409, message: '已有进行中的补货' },
  RESTOCK_ALREADY_CONFIRMED: { status: 409, message: '补货已确认' },
  RESTOCK_ORDER_NOT_FOUND: { status: 404, message: '找不到补货单' },
  COUNT_INVALID: { status: 422, message: '数量不正确' },
  COUNT_ABOVE_CAPACITY: { status: 422, message: '数量超过容量' },
  DEVICE_COMMAND_FAILED: { status: 502, message: '指令下发失败' },
  ALARM_NOT_FOUND: { status: 404, message: '找不到告警' },
  WITHDRAW_AMOUNT_INVALID: { status: 422, message: '提现金额不正确' },
  WITHDRAW_BELOW_MINIMUM: { status: 422, message: '低于最低提现金额' },
  WITHDRAW_ABOVE_AVAILABLE: { status: 422, message: '超过可提现余额' },
  ACCOUNT_NOT_FOUND: { status: 404, message: '找不到账户' },
  BLACKLIST_SOURCE_INVALID: { status: 422, message: '不是您柜子上的投诉或订单' },
  BLACKLIST_SELF: { status: 422, message: '不能拉黑自己' },
  BLACKLIST_ENTRY_NOT_FOUND: { status: 404, message: '该顾客不在黑名单中' },
  MESSAGE_NOT_FOUND: { status: 404, message: '找不到这条消息' },
  STAFF_ROLE_REQUIRED: { status: 403, message: '需要运维权限' },
  LOCATION_NEEDS_CONFIRMATION: { status: 409, message: '新定位需要确认' },
}

/** The JSON body a host sends for an error, as the contract fixes it. */
export interface CloudErrorBody {
  code: CloudErrorCode
  message: string
  hint?: string
  fields?: Record<string, string>
  sessionId?: string
}

export interface CloudErrorExtra {
  hint?: string
  /** For a conflict about one of the caller's own sessions: that session (never another user's). */
  sessionId?: string
  /** For RATE_LIMITED: hosts put it in `Retry-After`. */
  retryAfterSec?: number
}

export class CloudError extends Error {
  readonly status: number
  readonly code: CloudErrorCode
  readonly fields?: Record<string, string>
  readonly hint?: string
  readonly retryAfterSec?: number
  readonly sessionId?: string

  constructor(
    status: number,
    code: CloudErrorCode,
    message?: string,
    fields?: Record<string, string>,
    extra: CloudErrorExtra = {},
  ) {
    super(message ?? ERROR_INFO[code].message)
    this.name = 'CloudError'
    this.status = status
    this.code = code
    if (fields) this.fields = fields
    if (extra.hint !== undefined) this.hint = extra.hint
    if (extra.retryAfterSec !== undefined) this.retryAfterSec = extra.retryAfterSec
    if (extra.sessionId !== undefined) this.sessionId = extra.sessionId
  }

  toBody(): CloudErrorBody {
    const body: CloudErrorBody = { code: this.code, message: this.message }
    if (this.hint !== undefined) body.hint = this.hint
    if (this.fields) body.fields = { ...this.fields }
    if (this.sessionId !== undefined) body.sessionId = this.sessionId
    return body
  }
}

/** A CloudError with the code's default status (and message unless given). */
export function cloudError(
  code: CloudErrorCode,
  message?: string,
  fields?: Record<string, string>,
  extra?: CloudErrorExtra,
): CloudError {
  return new CloudError(ERROR_INFO[code].status, code, message, fields, extra)
}

/** 422 VALIDATION_FAILED with per-field messages (or another 422 code such as COUNT_INVALID). */
export function validationError(
  fields: Record<string, string>,
  code: CloudErrorCode = 'VALIDATION_FAILED',
  message?: string,
): CloudError {
  return new CloudError(422, code, message, fields)
}

export function isCloudError(e: unknown): e is CloudError {
  return e instanceof CloudError
}
