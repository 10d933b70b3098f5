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

export const CREDIT_METHOD_LABEL: Record<
  'wxpay_score_use' | 'wxpay_score_enable' | 'alipay_pay_after_use' | 'alipay_agreement' | 'alipay_preauth',
  string
> = {
  wxpay_score_use: '微信支付分',
  wxpay_score_enable: '微信支付分免确认',
  alipay_pay_after_use: '芝麻先享',
  alipay_agreement: '支付宝免密支付',
  alipay_preauth: '支付宝预授权',
}

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
