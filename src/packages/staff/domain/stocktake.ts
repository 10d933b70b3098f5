import type { StaffGoods, StockAdjustReason, StocktakeLine } from '@/api/types'
import type { ErrorCode } from '@/domain/errors'
import { countProblem } from './counts'

export interface StocktakeRow {
  productId: string
  name: string
  doorNo: number
  systemStock: number
  capacity: number
  counted: number
  diff: number
  reason: StockAdjustReason | null
  problem: ErrorCode | null
}

/** Every product with its system stock; a product not counted yet keeps the cabinet's own reading. */
export function stocktakeRows(
  goods: readonly StaffGoods[],
  counts: Readonly<Record<string, number>>,
  reasons: Readonly<Record<string, StockAdjustReason>>,
): StocktakeRow[] {
  return goods.map((g) => {
    const counted = counts[g.productId] ?? g.systemStock
    const reason = reasons[g.productId] ?? null
    const bad = countProblem(counted, g.capacity)
    const diff = bad ? 0 : counted - g.systemStock
    return {
      productId: g.productId,
      name: g.name,
      doorNo: g.doorNo,
      systemStock: g.systemStock,
      capacity: g.capacity,
      counted,
      diff,
      reason,
      problem: bad ?? (diff !== 0 && reason === null ? 'REASON_REQUIRED' : null),
    }
  })
}

export function stocktakeBody(rows: readonly StocktakeRow[]): StocktakeLine[] {
  return rows.map((r) => {
    const line: StocktakeLine = { productId: r.productId, counted: r.counted }
    if (r.diff !== 0 && r.reason !== null) line.reason = r.reason
    return line
  })
}
