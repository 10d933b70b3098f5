// The one error catalogue: every error a user can meet, with the words pages show and the one next step.
// Wording follows the operator manual (开门柜技术支持常见问题) so shoppers, staff and support say the same thing.

/**
 * Why the cloud's gate may refuse to open a door for this user right now: who the user is, what the user
 * owes, and every device state. Ordered roughly as the cloud ranks them (user first, then device). They are
 * cloud codes too: the cloud's list below takes them in.
 */
export const GATE_REASON_CODES = [
  'SESSION_ACTIVE',
  'LOGIN_REQUIRED',
  'PHONE_REQUIRED',
  'CREDIT_REQUIRED',
  'CREDIT_PENDING',
  'CREDIT_REJECTED',
  'USER_BLACKLISTED',
  'UNPAID_ORDER',
  'DEVICE_OFFLINE',
  'DEVICE_SERVICE_EXPIRED',
  'DEVICE_NOT_ACTIVATED',
  'DEVICE_LOCK_FAULT',
  'DEVICE_CAMERA_FAULT',
  'DEVICE_RESTOCKING',
  'DEVICE_IN_USE',
  'DEVICE_QUOTA_EXHAUSTED',
] as const

export const CLOUD_ERROR_CODES = [
  'AUTH_REQUIRED',
  'AUTH_CODE_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'IDEMPOTENCY_CONFLICT',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'DEVICE_NOT_FOUND',
  ...GATE_REASON_CODES,
  'PHONE_CODE_INVALID',
  'DOOR_OPEN_FAILED',
  'DOOR_OPEN_TIMEOUT',
  'SESSION_NOT_FOUND',
  'SESSION_NOT_YOURS',
  'SESSION_STATE_CONFLICT',
  'ORDER_NOT_FOUND',
  'ORDER_ALREADY_PAID',
  'PAYMENT_FAILED',
  'PAYMENT_PENDING',
  'COMPLAINT_WINDOW_CLOSED',
  'COMPLAINT_ALREADY_OPEN',
  'COMPLAINT_ALREADY_HANDLED',
  'COMPLAINT_NOT_FOUND',
  'UPLOAD_TOO_LARGE',
  'UPLOAD_TYPE_INVALID',
  'STAFF_NOT_BOUND',
  'STAFF_REMOVED',
  'STAFF_INVITE_INVALID',
  'STAFF_SESSION_OPEN',
  'RESTOCK_ALREADY_CONFIRMED',
  'RESTOCK_ORDER_NOT_FOUND',
  'COUNT_INVALID',
  'COUNT_ABOVE_CAPACITY',
  'DEVICE_COMMAND_FAILED',
  'ALARM_NOT_FOUND',
  'WITHDRAW_AMOUNT_INVALID',
  'WITHDRAW_BELOW_MINIMUM',
  'WITHDRAW_ABOVE_AVAILABLE',
  'ACCOUNT_NOT_FOUND',
  'BLACKLIST_SOURCE_INVALID',
  'BLACKLIST_SELF',
  'BLACKLIST_ENTRY_NOT_FOUND',
  'MESSAGE_NOT_FOUND',
  'STAFF_ROLE_REQUIRED',
  'LOCATION_NEEDS_CONFIRMATION',
] as const

/** Errors the app raises itself; the cloud never sends these. */
export const CLIENT_ERROR_CODES = [
  'QR_INVALID',
  'NETWORK',
  'TIMEOUT',
  'RESPONSE_INVALID',
  'PLATFORM_CANCELLED',
  'PLATFORM_FAILED',
  'DOOR_LEFT_OPEN',
  'OPEN_UNCONFIRMED',
  'COUNT_REQUIRED',
  'REASON_REQUIRED',
  'ALBUM_DENIED',
  'MEDIA_DENIED',
  'PRIVACY_REFUSED',
  'QR_NOT_PRINTABLE',
  'DATE_RANGE_INVALID',
  'LOCATION_DENIED',
  'UNKNOWN',
] as const

export type CloudErrorCode = (typeof CLOUD_ERROR_CODES)[number]
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number]
export type ErrorCode = CloudErrorCode | ClientErrorCode

export type GateReasonCode = (typeof GATE_REASON_CODES)[number]

export const NEXT_STEPS = [
  'retry',
  'rescan',
  'login',
  'bindPhone',
  'authorizeCredit',
  'payUnpaid',
  'resume',
  'callService',
  'wait',
  'back',
  'fixInput',
  'none',
] as const

/** What the page offers as the one button under the message. */
export type NextStep = (typeof NEXT_STEPS)[number]

export interface CatalogueEntry {
  code: ErrorCode
  /** What happened, short (a toast or a dialog title). */
  message: string
  /** What to do next, one sentence. */
  hint: string
  next: NextStep
  /** The label of the button that performs `next`. */
  actionLabel: string
}

type Words = Omit<CatalogueEntry, 'code'>

const w = (message: string, hint: string, next: NextStep, actionLabel: string): Words => ({
  message,
  hint,
  next,
  actionLabel,
})

const WORDS: Record<ErrorCode, Words> = {
  AUTH_REQUIRED: w('登录已过期', '请重新登录后继续操作', 'login', '重新登录'),
  AUTH_CODE_INVALID: w('登录失败', '登录凭证已失效，请重新登录', 'login', '重新登录'),
  FORBIDDEN: w('没有操作权限', '当前账号无权进行此操作，如有疑问请联系商户', 'back', '返回'),
  NOT_FOUND: w('内容不存在', '内容可能已被删除，请返回后刷新', 'back', '返回'),
  VALIDATION_FAILED: w('填写的信息有误', '请按提示修改后再提交', 'fixInput', '去修改'),
  IDEMPOTENCY_CONFLICT: w('请求重复提交', '请刷新后重新操作', 'retry', '刷新重试'),
  RATE_LIMITED: w('操作太频繁', '请稍等片刻再试', 'wait', '稍后再试'),
  SERVER_ERROR: w('服务开小差了', '请稍后重试，多次失败请联系客服', 'retry', '重试'),

  DEVICE_NOT_FOUND: w('未找到该设备', '请确认扫描的是柜门上的设备二维码', 'rescan', '重新扫码'),
  DEVICE_OFFLINE: w('设备离线', '设备网络暂时中断，请稍后重试；长时间无法使用请联系客服', 'retry', '重试'),
  DEVICE_SERVICE_EXPIRED: w(
    '设备服务已到期',
    '该设备暂停使用，请联系商户续费后再购物',
    'callService',
    '联系客服',
  ),
  DEVICE_NOT_ACTIVATED: w(
    '设备未维护',
    '该设备尚未激活或未在平台维护，暂不能购物，请联系商户处理',
    'callService',
    '联系客服',
  ),
  DEVICE_LOCK_FAULT: w('门锁异常', '柜门门锁异常，设备暂停使用，请联系客服', 'callService', '联系客服'),
  DEVICE_CAMERA_FAULT: w('摄像头异常', '设备识别功能异常，暂停使用，请联系客服', 'callService', '联系客服'),
  DEVICE_RESTOCKING: w('设备补货中', '补货员正在补货，请稍后再来', 'wait', '刷新'),
  DEVICE_IN_USE: w('他人正在购物', '请等待当前顾客关门结算后再开门', 'wait', '刷新'),
  DEVICE_QUOTA_EXHAUSTED: w(
    '识别次数已用完',
    '该设备的商品识别次数已用完，暂停购物，请联系商户',
    'callService',
    '联系客服',
  ),

  LOGIN_REQUIRED: w('请先登录', '登录后即可开门购物', 'login', '去登录'),
  PHONE_REQUIRED: w(
    '请先绑定手机号',
    '绑定手机号后即可开门购物，便于订单通知和售后',
    'bindPhone',
    '绑定手机号',
  ),
  PHONE_CODE_INVALID: w('手机号获取失败', '授权已失效，请重新授权手机号', 'bindPhone', '重新授权'),
  CREDIT_REQUIRED: w(
    '请先选择开门方式',
    '开通先用后付或免密支付，或交押金，即可开门；关门后按实际拿取结算',
    'authorizeCredit',
    '去开通',
  ),
  CREDIT_REJECTED: w('先用后付未通过', '可换一种方式：免密支付，或交押金开门', 'authorizeCredit', '换种方式'),
  CREDIT_PENDING: w('开通确认中', '正在确认开通结果，请稍候', 'wait', '刷新'),
  USER_BLACKLISTED: w(
    '账号暂不能购物',
    '您的账号已被限制使用，如有疑问请联系客服',
    'callService',
    '联系客服',
  ),
  UNPAID_ORDER: w('您有待支付订单', '请先支付未完成的订单，再开门购物', 'payUnpaid', '去支付'),

  DOOR_OPEN_FAILED: w('开门失败', '柜门未能打开，未产生扣款，请重试；多次失败请联系客服', 'retry', '重试'),
  DOOR_OPEN_TIMEOUT: w('开门超时', '设备未及时响应，未产生扣款，请重试', 'retry', '重试'),
  SESSION_NOT_FOUND: w('购物记录不存在', '请重新扫描柜门上的二维码', 'rescan', '重新扫码'),
  SESSION_NOT_YOURS: w('这不是您的购物记录', '请使用本人账号查看', 'back', '返回'),
  SESSION_STATE_CONFLICT: w('购物状态已变化', '请刷新查看最新状态', 'retry', '刷新'),
  SESSION_ACTIVE: w('您有一扇柜门还开着', '请回到购物页面，取完商品关好柜门即自动结算', 'resume', '回到购物'),

  ORDER_NOT_FOUND: w('未找到订单', '订单不存在或不属于当前账号，请返回刷新', 'back', '返回'),
  ORDER_ALREADY_PAID: w('订单已支付', '无需重复支付，请返回查看订单', 'back', '返回'),
  PAYMENT_FAILED: w('支付失败', '请重新支付，或更换支付方式', 'payUnpaid', '重新支付'),
  PAYMENT_PENDING: w('支付确认中', '支付结果确认中，请稍候刷新，请勿重复支付', 'wait', '刷新'),

  COMPLAINT_WINDOW_CLOSED: w(
    '已超过申诉期限',
    '该订单已不能在线申诉，如有问题请联系客服',
    'callService',
    '联系客服',
  ),
  COMPLAINT_ALREADY_OPEN: w('已有处理中的申诉', '该订单的申诉正在处理，请耐心等待结果', 'back', '返回'),
  COMPLAINT_ALREADY_HANDLED: w('申诉已处理', '该申诉已处理完成，请刷新查看结果', 'back', '返回'),
  COMPLAINT_NOT_FOUND: w('未找到申诉', '申诉不存在或不属于当前账号，请返回刷新', 'back', '返回'),
  UPLOAD_TOO_LARGE: w('图片太大', '请上传 5MB 以内的图片', 'fixInput', '重新选择'),
  UPLOAD_TYPE_INVALID: w('图片格式不支持', '请上传 JPG 或 PNG 格式的图片', 'fixInput', '重新选择'),

  STAFF_NOT_BOUND: w(
    '您未绑定此设备',
    '补货员需由商户在管理后台绑定设备后才能扫码补货，请联系商户绑定此设备后重新扫码',
    'callService',
    '联系商户',
  ),
  STAFF_REMOVED: w('补货权限已移除', '您已不是该设备的补货员，如有疑问请联系商户', 'callService', '联系商户'),
  STAFF_INVITE_INVALID: w('邀请码无效', '邀请码错误或已过期，请向商户重新获取', 'fixInput', '重新输入'),
  STAFF_SESSION_OPEN: w('有未结束的补货', '请先完成当前补货并关门确认', 'back', '返回'),
  RESTOCK_ALREADY_CONFIRMED: w('补货已确认', '本次补货已确认，无需重复提交', 'back', '返回'),
  RESTOCK_ORDER_NOT_FOUND: w('补货单不存在', '补货单可能已完成或被删除，请刷新后重试', 'back', '返回'),
  COUNT_INVALID: w('数量不正确', '请输入 0 或正整数', 'fixInput', '去修改'),
  COUNT_ABOVE_CAPACITY: w('数量超过容量', '数量不能超过该商品的货道容量，请核对后修改', 'fixInput', '去修改'),
  DEVICE_COMMAND_FAILED: w('指令下发失败', '请确认设备在线后重试', 'retry', '重试'),
  ALARM_NOT_FOUND: w('告警不存在', '告警可能已被清除，请返回刷新', 'back', '返回'),
  STAFF_ROLE_REQUIRED: w(
    '需要运维权限',
    '修改设备定位等运维操作只有运维人员可以进行，如需开通请联系商户',
    'callService',
    '联系商户',
  ),
  LOCATION_NEEDS_CONFIRMATION: w(
    '请确认新位置',
    '新位置离原点位超过 1 公里或不在中国境内，请确认柜子确实在这里，确认后再保存',
    'fixInput',
    '确认修改',
  ),

  WITHDRAW_AMOUNT_INVALID: w('提现金额不正确', '请输入大于 0、最多两位小数的金额', 'fixInput', '去修改'),
  WITHDRAW_BELOW_MINIMUM: w('低于最低提现金额', '请提高提现金额后再试', 'fixInput', '去修改'),
  WITHDRAW_ABOVE_AVAILABLE: w('超过可提现余额', '提现金额不能超过可提现余额', 'fixInput', '去修改'),
  ACCOUNT_NOT_FOUND: w('收款账户不存在', '请返回刷新账户列表', 'back', '返回'),
  BLACKLIST_SOURCE_INVALID: w(
    '不是您柜子上的顾客',
    '只能拉黑在您的柜子上下单或投诉的顾客，请核对投诉或订单',
    'back',
    '返回',
  ),
  BLACKLIST_SELF: w('不能拉黑自己', '这笔投诉或订单是您本人的，无需拉黑', 'back', '返回'),
  BLACKLIST_ENTRY_NOT_FOUND: w('该顾客已不在黑名单中', '可能已被解除，请刷新黑名单', 'retry', '刷新'),
  MESSAGE_NOT_FOUND: w('未找到这条消息', '消息可能不属于当前账号，请返回消息列表', 'back', '返回'),

  DOOR_LEFT_OPEN: w('柜门未关好', '请关好柜门，关门后自动结算', 'none', '知道了'),
  OPEN_UNCONFIRMED: w(
    '正在确认柜门状态',
    '网络不稳定，开门结果还没收到；正在向云端确认，柜门已打开可直接取商品',
    'retry',
    '重试',
  ),
  COUNT_REQUIRED: w('请清点数量', '视觉柜补货时无法自动计数，请逐个填写柜内商品数量', 'fixInput', '去填写'),
  REASON_REQUIRED: w(
    '请选择差异原因',
    '数量与补货单或系统库存不符时，请选择原因：损坏、过期、丢失或其他',
    'fixInput',
    '去选择',
  ),
  QR_INVALID: w('无法识别的二维码', '请扫描柜门上的设备二维码', 'rescan', '重新扫码'),
  ALBUM_DENIED: w(
    '无法保存到相册',
    '之前拒绝过使用相册：请点右上角「···」→「设置」，打开「添加到相册」，再点保存',
    'retry',
    '再试一次',
  ),
  MEDIA_DENIED: w(
    '无法打开相册或相机',
    '之前拒绝过使用相册或摄像头：请点右上角「···」→「设置」打开后再选；也可在手机设置中允许微信或支付宝访问照片和相机',
    'retry',
    '再试一次',
  ),
  PRIVACY_REFUSED: w(
    '未同意隐私保护指引',
    '使用手机号、相册、相机和地图选点前需要您的同意；再操作一次，在隐私保护提示中点「同意」即可',
    'retry',
    '再试一次',
  ),
  QR_NOT_PRINTABLE: w(
    '二维码地址有误',
    '该柜子的二维码地址扫码后无法打开柜子，请勿打印，并联系平台核对设备',
    'back',
    '返回',
  ),
  LOCATION_DENIED: w(
    '无法打开地图选点',
    '之前拒绝过使用位置：请点右上角「···」→「设置」，打开「位置信息」后再选；也可在手机设置中允许微信或支付宝使用位置',
    'retry',
    '再试一次',
  ),
  DATE_RANGE_INVALID: w('日期范围有误', '开始日期不能晚于结束日期，最多查询92天', 'fixInput', '重新选择'),
  NETWORK: w('网络连接失败', '请检查网络后重试', 'retry', '重试'),
  TIMEOUT: w('请求超时', '网络较慢，请稍后重试', 'retry', '重试'),
  RESPONSE_INVALID: w('数据异常', '服务返回的数据无法识别，请稍后重试', 'retry', '重试'),
  PLATFORM_CANCELLED: w('已取消', '您已取消操作，可随时重新发起', 'none', '知道了'),
  PLATFORM_FAILED: w('操作未完成', '微信或支付宝未能完成操作，请重试', 'retry', '重试'),
  UNKNOWN: w('出了点问题', '请稍后重试，多次失败请联系客服', 'retry', '重试'),
}

function buildCatalogue(): Readonly<Record<ErrorCode, Readonly<CatalogueEntry>>> {
  const out = {} as Record<ErrorCode, Readonly<CatalogueEntry>>
  for (const code of Object.keys(WORDS) as ErrorCode[]) {
    out[code] = Object.freeze({ code, ...WORDS[code] })
  }
  return Object.freeze(out)
}

export const ERROR_CATALOGUE: Readonly<Record<ErrorCode, Readonly<CatalogueEntry>>> = buildCatalogue()

// A Set rather than `x in ERROR_CATALOGUE`: 'toString', 'constructor' and friends must not count as codes.
const KNOWN_CODES: ReadonlySet<string> = new Set<string>([...CLOUD_ERROR_CODES, ...CLIENT_ERROR_CODES])
const GATE_CODES: ReadonlySet<string> = new Set<string>(GATE_REASON_CODES)

export function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === 'string' && KNOWN_CODES.has(x)
}

export function isGateReasonCode(x: unknown): x is GateReasonCode {
  return typeof x === 'string' && GATE_CODES.has(x)
}

export interface ErrorWordsOverride {
  message?: string | null
  hint?: string | null
}

const usable = (s: unknown): s is string => typeof s === 'string' && s.trim() !== ''

/**
 * The catalogue entry for a code, with the cloud's own words when it sent any (a gate reason may be more
 * specific than the catalogue, e.g. naming the unpaid amount). Unknown codes become UNKNOWN so a newer
 * cloud never leaves the page without words and a next step.
 */
export function describeError(code: unknown, override?: ErrorWordsOverride): CatalogueEntry {
  const base = ERROR_CATALOGUE[isErrorCode(code) ? code : 'UNKNOWN']
  return {
    ...base,
    message: usable(override?.message) ? override.message.trim() : base.message,
    hint: usable(override?.hint) ? override.hint.trim() : base.hint,
  }
}

export interface AppErrorOptions {
  status?: number
  fields?: Record<string, string>
  requestId?: string
  /** Chinese words from the cloud that replace the catalogue's. */
  message?: string | null
  hint?: string | null
  /** Free text for logs only (platform errMsg, cloud message); never shown to users. */
  detail?: string
  /** A conflict about one of the user's own sessions names it (the contract's `sessionId`): follow it. */
  sessionId?: string
  cause?: unknown
}

/** The one error shape the transport, the platform seam and the stores hand to pages. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status?: number
  readonly fields?: Record<string, string>
  readonly requestId?: string
  readonly hint: string
  readonly next: NextStep
  readonly actionLabel: string
  readonly detail?: string
  readonly sessionId?: string

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    const entry = describeError(code, options)
    super(entry.message)
    // Babel's ES5 class output loses the prototype when extending Error; instanceof must keep working.
    Object.setPrototypeOf(this, new.target.prototype)
    this.name = 'AppError'
    this.code = entry.code
    this.hint = entry.hint
    this.next = entry.next
    this.actionLabel = entry.actionLabel
    if (options.status !== undefined) this.status = options.status
    if (options.fields !== undefined) this.fields = options.fields
    if (options.requestId !== undefined) this.requestId = options.requestId
    if (options.detail !== undefined) this.detail = options.detail
    if (options.sessionId !== undefined) this.sessionId = options.sessionId
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause
  }
}

/**
 * No definite answer: the request may or may not have reached the cloud. Only these are retried, and
 * always with the same body and Idempotency-Key, so a retry can never do the work twice.
 */
export function isTransient(error: AppError): boolean {
  return error.code === 'NETWORK' || error.code === 'TIMEOUT'
}

/** The line under an error's message: the cloud's own words for the fields it refused, else the next step. */
export function errorDetail(error: AppError): string {
  const reasons = Object.values(error.fields ?? {}).filter((words) => words.trim() !== '')
  return reasons.length > 0 ? reasons.join('；') : error.hint
}

/**
 * A platform step that did not happen, in the catalogue's words: a refused permission (`denied`, whose
 * code the caller names: album or media), a refused privacy consent, or a failure. Null for a plain cancel.
 */
export function refusalError(
  reason: 'cancelled' | 'denied' | 'privacy' | 'quota' | 'failed',
  denied: ErrorCode,
  detail?: string,
): AppError | null {
  if (reason === 'cancelled') return null
  if (reason === 'privacy') return new AppError('PRIVACY_REFUSED', { detail })
  return new AppError(reason === 'denied' ? denied : 'PLATFORM_FAILED', { detail })
}

export function isAppError(x: unknown): x is AppError {
  return x instanceof AppError
}
