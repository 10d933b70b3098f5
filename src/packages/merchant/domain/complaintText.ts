import type { MerchantComplaint } from '@/api/types'
import { COMPLAINT_KIND_LABEL } from '@/domain/labels'

/** What a product is called where the cloud's answer does not say: never its id, which means nothing to a merchant. */
export const UNNAMED_PRODUCT = '其他商品'

/**
 * Product names by id: the order's lines, then the cabinet's readings of the visit (which name every product
 * the shelves saw move, also one taken and put back). A product named in neither reads as 其他商品.
 */
export function productNamer({
  order,
  evidence,
}: Pick<MerchantComplaint, 'order' | 'evidence'>): (productId: string) => string {
  const names = new Map<string, string>()
  for (const reading of evidence?.readings ?? []) names.set(reading.productId, reading.name)
  for (const line of order.lines) names.set(line.productId, line.name)
  return (id) => names.get(id) ?? UNNAMED_PRODUCT
}

/** The complaint lines in the shopper's words: `可口可乐 330ml：数量不对（实际 1 件）`. */
export function complaintLines(complained: MerchantComplaint): string[] {
  const name = productNamer(complained)
  return complained.complaint.items.map((item) => {
    const extra =
      item.kind === 'wrong_quantity' && item.actualQty !== undefined
        ? `（实际 ${item.actualQty} 件）`
        : item.kind === 'misrecognized' && item.actualProductId
          ? `（实际是 ${name(item.actualProductId)}）`
          : ''
    return `${name(item.productId)}：${COMPLAINT_KIND_LABEL[item.kind]}${extra}`
  })
}
