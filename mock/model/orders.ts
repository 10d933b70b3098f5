// Orders, in-app payments of unpaid orders, and refunds. An order exists only when something was taken;
// its money was priced once, at the door-open time, and never changes (corrections are separate records).
import { accountFor, addLedger, amountDueFen, requireUser } from './access'
import { toDeposit } from './deposits'
import { cloudError, validationError } from './errors'
import { priceCart, type CartItem } from './pricing'
import type {
  CloudEvent,
  Ctx,
  OrderBase,
  OrderRecord,
  PaymentRecord,
  PriceBook,
  RefundRecord,
  TakeLogEntry,
} from './state'
import { chinaParts, isoIfSet, toIso } from './time'
import type {
  CartLine,
  OrderChannel,
  OrderListFilter,
  OrderStatus,
  OrderSummary,
  OrderEvidence,
  Page,
  Payment,
  Platform,
  Receipt,
  Refund,
} from './types'
import { accountChannelOf, clone, fnv1a, isPlatform, paginate } from './util'

export function newOrderId(ctx: Ctx, at: number): string {
  const n = (ctx.world.counters.get('order') ?? 0) + 1
  ctx.world.counters.set('order', n)
  return `O${chinaParts(at).dateKey.replace(/-/g, '')}${String(n).padStart(5, '0')}`
}

export interface NewOrder {
  userId: string
  sessionId: string
  deviceCode: string
  openedAt: number
  closedAt: number
  createdAt: number
  priceBook: PriceBook
  items: CartItem[]
  base: OrderBase
  channel: OrderChannel
  takeLog?: TakeLogEntry[]
}

export function createOrder(ctx: Ctx, input: NewOrder): OrderRecord {
  const device = ctx.world.devices.get(input.deviceCode)
  const order: OrderRecord = {
    id: newOrderId(ctx, input.createdAt),
    userId: input.userId,
    sessionId: input.sessionId,
    deviceCode: input.deviceCode,
    merchantId: device?.merchantId ?? '',
    createdAt: input.createdAt,
    openedAt: input.openedAt,
    closedAt: input.closedAt,
    priceBook: input.priceBook,
    items: input.items.map((i) => ({ ...i })),
    priced: priceCart(input.items, input.priceBook.catalog, input.priceBook.rules, input.openedAt),
    base: 'under_review',
    channel: input.channel,
    refundIds: [],
    complaintId: null,
    abnormal: null,
    takeLog: input.takeLog ? input.takeLog.map((e) => ({ ...e })) : [],
  }
  ctx.world.orders.set(order.id, order)
  if (input.base === 'paid') markPaid(ctx, order, input.channel, input.createdAt)
  else order.base = input.base
  return order
}

/** The money arrives: the order is paid and the sale enters the merchant's pending balance (T+1). */
export function markPaid(ctx: Ctx, order: OrderRecord, channel: OrderChannel, at = ctx.clock.now()): void {
  order.base = 'paid'
  order.channel = channel
  order.paidAt = at
  const account = accountFor(ctx, order.merchantId, accountChannelOf(channel))
  if (account && order.priced.totalFen > 0)
    addLedger(ctx, account.id, order.priced.totalFen, 'sale', order.id, at)
}

export function refundedFen(ctx: Ctx, order: OrderRecord): number {
  let sum = 0
  for (const id of order.refundIds) sum += ctx.world.refunds.get(id)?.amountFen ?? 0
  return sum
}

export function orderStatus(ctx: Ctx, order: OrderRecord): OrderStatus {
  if (order.base !== 'paid') return order.base
  const refunded = refundedFen(ctx, order)
  if (refunded <= 0) return 'paid'
  return refunded >= order.priced.totalFen ? 'refunded' : 'partially_refunded'
}

/** Refunds go back the way the money came (原路返回) and succeed after `refundDelayMs`. */
export function createRefund(ctx: Ctx, order: OrderRecord, amountFen: number): RefundRecord {
  const refund: RefundRecord = {
    id: `RF${order.id.slice(1)}${order.refundIds.length + 1}`,
    orderId: order.id,
    amountFen,
    channel: order.channel,
    state: 'processing',
    createdAt: ctx.clock.now(),
  }
  ctx.world.refunds.set(refund.id, refund)
  order.refundIds.push(refund.id)
  const account = accountFor(ctx, order.merchantId, accountChannelOf(order.channel))
  if (account) addLedger(ctx, account.id, -amountFen, 'refund', refund.id)
  ctx.clock.setTimeout(() => {
    // Seeded history may already have settled it.
    if (refund.state !== 'processing') return
    refund.state = 'succeeded'
    refund.succeededAt = ctx.clock.now()
    emitOrderEvent(ctx, order, 'refunded')
  }, ctx.settings.refundDelayMs)
  return refund
}

export function toRefund(refund: RefundRecord): Refund {
  const out: Refund = {
    id: refund.id,
    amountFen: refund.amountFen,
    channel: refund.channel,
    destination: '原路返回',
    state: refund.state,
    createdAt: toIso(refund.createdAt),
  }
  return Object.assign(out, isoIfSet(refund, ['succeededAt']))
}

export function goodsSummary(lines: CartLine[]): string {
  const first = lines[0]
  if (!first) return '无商品'
  const total = lines.reduce((n, l) => n + l.qty, 0)
  return lines.length === 1 ? `${first.name}×${first.qty}` : `${first.name}×${first.qty} 等${total}件`
}

/** Orders a shopper may still complain about: charged and not refunded in full. */
export const COMPLAINABLE_STATUSES: ReadonlySet<OrderStatus> = new Set(['paid', 'partially_refunded'])

/** The end of an order's complaint window, or null when the order cannot be complained about at all. */
export function complaintWindowEnd(ctx: Ctx, order: OrderRecord): number | null {
  if (!COMPLAINABLE_STATUSES.has(orderStatus(ctx, order))) return null
  return order.createdAt + ctx.settings.complaintWindowMs
}

export function toOrderSummary(ctx: Ctx, order: OrderRecord): OrderSummary {
  return {
    id: order.id,
    deviceCode: order.deviceCode,
    deviceName: ctx.world.devices.get(order.deviceCode)?.name ?? '',
    createdAt: toIso(order.createdAt),
    goodsSummary: goodsSummary(order.priced.lines),
    totalFen: order.priced.totalFen,
    status: orderStatus(ctx, order),
    hasComplaint: order.complaintId !== null,
  }
}

/** A receipt; `corrected` renders a complaint's corrected order with the original's frame. */
export function toReceipt(
  ctx: Ctx,
  order: OrderRecord,
  corrected?: { id: string; priced: OrderRecord['priced'] },
): Receipt {
  const device = ctx.world.devices.get(order.deviceCode)
  const merchant = device ? ctx.world.merchants.get(device.merchantId) : undefined
  const priced = corrected?.priced ?? order.priced
  const complaint = order.complaintId ? ctx.world.complaints.get(order.complaintId) : undefined
  const receipt: Receipt = {
    id: corrected?.id ?? order.id,
    sessionId: order.sessionId,
    device: { code: order.deviceCode, name: device?.name ?? '', place: device?.place ?? '' },
    status: orderStatus(ctx, order),
    channel: order.channel,
    lines: clone(priced.lines),
    promotions: clone(priced.promotions),
    subtotalFen: priced.subtotalFen,
    discountFen: priced.discountFen,
    totalFen: priced.totalFen,
    doorOpenedAt: toIso(order.openedAt),
    doorClosedAt: toIso(order.closedAt),
    refunds: corrected
      ? []
      : order.refundIds.flatMap((id) => {
          const r = ctx.world.refunds.get(id)
          return r ? [toRefund(r)] : []
        }),
    complaint:
      complaint && !corrected
        ? {
            id: complaint.id,
            state: complaint.state,
            createdAt: toIso(complaint.createdAt),
            ...(complaint.handledAt !== undefined ? { handledAt: toIso(complaint.handledAt) } : {}),
          }
        : null,
    servicePhone: merchant?.servicePhone ?? '',
  }
  if (order.paidAt !== undefined) receipt.paidAt = toIso(order.paidAt)
  const deposit = order.depositAuthId ? ctx.world.creditAuths.get(order.depositAuthId)?.deposit : undefined
  if (deposit && !corrected) receipt.deposit = toDeposit(deposit)
  if (order.base === 'unpaid') receipt.amountDueFen = amountDueFen(order)
  const windowEnd = corrected ? null : complaintWindowEnd(ctx, order)
  if (windowEnd !== null) receipt.complaintWindowEndsAt = toIso(windowEnd)
  return receipt
}

/** What the cabinet recorded for an order's door session: the shelves' weight log, camera snapshots. */
/** What the cloud knows about a visit: door times, the shelves' readings, photos and the weight log. */
export function orderEvidence(ctx: Ctx, order: OrderRecord): OrderEvidence {
  const device = ctx.world.devices.get(order.deviceCode)
  return {
    doorOpenedAt: toIso(order.openedAt),
    doorClosedAt: toIso(order.closedAt),
    readings: readingsOf(ctx, order),
    photoUrls:
      device?.kind === 'vision'
        ? [1, 2].map((n) => `${ctx.settings.assetBaseUrl}/evidence/${order.id}-${n}.jpg`)
        : [],
    weightLog: order.takeLog.map((e) => ({ at: toIso(e.at), productId: e.productId, deltaQty: e.deltaQty })),
  }
}

/** Each product's stock before the visit and after it, as the cabinet's shelves read it. */
function readingsOf(ctx: Ctx, order: OrderRecord): OrderEvidence['readings'] {
  const device = ctx.world.devices.get(order.deviceCode)
  const recorded = ctx.world.sessions.get(order.sessionId)?.stockBefore
  const taken = new Map<string, number>()
  for (const line of order.priced.lines) taken.set(line.productId, 0)
  for (const e of order.takeLog) taken.set(e.productId, (taken.get(e.productId) ?? 0) - e.deltaQty)
  return [...taken].flatMap(([productId, out]) => {
    const product = device?.goods.find((g) => g.productId === productId)
    if (!product) return []
    const before = recorded?.get(productId) ?? product.stock + Math.max(0, out)
    return [{ productId, name: product.name, before, after: Math.max(0, before - out) }]
  })
}

export function toPayment(payment: PaymentRecord): Payment {
  const out: Payment = {
    id: payment.id,
    orderId: payment.orderId,
    state: payment.state,
    payload: clone(payment.payload),
  }
  if (payment.state === 'failed') out.failure = { code: 'PAYMENT_FAILED', message: '支付未成功，请重试' }
  return out
}

/** Newest first; ties by id so pages are stable. */
export function newestFirst(a: OrderRecord, b: OrderRecord): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
}

function matchesFilter(ctx: Ctx, order: OrderRecord, filter: OrderListFilter): boolean {
  const status = orderStatus(ctx, order)
  switch (filter) {
    case 'all':
      return true
    case 'unpaid':
      return status === 'unpaid'
    case 'done':
      return status === 'paid' || status === 'refunded' || status === 'partially_refunded'
    case 'refund_or_complaint':
      return order.refundIds.length > 0 || order.complaintId !== null
  }
}

const FILTERS: OrderListFilter[] = ['all', 'unpaid', 'done', 'refund_or_complaint']

export function ownOrder(ctx: Ctx, userId: string, orderId: string): OrderRecord {
  const order = ctx.world.orders.get(orderId)
  // Someone else's order is "not found": ids do not reveal other people's purchases.
  if (!order || order.userId !== userId) throw cloudError('ORDER_NOT_FOUND')
  return order
}

function completePaymentRecord(ctx: Ctx, payment: PaymentRecord, ok: boolean): void {
  if (payment.state !== 'pending') return
  for (const t of payment.timers) ctx.clock.clearTimeout(t)
  payment.timers = []
  const order = ctx.world.orders.get(payment.orderId)
  payment.state = ok ? 'succeeded' : 'failed'
  if (!order) return
  if (ok && order.base === 'unpaid') markPaid(ctx, order, payment.platform === 'alipay' ? 'alipay' : 'wxpay')
  emitOrderEvent(ctx, order, ok ? 'paid' : 'payment_failed')
}

/** Tells the order's owner that something happened to it (paid, refunded, a complaint handled), at `at`. */
export function emitOrderEvent(
  ctx: Ctx,
  order: { id: string; userId: string },
  kind: Extract<CloudEvent, { type: 'order_event' }>['kind'],
  at: number = ctx.clock.now(),
): void {
  ctx.emit({ type: 'order_event', orderId: order.id, userId: order.userId, kind, at: toIso(at) })
}

export function orderOps(ctx: Ctx) {
  return {
    listOrders(
      caller: string | null,
      input: { status?: OrderListFilter; cursor?: string | null; limit?: number } = {},
    ): Page<OrderSummary> {
      const user = requireUser(ctx, caller)
      const filter = input.status ?? 'all'
      if (!FILTERS.includes(filter)) throw validationError({ status: '筛选条件无效' })
      const orders = [...ctx.world.orders.values()]
        .filter((o) => o.userId === user.id && matchesFilter(ctx, o, filter))
        .sort(newestFirst)
      const page = paginate(orders, (o) => o.id, input)
      return { items: page.items.map((o) => toOrderSummary(ctx, o)), nextCursor: page.nextCursor }
    },

    getOrder(caller: string | null, orderId: string): Receipt {
      const user = requireUser(ctx, caller)
      return toReceipt(ctx, ownOrder(ctx, user.id, orderId))
    },

    listUnpaidOrders(caller: string | null): { items: OrderSummary[] } {
      const user = requireUser(ctx, caller)
      const items = [...ctx.world.orders.values()]
        .filter((o) => o.userId === user.id && o.base === 'unpaid')
        .sort(newestFirst)
        .map((o) => toOrderSummary(ctx, o))
      return { items }
    },

    /** Pays an unpaid order in the app; a payment already pending for it is handed out again. */
    payOrder(caller: string | null, orderId: string, input: { platform: Platform }): Payment {
      const user = requireUser(ctx, caller)
      const order = ownOrder(ctx, user.id, orderId)
      if (!isPlatform(input?.platform)) throw validationError({ platform: '平台无效' })
      if (order.base === 'paid') throw cloudError('ORDER_ALREADY_PAID')
      if (order.base === 'under_review')
        throw cloudError('SESSION_STATE_CONFLICT', '订单审核中，暂不需要支付')
      for (const p of ctx.world.payments.values()) {
        if (p.orderId !== order.id || p.state !== 'pending') continue
        // Tapping 支付 again continues the same payment; paying from another platform must wait for it.
        if (p.platform === input.platform) return toPayment(p)
        throw cloudError('PAYMENT_PENDING')
      }
      const n = (ctx.world.counters.get('payment') ?? 0) + 1
      ctx.world.counters.set('payment', n)
      const id = `pay_${String(n).padStart(4, '0')}`
      const ts = String(Math.floor(ctx.clock.now() / 1000))
      const payment: PaymentRecord = {
        id,
        orderId: order.id,
        userId: user.id,
        platform: input.platform,
        state: 'pending',
        payload:
          input.platform === 'alipay'
            ? { kind: 'alipay', tradeNO: `2026${String(n).padStart(6, '0')}${fnv1a(id)}` }
            : {
                kind: 'wxpay',
                timeStamp: ts,
                nonceStr: fnv1a(`nonce|${id}`) + fnv1a(`n|${id}`),
                package: `prepay_id=wx_mock_${id}`,
                signType: 'RSA',
                paySign: `mock${fnv1a(`${id}|${ts}`)}${fnv1a(id)}`,
              },
        createdAt: ctx.clock.now(),
        timers: [],
      }
      ctx.world.payments.set(id, payment)
      if (ctx.settings.paymentAutoCompleteMs !== null) {
        payment.timers.push(
          ctx.clock.setTimeout(
            () => completePaymentRecord(ctx, payment, true),
            ctx.settings.paymentAutoCompleteMs,
          ),
        )
      }
      return toPayment(payment)
    },

    getPayment(caller: string | null, paymentId: string): Payment {
      const user = requireUser(ctx, caller)
      const payment = ctx.world.payments.get(paymentId)
      if (!payment || payment.userId !== user.id) throw cloudError('NOT_FOUND')
      return toPayment(payment)
    },

    /** Control: the platform reports the payment's result (simulator / tests / the H5 demo's fake cashier). */
    completePayment(paymentId: string, ok: boolean): Payment {
      const payment = ctx.world.payments.get(paymentId)
      if (!payment) throw cloudError('NOT_FOUND')
      if (payment.state !== 'pending') throw cloudError('SESSION_STATE_CONFLICT', '支付已结束')
      completePaymentRecord(ctx, payment, ok)
      return toPayment(payment)
    },
  }
}
