/** Door-session states as the contract names them, and what the shopper sees for each. */
export type DoorSessionStateName =
  | 'awaiting_confirmation'
  | 'opening'
  | 'open'
  | 'closed'
  | 'settled'
  | 'empty'
  | 'payment_pending'
  | 'under_review'
  | 'failed'
  | 'cancelled'

const FINAL: ReadonlySet<string> = new Set([
  'settled',
  'empty',
  'payment_pending',
  'under_review',
  'failed',
  'cancelled',
])

/** No further event will change this session: stop following it. */
export function isFinalSessionState(state: string): boolean {
  return FINAL.has(state)
}

export const SESSION_PHASE_LABEL: Record<DoorSessionStateName, string> = {
  awaiting_confirmation: '等待确认…',
  opening: '开门中',
  open: '柜门已打开，请取商品',
  closed: '结算中',
  settled: '支付成功',
  empty: '本次未购物，未扣款',
  payment_pending: '扣款失败，待支付',
  under_review: '订单审核中',
  failed: '开门失败',
  cancelled: '已取消',
}
