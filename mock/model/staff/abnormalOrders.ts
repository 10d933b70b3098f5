// Abnormal orders (recognition under review): staff confirm the recognized lines or correct them, and the
// order is charged.
import { activeBindings } from '../access'
import { cloudError, validationError } from '../errors'
import { chargeOrder, pushEvent } from '../doorSessions'
import { emitOrderEvent, orderEvidence, toOrderSummary, toReceipt } from '../orders'
import { priceCart, type CartItem } from '../pricing'
import type { Ctx, OrderRecord } from '../state'
import type { AbnormalOrder, Page, Receipt } from '../types'
import { clone, isNonNegativeInt, paginate } from '../util'
import { requireStaff, requireStaffDevice } from './access'

/**
 * The cabinet's count of each product concerned at door open and at close. A live session recorded its
 * shelves when the door opened; for older orders the count now plus what left the cabinet stands in.
 */
function toAbnormalOrder(ctx: Ctx, order: OrderRecord): AbnormalOrder {
  const summary = toOrderSummary(ctx, order)
  return {
    orderId: order.id,
    deviceCode: order.deviceCode,
    deviceName: summary.deviceName,
    reason: order.abnormal?.reason ?? 'under_review',
    createdAt: summary.createdAt,
    totalFen: order.priced.totalFen,
    lines: clone(order.priced.lines),
    evidence: orderEvidence(ctx, order),
    state: order.abnormal?.state ?? 'resolved',
  }
}

export function parseCorrectedLines(input: unknown, catalog: { productId: string }[]): CartItem[] {
  if (!Array.isArray(input)) throw validationError({ lines: '请填写商品' })
  const seen = new Set<string>()
  return input.map((raw: unknown, i) => {
    const line = (raw ?? {}) as { productId?: unknown; qty?: unknown }
    const productId = typeof line.productId === 'string' ? line.productId : ''
    if (!catalog.some((c) => c.productId === productId)) {
      throw validationError({ [`lines.${i}.productId`]: '该柜子没有这个商品' })
    }
    if (seen.has(productId)) throw validationError({ [`lines.${i}.productId`]: '商品重复' })
    seen.add(productId)
    if (!isNonNegativeInt(line.qty))
      throw validationError({ [`lines.${i}.qty`]: '数量须为非负整数' }, 'COUNT_INVALID')
    return { productId, qty: line.qty }
  })
}

export function abnormalOrderOps(ctx: Ctx) {
  return {
    listAbnormalOrders(
      caller: string | null,
      input: { cursor?: string | null; limit?: number } = {},
    ): Page<AbnormalOrder> {
      const user = requireStaff(ctx, caller)
      const codes = new Set(activeBindings(ctx, user.id).map((b) => b.deviceCode))
      const orders = [...ctx.world.orders.values()]
        .filter((o) => o.abnormal !== null && codes.has(o.deviceCode))
        .sort(
          (a, b) =>
            Number(a.abnormal?.state === 'resolved') - Number(b.abnormal?.state === 'resolved') ||
            b.createdAt - a.createdAt,
        )
      const page = paginate(orders, (o) => o.id, input)
      return { items: page.items.map((o) => toAbnormalOrder(ctx, o)), nextCursor: page.nextCursor }
    },

    /** Confirms the recognized lines or corrects them (re-priced at door-open time), then charges. */
    resolveAbnormalOrder(
      caller: string | null,
      orderId: string,
      input: { action: 'confirm' | 'correct'; lines?: { productId: string; qty: number }[] },
    ): Receipt {
      requireStaff(ctx, caller)
      const order = ctx.world.orders.get(orderId)
      if (!order || order.abnormal === null) throw cloudError('ORDER_NOT_FOUND')
      requireStaffDevice(ctx, caller, order.deviceCode)
      if (order.abnormal.state === 'resolved') throw cloudError('SESSION_STATE_CONFLICT', '异常订单已处理')
      if (input?.action !== 'confirm' && input?.action !== 'correct')
        throw validationError({ action: '请选择处理方式' })
      if (input.action === 'correct') {
        const items = parseCorrectedLines(input.lines, order.priceBook.catalog).filter((l) => l.qty > 0)
        order.items = items
        order.priced = priceCart(items, order.priceBook.catalog, order.priceBook.rules, order.openedAt)
      }
      order.abnormal.state = 'resolved'
      if (order.base === 'under_review') {
        const session = ctx.world.sessions.get(order.sessionId)
        const failPayment = chargeOrder(ctx, order) === 'payment_pending'
        if (session && session.state === 'under_review') {
          session.state = failPayment ? 'payment_pending' : 'settled'
          pushEvent(ctx, session, failPayment ? 'payment_failed' : 'settled')
        }
        emitOrderEvent(ctx, order, failPayment ? 'payment_failed' : 'paid')
      }
      return toReceipt(ctx, order)
    },
  }
}
