// The gate: may this user open this cabinet now, and if not, why and what to do. The order of reasons is
// the order a person has to resolve them in: the cabinet itself first, then who the user is, then money.
import { CREDIT_METHOD_DESCRIPTION, CREDIT_METHOD_LABEL, SERVICE_NAME } from '../../src/domain/labels'
import {
  amountDueFen,
  deviceIssues,
  ownOpenShopSession,
  pendingCredit,
  unpaidOrders,
  usableCredit,
  userChannel,
} from './access'
import { isBlockedBy } from './blacklist'
import { isDepositMethod } from './deposits'
import { cloudError } from './errors'
import type { CreditChannel, Ctx, DeviceRecord, UserRecord } from './state'
import { toIso } from './time'
import type { CreditMethod, CreditMethodOffer, CreditOffer, Gate, GateCode, GateReason } from './types'

const REASON_TEXT: Record<GateCode, { message: string; hint: string }> = {
  SESSION_ACTIVE: { message: '您有一扇柜门还开着', hint: '请回到购物页面，取完商品关好柜门' },
  DEVICE_NOT_ACTIVATED: { message: '设备未激活（设备未维护）', hint: '请联系商户激活设备后再使用' },
  DEVICE_SERVICE_EXPIRED: { message: '设备服务已到期，暂停使用', hint: '请联系商户续费' },
  DEVICE_OFFLINE: { message: '柜子离线了，暂时无法开门', hint: '请稍后再试，或拨打客服电话' },
  DEVICE_LOCK_FAULT: { message: '门锁故障，暂时无法开门', hint: '请拨打客服电话报修' },
  DEVICE_CAMERA_FAULT: { message: '摄像头故障，暂时无法购物', hint: '请拨打客服电话报修' },
  DEVICE_QUOTA_EXHAUSTED: { message: '识别次数已用完，暂时无法购物', hint: '请联系商户' },
  DEVICE_RESTOCKING: { message: '正在补货，请稍候', hint: '补货完成后即可购物' },
  DEVICE_IN_USE: { message: '其他顾客正在购物', hint: '请等柜门关闭后再试' },
  LOGIN_REQUIRED: { message: '请先登录', hint: '登录后即可开门购物' },
  USER_BLACKLISTED: { message: '您的账号暂时不能在此购物', hint: '如有疑问请拨打客服电话' },
  PHONE_REQUIRED: { message: '请先绑定手机号', hint: '绑定手机号后即可开门' },
  UNPAID_ORDER: { message: '您有一笔待支付订单', hint: '支付后即可继续购物' },
  CREDIT_REQUIRED: {
    message: '请先选择付款方式',
    hint: `开通${SERVICE_NAME.creditScore}或${SERVICE_NAME.agreement}，或交押金，即可开门`,
  },
  CREDIT_REJECTED: { message: `${SERVICE_NAME.creditScore}未通过`, hint: '可换一种方式开门' },
  CREDIT_PENDING: { message: '开通确认中', hint: '请稍候，确认后即可开门' },
  RATE_LIMITED: { message: '开门太频繁了', hint: '请稍后再试' },
}

export function gateReason(code: GateCode, extra: Partial<GateReason> = {}): GateReason {
  return { code, ...REASON_TEXT[code], ...extra }
}

/** Seconds until the user may start another door session, or null when not limited. */
export function rateLimitRetryAfter(ctx: Ctx, userId: string): number | null {
  const now = ctx.clock.now()
  const windowStart = now - ctx.settings.rateLimitWindowMs
  const recent = [...ctx.world.sessions.values()]
    .filter((s) => s.userId === userId && s.requestedAt > windowStart && s.state !== 'failed')
    .map((s) => s.requestedAt)
    .sort((a, b) => a - b)
  if (recent.length < ctx.settings.rateLimitMaxOpens) return null
  const oldestCounted = recent[recent.length - ctx.settings.rateLimitMaxOpens] ?? now
  return Math.max(1, Math.ceil((oldestCounted + ctx.settings.rateLimitWindowMs - now) / 1000))
}

/** The chain per platform, best first: credit score, then an agreement, then a deposit (money, never refused). */
const CHAINS: Record<CreditChannel, CreditMethod[]> = {
  wechat: ['wxpay_score_enable', 'wxpay_score_use', 'wxpay_contract', 'wxpay_deposit'],
  alipay: ['alipay_pay_after_use', 'alipay_agreement', 'alipay_preauth'],
}

function offer(method: CreditMethod, depositFen?: number): CreditMethodOffer {
  const o: CreditMethodOffer = {
    method,
    title: CREDIT_METHOD_LABEL[method],
    description: CREDIT_METHOD_DESCRIPTION[method],
  }
  if (depositFen !== undefined) o.depositFen = depositFen
  return o
}

/** Why this user cannot use a method here, as far as the cloud knows before they try; null when they may. */
function knownRefusal(user: UserRecord, device: DeviceRecord, method: CreditMethod): string | null {
  const refused = user.refused[method]
  if (refused) return refused
  if (isDepositMethod(method) && device.depositFen <= 0) return '这台柜子暂未开通押金'
  // Zhima answers before the user tries; WeChat Pay Score only when they do.
  if (method === 'alipay_pay_after_use' && !user.credit.alipay.eligible)
    return user.credit.alipay.reason ?? '芝麻信用暂不满足先享条件'
  return null
}

/**
 * The ways this user may pay at this cabinet, best first, and those refused with their reason. The cloud
 * orders them per platform (credit score → agreement → deposit); the merchant decides whether the 免确认
 * Pay Score mode exists and how much the deposit is (0: none); a method the platform refused once is not
 * offered again.
 */
export function creditOffer(ctx: Ctx, user: UserRecord, device: DeviceRecord): CreditOffer {
  const merchant = ctx.world.merchants.get(device.merchantId)
  const chain = CHAINS[userChannel(ctx, user)].filter(
    (m) => m !== 'wxpay_score_enable' || merchant?.wxpayScoreEnable,
  )
  const out: CreditOffer = { methods: [], ineligible: [] }
  for (const method of chain) {
    const reason = knownRefusal(user, device, method)
    if (reason) out.ineligible.push({ method, reason })
    else out.methods.push(offer(method, isDepositMethod(method) ? device.depositFen : undefined))
  }
  return out
}

/** The gate for a caller (null = not logged in) at a device, at the clock's now. */
export function computeGate(ctx: Ctx, user: UserRecord | null, device: DeviceRecord): Gate {
  // Someone else's visit usually ends within a minute: tell the app when to look again.
  const reasons: GateReason[] = deviceIssues(ctx, device, user?.id ?? null).map((code) =>
    gateReason(code, code === 'DEVICE_IN_USE' ? { retryAfterSec: 30 } : {}),
  )
  if (!user) {
    reasons.push(gateReason('LOGIN_REQUIRED'))
    return { mayOpen: false, reasons, credit: null }
  }
  // The shopper's own door, here or at another cabinet, comes before anything else: go back to it.
  const own = ownOpenShopSession(ctx, user.id)
  if (own) {
    reasons.unshift(
      gateReason('SESSION_ACTIVE', {
        session: { id: own.id, deviceCode: own.deviceCode, doorNo: own.doorNo, state: own.state },
      }),
    )
  }
  // Blocked by the platform (everywhere) or by the merchant that owns this cabinet (its cabinets only).
  if (user.blacklisted || isBlockedBy(ctx, device.merchantId, user.id)) {
    reasons.push(gateReason('USER_BLACKLISTED'))
  }
  if (user.phone === null) reasons.push(gateReason('PHONE_REQUIRED'))
  const unpaid = unpaidOrders(ctx, user.id).sort((a, b) => a.createdAt - b.createdAt)[0]
  if (unpaid) {
    reasons.push(
      gateReason('UNPAID_ORDER', { unpaidOrder: { orderId: unpaid.id, amountFen: amountDueFen(unpaid) } }),
    )
  }
  let credit: CreditOffer | null = null
  const channel = userChannel(ctx, user)
  if (!usableCredit(ctx, user.id, channel, device.code)) {
    // While the platform confirms, there is nothing to choose: the contract sends no offer then.
    if (pendingCredit(ctx, user.id, channel)) reasons.push(gateReason('CREDIT_PENDING'))
    else {
      credit = creditOffer(ctx, user, device)
      // Refused by a platform (not merely no deposit here): say so, and the page offers what is left.
      const refused = credit.ineligible.some((i) => !isDepositMethod(i.method))
      reasons.push(gateReason(refused || credit.methods.length === 0 ? 'CREDIT_REJECTED' : 'CREDIT_REQUIRED'))
    }
  }
  const retryAfterSec = rateLimitRetryAfter(ctx, user.id)
  if (retryAfterSec !== null) {
    reasons.push(
      gateReason('RATE_LIMITED', {
        retryAfterSec,
        availableAt: toIso(ctx.clock.now() + retryAfterSec * 1000),
      }),
    )
  }
  return { mayOpen: reasons.length === 0, reasons, credit }
}

/** The error an open request meets when the gate is shut: the first reason, with its words. */
export function gateError(reason: GateReason): Error {
  return cloudError(reason.code, reason.message, undefined, {
    hint: reason.hint,
    ...(reason.retryAfterSec !== undefined ? { retryAfterSec: reason.retryAfterSec } : {}),
    ...(reason.session ? { sessionId: reason.session.id } : {}),
  })
}
