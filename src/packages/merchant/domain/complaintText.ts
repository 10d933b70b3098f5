import type { MerchantComplaint } from '@/api/types'
import { COMPLAINT_KIND_LABEL } from '@/domain/labels'

/** Product names by id, from the order's lines (a product the shopper names instead keeps its id). */
export function productNamer(order: MerchantComplaint['order']): (productId: string) => string {
  return (id) => order.lines.find((l) => l.productId === id)?.name ?? id
}

/** The complaint lines in the shopper's words: `可口可乐 330ml：数量不对（实际 1 件）`. */
export function complaintLines({ complaint, order }: MerchantComplaint): string[] {
  const name = productNamer(order)
  return complaint.items.map((item) => {
    const extra =
      item.kind === 'wrong_quantity' && item.actualQty !== undefined
        ? `（实际 ${item.actualQty} 件）`
        : item.kind === 'misrecognized' && item.actualProductId
          ? `（实际是 ${name(item.actualProductId)}）`
          : ''
    return `${name(item.productId)}：${COMPLAINT_KIND_LABEL[item.kind]}${extra}`
  })
}
