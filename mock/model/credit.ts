// Credit authorization (pay after use). The app only ever learns the outcome from here: the platform's
// client-side result is never proof. A pending authorization completes when the control side says so or,
// emulating the platform's callback, on its own after `creditAutoCompleteMs`.
import { requireDevice, requireUser, userChannel } from './access'
import { isBlockedBy } from './blacklist'
import { holdDeposit, isDepositMethod } from './deposits'
import { cloudError, validationError } from './errors'
import { creditOffer } from './gate'
import { nextId, type CreditAuthRecord, type Ctx } from './state'
import type { CreditAuthorization, CreditMethod, CreditPayload } from './types'
import { channelOfMethod, clone, fnv1a } from './util'

const METHODS: CreditMethod[] = [
  'wxpay_score_use',
  'wxpay_score_enable',
  'wxpay_contract',
  'wxpay_deposit',
  'alipay_pay_after_use',
  'alipay_agreement',
  'alipay_preauth',
]

// WeChat's own signing mini-program for 委托代扣 (小程序纯签约).
const WXPAY_SIGNING_APP_ID = 'wxbd687630cd02ce1d'
// The two Pay Score modes are one credit score: a refusal of one is a refusal of both.
const PAY_SCORE: CreditMethod[] = ['wxpay_score_enable', 'wxpay_score_use']

export function payloadFor(
  ctx: Ctx,
  record: { id: string; method: CreditMethod; deviceCode: string; depositFen?: number },
): CreditPayload {
  const device = ctx.world.devices.get(record.deviceCode)
  const merchant = device ? ctx.world.merchants.get(device.merchantId) : undefined
  const ts = String(Math.floor(ctx.clock.now() / 1000))
  const nonce = fnv1a(`nonce|${record.id}`) + fnv1a(`n2|${record.id}`)
  switch (record.method) {
    case 'wxpay_score_use': {
      const pkg = `mock_payscore_${record.id}`
      return {
        kind: 'wxpay_score_use',
        businessType: 'wxpayScoreUse',
        extraData: {
          mch_id: merchant?.wxMchId ?? '1600000000',
          package: pkg,
          timestamp: ts,
          nonce_str: nonce,
          sign_type: 'HMAC-SHA256',
          sign: (fnv1a(`${pkg}|${ts}|${nonce}`) + fnv1a(`sign|${record.id}`)).toUpperCase(),
        },
      }
    }
    case 'wxpay_score_enable':
      return {
        kind: 'wxpay_score_enable',
        businessType: 'wxpayScoreEnable',
        extraData: { apply_permissions_token: `mock_apt_${record.id}_${fnv1a(record.id)}` },
      }
    case 'alipay_pay_after_use':
    case 'alipay_agreement': {
      const product = record.method === 'alipay_agreement' ? 'GENERAL_WITHHOLDING' : 'CYCLE_PAY_AUTH'
      return {
        kind: 'alipay_sign',
        signStr: `alipay_sdk=mock&app_id=${merchant?.alipayPid ?? '2088000000000000'}&biz_content=${encodeURIComponent(
          JSON.stringify({ personal_product_code: product, external_agreement_no: record.id }),
        )}&sign=${fnv1a(record.id)}`,
      }
    }
    case 'alipay_preauth':
      return {
        kind: 'alipay_trade',
        orderStr: `alipay_sdk=mock&method=alipay.fund.auth.order.app.freeze&biz_content=${encodeURIComponent(
          JSON.stringify({ out_order_no: record.id, amount: ((record.depositFen ?? 0) / 100).toFixed(2) }),
        )}&sign=${fnv1a(record.id)}`,
      }
    case 'wxpay_contract':
      return {
        kind: 'wxpay_contract',
        appId: WXPAY_SIGNING_APP_ID,
        path: 'pages/index/index',
        extraData: {
          appid: 'wx0000000000mock',
          mch_id: merchant?.wxMchId ?? '1600000000',
          plan_id: '10001',
          contract_code: record.id,
          request_serial: String(Number.parseInt(fnv1a(record.id), 16)),
          contract_display_account: '开门柜购物',
          notify_url: 'https://cloud.test/v1/notify/papay',
          timestamp: ts,
          sign: (fnv1a(`papay|${record.id}|${ts}`) + fnv1a(`sign|${record.id}`)).toUpperCase(),
        },
      }
    case 'wxpay_deposit':
      return {
        kind: 'wxpay_deposit',
        amountFen: record.depositFen ?? 0,
        payment: {
          kind: 'wxpay',
          timeStamp: ts,
          nonceStr: nonce,
          package: `prepay_id=wx_mock_deposit_${record.id}`,
          signType: 'RSA',
          paySign: `mock${fnv1a(`${record.id}|${ts}`)}${fnv1a(`deposit|${record.id}`)}`,
        },
      }
  }
}

export function toCreditAuthorization(record: CreditAuthRecord): CreditAuthorization {
  const out: CreditAuthorization = {
    id: record.id,
    deviceCode: record.deviceCode,
    method: record.method,
    state: record.state,
    payload: clone(record.payload),
  }
  if (record.reason !== undefined) out.reason = record.reason
  return out
}

/** Settles a pending authorization (from the platform's callback, the simulator or a test). */
export function settleCreditAuthorization(
  ctx: Ctx,
  record: CreditAuthRecord,
  outcome: 'authorized' | 'rejected' | 'cancelled' | 'expired',
  reason?: string,
): void {
  if (record.state !== 'pending') return
  record.state = outcome
  record.settledAt = ctx.clock.now()
  if (reason !== undefined) record.reason = reason
  for (const t of record.timers) ctx.clock.clearTimeout(t)
  record.timers = []
  if (outcome === 'authorized') holdDeposit(record)
  const user = ctx.world.users.get(record.userId)
  if (user && outcome === 'rejected') {
    const why = reason ?? '未通过评估'
    // Not offered again: the next method of the chain is.
    for (const m of PAY_SCORE.includes(record.method) ? PAY_SCORE : [record.method]) user.refused[m] = why
    if (PAY_SCORE.includes(record.method) || record.method === 'alipay_pay_after_use')
      user.credit[record.channel] = { eligible: false, reason: why }
  }
}

/** What the platform would decide for this user and method. */
function platformOutcome(
  ctx: Ctx,
  record: CreditAuthRecord,
): { outcome: 'authorized' | 'rejected'; reason?: string } {
  const user = ctx.world.users.get(record.userId)
  // A deposit is money, not credit: it is taken whatever the user's score.
  if (!user || isDepositMethod(record.method)) return { outcome: 'authorized' }
  if (record.method === 'wxpay_contract' || record.method === 'alipay_agreement') {
    const refusal = user.agreementRefusal[record.channel]
    return refusal ? { outcome: 'rejected', reason: refusal } : { outcome: 'authorized' }
  }
  const profile = user.credit[record.channel]
  if (profile.eligible) return { outcome: 'authorized' }
  return {
    outcome: 'rejected',
    reason:
      profile.reason ??
      (record.channel === 'wechat' ? '微信支付分暂不满足使用条件' : '芝麻信用暂不满足先享条件'),
  }
}

export function creditOps(ctx: Ctx) {
  return {
    startCreditAuthorization(
      caller: string | null,
      input: { deviceCode: string; method: CreditMethod },
    ): CreditAuthorization {
      const user = requireUser(ctx, caller)
      const device = requireDevice(ctx, input?.deviceCode)
      if (!METHODS.includes(input.method)) throw validationError({ method: '授权方式无效' })
      if (user.blacklisted || isBlockedBy(ctx, device.merchantId, user.id))
        throw cloudError('USER_BLACKLISTED')
      const channel = userChannel(ctx, user)
      const offer = creditOffer(ctx, user, device)
      if (offer.methods.length === 0) {
        throw cloudError('CREDIT_REJECTED', undefined, undefined, { hint: offer.ineligible[0]?.reason })
      }
      const offered = offer.methods.some((m) => m.method === input.method)
      if (channelOfMethod(input.method) !== channel || !offered) {
        throw validationError({ method: '当前不能使用该授权方式' })
      }
      for (const a of ctx.world.creditAuths.values()) {
        // Tapping "authorize" twice while the platform page is up continues the same authorization.
        if (
          a.userId === user.id &&
          a.method === input.method &&
          a.deviceCode === device.code &&
          a.state === 'pending'
        ) {
          return toCreditAuthorization(a)
        }
      }
      const id = nextId(ctx, 'cra')
      const depositFen = isDepositMethod(input.method) ? device.depositFen : undefined
      const record: CreditAuthRecord = {
        id,
        userId: user.id,
        method: input.method,
        channel,
        deviceCode: device.code,
        state: 'pending',
        payload: payloadFor(ctx, { id, method: input.method, deviceCode: device.code, depositFen }),
        createdAt: ctx.clock.now(),
        consumedBy: null,
        timers: [],
      }
      if (depositFen !== undefined) record.depositFen = depositFen
      ctx.world.creditAuths.set(id, record)
      if (ctx.settings.creditAutoCompleteMs !== null) {
        record.timers.push(
          ctx.clock.setTimeout(() => {
            const { outcome, reason } = platformOutcome(ctx, record)
            settleCreditAuthorization(ctx, record, outcome, reason)
          }, ctx.settings.creditAutoCompleteMs),
        )
      }
      record.timers.push(
        ctx.clock.setTimeout(
          () => settleCreditAuthorization(ctx, record, 'expired'),
          ctx.settings.creditExpiryMs,
        ),
      )
      return toCreditAuthorization(record)
    },

    getCreditAuthorization(caller: string | null, authorizationId: string): CreditAuthorization {
      const user = requireUser(ctx, caller)
      const record = ctx.world.creditAuths.get(authorizationId)
      if (!record || record.userId !== user.id) throw cloudError('NOT_FOUND')
      return toCreditAuthorization(record)
    },

    /** Control: the platform's verdict arrives (simulator / tests). */
    completeCreditAuthorization(
      authorizationId: string,
      outcome: 'authorized' | 'rejected' | 'cancelled',
      reason?: string,
    ): CreditAuthorization {
      const record = ctx.world.creditAuths.get(authorizationId)
      if (!record) throw cloudError('NOT_FOUND')
      if (record.state !== 'pending') throw cloudError('SESSION_STATE_CONFLICT', '授权已结束')
      settleCreditAuthorization(
        ctx,
        record,
        outcome,
        reason ?? (outcome === 'rejected' ? '评估未通过' : undefined),
      )
      return toCreditAuthorization(record)
    },

    /** Control: what the platform will decide for this user from now on. */
    setCreditEligibility(
      userId: string,
      channel: 'wechat' | 'alipay',
      eligible: boolean,
      reason?: string,
    ): void {
      const user = ctx.world.users.get(userId)
      if (!user) throw cloudError('NOT_FOUND')
      user.credit[channel] = eligible
        ? { eligible: true }
        : { eligible: false, ...(reason ? { reason } : {}) }
    },

    /** Control: what the platform will answer to an agreement (免密支付) signing from now on. */
    setAgreementRefusal(userId: string, channel: 'wechat' | 'alipay', reason: string | null): void {
      const user = ctx.world.users.get(userId)
      if (!user) throw cloudError('NOT_FOUND')
      if (reason) user.agreementRefusal[channel] = reason
      else delete user.agreementRefusal[channel]
    },
  }
}
