/** Chinese names for contract enums the shopper sees. */
export const CHANNEL_LABEL: Record<'wxpay_score' | 'wxpay' | 'alipay', string> = {
  wxpay_score: '微信支付分',
  wxpay: '微信支付',
  alipay: '支付宝',
}

export const ORDER_STATUS_LABEL: Record<
  'paid' | 'unpaid' | 'under_review' | 'refunded' | 'partially_refunded' | 'empty',
  string
> = {
  paid: '支付成功',
  unpaid: '待支付',
  under_review: '审核中',
  refunded: '已退款',
  partially_refunded: '部分退款',
  empty: '未购物',
}

/** How a shopper may pay after the door closes: the contract's CreditMethod. */
export type CreditMethodName =
  | 'wxpay_score_enable'
  | 'wxpay_score_use'
  | 'wxpay_contract'
  | 'wxpay_deposit'
  | 'alipay_pay_after_use'
  | 'alipay_agreement'
  | 'alipay_preauth'

/**
 * The glossary: one name per kind of service, on every page, in the emulator's offers and in the README.
 * 先用后付 is a credit-score service (微信支付分, 芝麻先享), 免密支付 an agreement to charge without a password
 * (微信 委托代扣, 支付宝 代扣), 押金开门 a WeChat deposit refunded after settlement, 预授权 an Alipay freeze.
 */
export const SERVICE_NAME = {
  creditScore: '先用后付',
  agreement: '免密支付',
  deposit: '押金开门',
  preauth: '预授权',
} as const

export const CREDIT_METHOD_LABEL: Record<CreditMethodName, string> = {
  wxpay_score_enable: `微信支付分${SERVICE_NAME.creditScore}（免确认）`,
  wxpay_score_use: `微信支付分${SERVICE_NAME.creditScore}（每次确认）`,
  wxpay_contract: `微信${SERVICE_NAME.agreement}`,
  wxpay_deposit: SERVICE_NAME.deposit,
  alipay_pay_after_use: `芝麻先享${SERVICE_NAME.creditScore}`,
  alipay_agreement: `支付宝${SERVICE_NAME.agreement}`,
  alipay_preauth: `支付宝${SERVICE_NAME.preauth}`,
}

/** One line under each method's name: what the shopper commits to. */
export const CREDIT_METHOD_DESCRIPTION: Record<CreditMethodName, string> = {
  wxpay_score_enable: '开通一次，以后扫码即开门，关门后按实际拿取自动扣款',
  wxpay_score_use: '每次开门前在微信支付分确认，关门后自动扣款',
  wxpay_contract: '在微信签约一次，关门后自动扣款，不看信用分',
  wxpay_deposit: '先付押金再开门，关门后按实际拿取扣款，余额原路退回',
  alipay_pay_after_use: '凭芝麻信用免押金，关门后自动扣款',
  alipay_agreement: '在支付宝签约一次，关门后自动扣款，不看信用分',
  alipay_preauth: '先冻结押金再开门，关门后按实际拿取扣款，余额解冻',
}

/** Deposit-like methods hold money before the door opens; the rest charge after it closes. */
export const DEPOSIT_METHODS: readonly CreditMethodName[] = ['wxpay_deposit', 'alipay_preauth']

export const REFUND_STATE_LABEL: Record<'processing' | 'succeeded', string> = {
  processing: '退款中',
  succeeded: '已到账',
}

/** 没拿这个 / 数量不对 / 识别成别的 / 重复扣款 / 价格不对: the shopper's and the merchant's words for a complaint line. */
export const COMPLAINT_KIND_LABEL: Record<
  'not_taken' | 'wrong_quantity' | 'misrecognized' | 'duplicate_charge' | 'wrong_price',
  string
> = {
  not_taken: '没拿这个',
  wrong_quantity: '数量不对',
  misrecognized: '识别成别的',
  duplicate_charge: '重复扣款',
  wrong_price: '价格不对',
}

export const COMPLAINT_STATE_LABEL: Record<'pending' | 'resolved' | 'rejected', string> = {
  pending: '待处理',
  resolved: '已处理',
  rejected: '已驳回',
}
