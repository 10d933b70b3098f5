import type { ComplaintItemKind, ComplaintState, FaultReportKind, OrderStatusFilter } from '@/api/types'

/** Chinese names for the after-sales enums of the contract, as shoppers read them. */

export const ORDER_TABS: readonly { value: OrderStatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'unpaid', label: '待支付' },
  { value: 'done', label: '已完成' },
  { value: 'refund_or_complaint', label: '退款·申诉' },
]

export const COMPLAINT_KINDS: readonly { kind: ComplaintItemKind; label: string }[] = [
  { kind: 'not_taken', label: '没拿这个商品' },
  { kind: 'wrong_quantity', label: '数量不对' },
  { kind: 'misrecognized', label: '识别成了别的商品' },
  { kind: 'duplicate_charge', label: '重复扣款' },
  { kind: 'wrong_price', label: '价格不对' },
]

export const COMPLAINT_KIND_LABEL = Object.fromEntries(
  COMPLAINT_KINDS.map(({ kind, label }) => [kind, label]),
) as Record<ComplaintItemKind, string>

export const COMPLAINT_STATE_LABEL: Record<ComplaintState, string> = {
  pending: '待处理',
  resolved: '已处理',
  rejected: '已驳回',
}

export const FAULT_KINDS: readonly { kind: FaultReportKind; label: string }[] = [
  { kind: 'door_wont_open', label: '门打不开' },
  { kind: 'door_wont_close', label: '门关不上' },
  { kind: 'wrong_charge', label: '扣款有误' },
  { kind: 'other', label: '其他' },
]
