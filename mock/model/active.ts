// The caller's unfinished business in one answer, so an app that was killed, lost an answer or was
// reinstalled can go back to where its user is. Only the caller's own records are ever looked at.
import { requireUser } from './access'
import { toCreditAuthorization } from './credit'
import { toDoorSession } from './doorSessions'
import { toOrderSummary, toPayment } from './orders'
import type { Ctx } from './state'
import { toRestockSession } from './staff'
import type { ActiveState } from './types'

const DOOR_NOT_ENDED = new Set(['awaiting_confirmation', 'opening', 'open', 'closed'])
// A door that is opening or open matters more than one that is only settling.
const DOOR_URGENCY: Record<string, number> = { open: 3, opening: 2, awaiting_confirmation: 2, closed: 1 }
const RESTOCK_NOT_CONFIRMED = new Set(['opening', 'open', 'closed'])

/** The latest of a user's records that passes `keep`, by a creation instant (ties: the later id). */
function latest<T extends { userId: string; id: string }>(
  records: Iterable<T>,
  userId: string,
  keep: (r: T) => boolean,
  rank: (r: T) => number,
): T | undefined {
  let best: T | undefined
  for (const r of records) {
    if (r.userId !== userId || !keep(r)) continue
    if (!best || rank(r) > rank(best) || (rank(r) === rank(best) && r.id > best.id)) best = r
  }
  return best
}

export function activeOps(ctx: Ctx) {
  return {
    getActiveState(caller: string | null): ActiveState {
      const user = requireUser(ctx, caller)
      const { sessions, restockSessions, creditAuths, payments, orders } = ctx.world
      const door = latest(
        sessions.values(),
        user.id,
        (s) => DOOR_NOT_ENDED.has(s.state),
        (s) => (DOOR_URGENCY[s.state] ?? 0) * 1e15 + s.requestedAt,
      )
      const restock = latest(
        restockSessions.values(),
        user.id,
        (s) => RESTOCK_NOT_CONFIRMED.has(s.state),
        (s) => s.requestedAt,
      )
      const credit = latest(
        creditAuths.values(),
        user.id,
        (a) => a.state === 'pending',
        (a) => a.createdAt,
      )
      const payment = latest(
        payments.values(),
        user.id,
        (p) => p.state === 'pending' && orders.has(p.orderId),
        (p) => p.createdAt,
      )
      const order = payment ? orders.get(payment.orderId) : undefined
      return {
        doorSession: door ? toDoorSession(ctx, door) : null,
        restockSession: restock ? toRestockSession(ctx, restock) : null,
        creditAuthorization: credit ? toCreditAuthorization(credit) : null,
        payment: payment && order ? { payment: toPayment(payment), order: toOrderSummary(ctx, order) } : null,
      }
    },
  }
}
