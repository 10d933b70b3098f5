import { formatFenPlain } from './money'

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

const CLOSED_STATES: ReadonlySet<string> = new Set([
  'closed',
  'settled',
  'empty',
  'payment_pending',
  'under_review',
])

/** The door was open and is now shut (settling or settled): the moment elder mode says so aloud. */
export function doorJustClosed(before: string, after: string): boolean {
  return (before === 'open' || before === 'opening') && CLOSED_STATES.has(after)
}

/** What elder mode says when the receipt arrives: the amount in words a speech engine reads well. */
export function receiptSpeech(receipt: { status: string; totalFen: number; amountDueFen?: number }): string {
  const yuan = (fen: number) => `${formatFenPlain(fen)}元`
  switch (receipt.status) {
    case 'paid':
      return `支付成功，本次支付${yuan(receipt.totalFen)}`
    case 'unpaid':
      return `扣款未成功，待支付${yuan(receipt.amountDueFen ?? receipt.totalFen)}`
    case 'empty':
      return '本次未取商品，未扣款'
    case 'under_review':
      return `订单审核中，金额${yuan(receipt.totalFen)}`
    default:
      return `本次金额${yuan(receipt.totalFen)}`
  }
}
