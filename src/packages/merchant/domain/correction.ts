// The corrected order a merchant proposes for a complaint: quantities only. The cloud re-prices them at the
// original door-open time and refunds the difference; the app never computes the money.
import type { ApproveComplaintRequest, Complaint, Receipt } from '@/api/types'

export interface CorrectionLine {
  productId: string
  name: string
  /** What the shopper was charged for (0 for a product the shopper says was taken instead). */
  chargedQty: number
  qty: number
}

/** Starts from the charged lines and applies what the shopper says happened, line by line. */
export function suggestedCorrection(complaint: Complaint, order: Receipt): CorrectionLine[] {
  const lines: CorrectionLine[] = order.lines.map((l) => ({
    productId: l.productId,
    name: l.name,
    chargedQty: l.qty,
    qty: l.qty,
  }))
  const find = (productId: string) => lines.find((l) => l.productId === productId)
  for (const item of complaint.items) {
    const line = find(item.productId)
    if (!line) continue
    switch (item.kind) {
      case 'not_taken':
        line.qty = 0
        break
      case 'wrong_quantity':
        if (item.actualQty !== undefined) line.qty = item.actualQty
        break
      case 'misrecognized': {
        const taken = line.chargedQty
        line.qty = 0
        if (item.actualProductId === undefined) break
        const actual = find(item.actualProductId)
        if (actual) actual.qty += taken
        else
          lines.push({
            productId: item.actualProductId,
            name: item.actualProductId,
            chargedQty: 0,
            qty: taken,
          })
        break
      }
      // A duplicate charge or a wrong price is about the money, not the goods: the quantities stand.
      case 'duplicate_charge':
      case 'wrong_price':
        break
    }
  }
  return lines
}

export function withQty(lines: readonly CorrectionLine[], productId: string, qty: number): CorrectionLine[] {
  const clean = Number.isInteger(qty) && qty >= 0 ? qty : 0
  return lines.map((l) => (l.productId === productId ? { ...l, qty: clean } : l))
}

/** The whole corrected cart, as the cloud wants it (lines at 0 say "not taken"). */
export function approvalBody(lines: readonly CorrectionLine[], reply: string): ApproveComplaintRequest {
  const body: ApproveComplaintRequest = { lines: lines.map((l) => ({ productId: l.productId, qty: l.qty })) }
  const trimmed = reply.trim()
  if (trimmed !== '') body.reply = trimmed
  return body
}

export const MAX_REPLY_CHARS = 200

/** A reply to the shopper: required when rejecting, at most 200 characters; null when it is fine. */
export function replyProblem(reply: string, required: boolean): string | null {
  const length = [...reply.trim()].length
  if (required && length === 0) return '请填写驳回理由，顾客会看到这条回复'
  if (length > MAX_REPLY_CHARS) return `回复不能超过${MAX_REPLY_CHARS}字`
  return null
}
