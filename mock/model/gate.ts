// The gate: may this user open this cabinet now, and if not, why and what to do. The order of reasons is
// the order a person has to resolve them in: the cabinet itself first, then who the user is, then money.
import {
  deviceIssues,
  lastCreditAttempt,
  ownOpenShopSession,
  pendingCredit,
  unpaidOrders,
  usableCredit,
} from './access'
import { cloudError } from './errors'
import type { Ctx, DeviceRecord, UserRecord } from './state'
import { toIso } from './time'
import type { CreditMethod, CreditMethodOffer, CreditOffer, Gate, GateCode, GateReason } from './types'
import { channelOfPlatform } from './util'

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
  CREDIT_REQUIRED: { message: '请先开通先用后付', hint: '开通后关门自动扣款' },
  CREDIT_REJECTED: { message: '先用后付暂未通过', hint: '可换用支付宝扫码，或拨打客服电话' },
  CREDIT_PENDING: { message: '先用后付授权确认中', hint: '请稍候，确认后即可开门' },
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

const OFFERS: Record<CreditMethod, Omit<CreditMethodOffer, 'method'>> = {
  wxpay_score_enable: {
    title: '微信支付分 · 先用后付',
    description: '开通一次，以后开门免确认，关门后自动扣款',
  },
  wxpay_score_use: { title: '微信支付分 · 先用后付', description: '每次开门前确认，关门后自动扣款' },
  alipay_pay_after_use: { title: '芝麻先享 · 先用后付', description: '免押金，关门后自动扣款' },
  alipay_agreement: { title: '支付宝免密支付', description: '签约后关门自动扣款' },
  alipay_preauth: { title: '支付宝预授权', description: '先冻结押金，关门后按实际金额扣款，余额解冻' },
}

function offer(method: CreditMethod, depositFen?: number): CreditMethodOffer {
  const o: CreditMethodOffer = { method, ...OFFERS[method] }
  if (depositFen !== undefined) o.depositFen = depositFen
  return o
}

/**
 * The credit methods this user may use at this cabinet, best first. WeChat: the 免确认 mode when the
 * merchant has it, then the per-order mode; WeChat decides on eligibility only when the user tries, so a
 * rejection is known after an attempt. Alipay: 芝麻先享, then agreement; a user Zhima already deems
 * ineligible gets the pre-authorized deposit instead, with the reason.
 */
export function creditOffer(ctx: Ctx, user: UserRecord, device: DeviceRecord): CreditOffer {
  const merchant = ctx.world.merchants.get(device.merchantId)
  const channel = channelOfPlatform(user.lastPlatform)
  const profile = user.credit[channel]
  if (channel === 'wechat') {
    const methods: CreditMethod[] = merchant?.wxpayScoreEnable
      ? ['wxpay_score_enable', 'wxpay_score_use']
      : ['wxpay_score_use']
    const last = lastCreditAttempt(ctx, user.id, 'wechat')
    if (!profile.eligible && last?.state === 'rejected') {
      const reason = profile.reason ?? '微信支付分暂不满足使用条件'
      return { methods: [], ineligible: methods.map((method) => ({ method, reason })) }
    }
    return { methods: methods.map((m) => offer(m)), ineligible: [] }
  }
  if (profile.eligible) {
    return { methods: [offer('alipay_pay_after_use'), offer('alipay_agreement')], ineligible: [] }
  }
  const reason = profile.reason ?? '芝麻信用暂不满足先享条件'
  return {
    methods: [offer('alipay_preauth', merchant?.preauthDepositFen ?? 5000)],
    ineligible: [
      { method: 'alipay_pay_after_use', reason },
      { method: 'alipay_agreement', reason },
    ],
  }
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
  if (user.blacklisted) reasons.push(gateReason('USER_BLACKLISTED'))
  if (user.phone === null) reasons.push(gateReason('PHONE_REQUIRED'))
  const unpaid = unpaidOrders(ctx, user.id).sort((a, b) => a.createdAt - b.createdAt)[0]
  if (unpaid) {
    reasons.push(
      gateReason('UNPAID_ORDER', { unpaidOrder: { orderId: unpaid.id, amountFen: unpaid.priced.totalFen } }),
    )
  }
  let credit: CreditOffer | null = null
  const channel = channelOfPlatform(user.lastPlatform)
  if (!usableCredit(ctx, user.id, channel, device.code)) {
    // While the platform confirms, there is nothing to choose: the contract sends no offer then.
    if (pendingCredit(ctx, user.id, channel)) reasons.push(gateReason('CREDIT_PENDING'))
    else {
      credit = creditOffer(ctx, user, device)
      reasons.push(gateReason(credit.methods.length === 0 ? 'CREDIT_REJECTED' : 'CREDIT_REQUIRED'))
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
