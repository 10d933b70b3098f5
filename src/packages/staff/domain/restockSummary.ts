import type { DoorNo, RestockConfirmLine, RestockOrder, RestockSession, StockAdjustReason } from '@/api/types'
import type { ErrorCode } from '@/domain/errors'
import { countProblem } from './counts'

/** One product of the door after the restock, as the summary shows it and the confirm sends it. */
export interface SummaryLine {
  productId: string
  name: string
  before: number
  /** What the cabinet measured (sensor counting), or null where it cannot count (a vision cabinet). */
  measured: number | null
  /** The count that will be confirmed: the restocker's own where given, else the measurement. */
  after: number | null
  delta: number | null
  /** The restocker set a count different from the cabinet's (or counted by hand). */
  adjusted: boolean
  capacity: number | null
  planned: number | null
  /** Loaded minus planned, when restocking by a 补货单; non-zero is a discrepancy. */
  discrepancy: number | null
  reason: StockAdjustReason | null
  problem: ErrorCode | null
}

export interface SummaryInput {
  session: RestockSession
  counts: Readonly<Record<string, number>>
  reasons: Readonly<Record<string, StockAdjustReason>>
  capacities: Readonly<Record<string, number>>
}

export function summaryLines({ session, counts, reasons, capacities }: SummaryInput): SummaryLine[] {
  const manual = session.counting === 'manual'
  return session.changes.map((change) => {
    const own = counts[change.productId]
    const measured = manual ? null : change.after
    const after = own ?? measured
    const capacity = capacities[change.productId] ?? null
    const planned = change.plannedQty ?? null
    const loaded = after === null ? null : after - change.before
    const discrepancy = planned === null || loaded === null ? null : loaded - planned
    const reason = reasons[change.productId] ?? null
    let problem: ErrorCode | null = null
    if (after === null) problem = 'COUNT_REQUIRED'
    else problem = countProblem(after, capacity)
    if (!problem && discrepancy !== null && discrepancy !== 0 && reason === null) problem = 'REASON_REQUIRED'
    return {
      productId: change.productId,
      name: change.name,
      before: change.before,
      measured,
      after,
      delta: loaded,
      adjusted: own !== undefined && (manual || own !== change.after),
      capacity,
      planned,
      discrepancy,
      reason,
      problem,
    }
  })
}

export function firstProblem(lines: readonly SummaryLine[]): SummaryLine | null {
  return lines.find((l) => l.problem !== null) ?? null
}

/**
 * The confirm body's lines: every product the restocker counted by hand or adjusted, and every 补货单
 * discrepancy with its reason. Products left as the cabinet measured them are not sent.
 */
export function confirmLines(lines: readonly SummaryLine[]): RestockConfirmLine[] {
  return lines.flatMap((l) => {
    if (l.after === null) return []
    const explained = l.discrepancy !== null && l.discrepancy !== 0
    if (!l.adjusted && !explained) return []
    const line: RestockConfirmLine = { productId: l.productId, after: l.after }
    if (l.reason !== null && (explained || l.adjusted)) line.reason = l.reason
    return [line]
  })
}

/** The door a 补货单 is restocked through next: the first with planned lines not yet restocked. */
export function nextDoorOf(order: Pick<RestockOrder, 'lines'>): DoorNo {
  const open = order.lines.find((l) => l.actualQty === undefined) ?? order.lines[0]
  return open?.doorNo ?? 1
}
