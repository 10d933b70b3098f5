// Door sessions: open → live cart → close → settlement. Every change is an event with the session's next
// `seq`, kept in the session's log (for polling) and pushed to subscribers (for the socket).
import {
  activeShopSession,
  clearAlarms,
  pendingCredit,
  raiseAlarm,
  refreshStockAlarms,
  requireDevice,
  requireUser,
  usableCredit,
  userChannel,
} from './access'
import { returnWholeDeposit, settleDeposit, toDeposit } from './deposits'
import { cloudError, validationError, type CloudErrorCode } from './errors'
import { computeGate, gateError } from './gate'
import { recordIntent, replayIntent } from './idempotency'
import { tellOrderOwner } from './messages'
import { createOrder, markPaid } from './orders'
import { priceCart } from './pricing'
import { nextId, type Ctx, type OrderRecord, type SessionRecord } from './state'
import { isoIfSet, toIso } from './time'
import type { Cart, DoorNo, DoorSession, SessionEvent, SessionEventKind } from './types'
import { clone, isIntentId, orderChannelOfMethod, SINGLE_USE_METHODS } from './util'

const EMPTY_CART: Cart = { lines: [], promotions: [], subtotalFen: 0, discountFen: 0, totalFen: 0 }

export function pricedAtOf(s: SessionRecord): number {
  return s.openedAt ?? s.requestedAt
}

export function sessionItems(s: SessionRecord): { productId: string; qty: number; objected: boolean }[] {
  return [...s.items.entries()].map(([productId, v]) => ({ productId, qty: v.qty, objected: v.objected }))
}

/** Gravity carts are priced live; a vision cart stays empty until recognition has made the order. */
function cartOf(ctx: Ctx, s: SessionRecord): Cart {
  if (s.orderId) {
    const order = ctx.world.orders.get(s.orderId)
    if (order) {
      const { lines, promotions, subtotalFen, discountFen, totalFen } = order.priced
      return clone({ lines, promotions, subtotalFen, discountFen, totalFen })
    }
  }
  if (s.kind === 'vision') return clone(EMPTY_CART)
  const priced = priceCart(sessionItems(s), s.priceBook.catalog, s.priceBook.rules, pricedAtOf(s))
  const { lines, promotions, subtotalFen, discountFen, totalFen } = priced
  return { lines, promotions, subtotalFen, discountFen, totalFen }
}

export function toDoorSession(ctx: Ctx, s: SessionRecord): DoorSession {
  const out: DoorSession = {
    id: s.id,
    deviceCode: s.deviceCode,
    doorNo: s.doorNo,
    mode: s.mode,
    state: s.state,
    seq: s.seq,
    openDeadlineAt: toIso(s.openDeadlineAt),
    cart: cartOf(ctx, s),
    orderId: s.orderId,
    recognition: s.kind === 'vision' ? 'after_close' : 'live',
  }
  if (s.failure) out.failure = { ...s.failure }
  const deposit = s.creditAuthId ? ctx.world.creditAuths.get(s.creditAuthId)?.deposit : undefined
  if (deposit) out.deposit = toDeposit(deposit)
  return Object.assign(out, isoIfSet(s, ['openedAt', 'closedAt']))
}

export function pushEvent(
  ctx: Ctx,
  s: SessionRecord,
  kind: SessionEventKind,
  extra: { productId?: string; qty?: number } = {},
): SessionEvent {
  s.seq += 1
  const event: SessionEvent = {
    seq: s.seq,
    at: toIso(ctx.clock.now()),
    kind,
    ...extra,
    session: toDoorSession(ctx, s),
  }
  s.events.push(event)
  ctx.emit({ type: 'session_event', sessionId: s.id, userId: s.userId, event: clone(event) })
  return event
}

function clearTimers(ctx: Ctx, s: SessionRecord): void {
  for (const t of s.timers) ctx.clock.clearTimeout(t)
  s.timers = []
}

const FAILURE_TEXT: Partial<Record<CloudErrorCode, string>> = {
  DOOR_OPEN_FAILED: '开门失败，请重试或拨打客服电话',
  DOOR_OPEN_TIMEOUT: '开门超时，请重试',
}

function failOpen(ctx: Ctx, s: SessionRecord, code: 'DOOR_OPEN_FAILED' | 'DOOR_OPEN_TIMEOUT'): void {
  if (s.state !== 'opening') return
  clearTimers(ctx, s)
  s.state = 'failed'
  s.failure = { code, message: FAILURE_TEXT[code] ?? '开门失败' }
  const credit = s.creditAuthId ? ctx.world.creditAuths.get(s.creditAuthId) : undefined
  // The door never opened: a deposit goes back at once; a per-order confirmation stays usable for the retry.
  if (credit?.deposit) returnWholeDeposit(ctx, credit, s.deviceCode)
  else if (credit && credit.consumedBy === s.id) credit.consumedBy = null
  pushEvent(ctx, s, 'open_failed')
}

function markOpen(ctx: Ctx, s: SessionRecord): void {
  if (s.state !== 'opening') return
  clearTimers(ctx, s)
  s.state = 'open'
  s.openedAt = ctx.clock.now()
  pushEvent(ctx, s, 'opened')
  s.timers.push(
    ctx.clock.setTimeout(() => {
      if (s.state !== 'open') return
      raiseAlarm(ctx, s.deviceCode, 'door_open')
      pushEvent(ctx, s, 'door_left_open')
    }, ctx.settings.doorLeftOpenMs),
  )
}

/** The lock's answer arrives after `doorDelayMs`; faults decide what it says. */
function scheduleOpen(ctx: Ctx, s: SessionRecord): void {
  s.timers.push(
    ctx.clock.setTimeout(() => {
      const device = ctx.world.devices.get(s.deviceCode)
      if (!device || s.state !== 'opening') return
      const f = device.faults
      if (f.has('open_fail') || f.has('offline') || f.has('lock_fault'))
        return failOpen(ctx, s, 'DOOR_OPEN_FAILED')
      if (f.has('open_timeout')) {
        s.timers.push(
          ctx.clock.setTimeout(
            () => failOpen(ctx, s, 'DOOR_OPEN_TIMEOUT'),
            Math.max(0, s.openDeadlineAt - ctx.clock.now()),
          ),
        )
        return
      }
      markOpen(ctx, s)
    }, ctx.settings.doorDelayMs),
  )
}

/** Settlement after close: recognition (vision), pricing at door-open time, charge through the credit. */
export function settle(ctx: Ctx, s: SessionRecord): void {
  if (s.state !== 'closed') return
  const device = ctx.world.devices.get(s.deviceCode)
  if (!device) return
  const items = sessionItems(s).filter((i) => i.qty > 0)
  s.settledAt = ctx.clock.now()
  if (s.kind === 'vision' && device.recognitionQuota !== null) {
    device.recognitionQuota = Math.max(0, device.recognitionQuota - 1)
  }
  const credit = s.creditAuthId ? ctx.world.creditAuths.get(s.creditAuthId) : undefined
  if (items.length === 0) {
    // Nothing taken: no order, and a deposit goes back whole.
    if (credit?.deposit) returnWholeDeposit(ctx, credit, s.deviceCode)
    s.state = 'empty'
    pushEvent(ctx, s, 'empty')
    return
  }
  for (const item of items) {
    const product = device.goods.find((g) => g.productId === item.productId)
    if (product) {
      product.stock = Math.max(0, product.stock - item.qty)
      refreshStockAlarms(ctx, device, item.productId)
    }
  }
  const review = device.faults.has('under_review')
  const settlementFailed = device.faults.has('settlement_failure')
  const objected = items.some((i) => i.objected)
  const order = createOrder(ctx, {
    userId: s.userId,
    sessionId: s.id,
    deviceCode: s.deviceCode,
    openedAt: pricedAtOf(s),
    closedAt: s.closedAt ?? ctx.clock.now(),
    createdAt: ctx.clock.now(),
    priceBook: s.priceBook,
    items,
    base: 'under_review',
    channel: s.channel,
    takeLog: s.takeLog,
  })
  s.orderId = order.id
  if (credit?.deposit) order.depositAuthId = credit.id
  if (settlementFailed || review || objected) {
    // No charge until a person has looked at it (staff's abnormal orders); a deposit stays held until then.
    order.abnormal = {
      reason: settlementFailed ? 'settlement_failed' : review ? 'under_review' : 'objection',
      state: 'open',
    }
    s.state = 'under_review'
    pushEvent(ctx, s, 'under_review')
    return
  }
  const outcome = chargeOrder(ctx, order)
  s.state = outcome
  pushEvent(ctx, s, outcome === 'settled' ? 'settled' : 'payment_failed')
  // The live cart has told the shopper already; the message centre keeps it for later.
  tellOrderOwner(ctx, order.id, outcome === 'settled' ? 'paid' : 'payment_failed')
}

/**
 * Charges an order once its goods are known (at settlement, or when a person has reviewed it): from the
 * session's deposit when it had one (the rest goes back, anything above it is owed), else by its credit.
 */
export function chargeOrder(ctx: Ctx, order: OrderRecord): 'settled' | 'payment_pending' {
  const credit = order.depositAuthId ? ctx.world.creditAuths.get(order.depositAuthId) : undefined
  if (credit?.deposit) {
    const { chargedFen, remainderFen } = settleDeposit(ctx, credit, order.deviceCode, order.priced.totalFen)
    order.depositChargedFen = chargedFen
    if (remainderFen > 0) {
      order.base = 'unpaid'
      return 'payment_pending'
    }
  } else if (ctx.world.devices.get(order.deviceCode)?.faults.has('payment_failure')) {
    order.base = 'unpaid'
    return 'payment_pending'
  }
  markPaid(ctx, order, order.channel)
  return 'settled'
}

/** Control: the door of a shop session closes (what the lock reports). */
export function closeShopSession(ctx: Ctx, s: SessionRecord): void {
  if (s.state !== 'open') throw cloudError('SESSION_STATE_CONFLICT', '柜门没有打开')
  clearTimers(ctx, s)
  s.state = 'closed'
  s.closedAt = ctx.clock.now()
  clearAlarms(ctx, s.deviceCode, 'door_open')
  pushEvent(ctx, s, 'closed')
  pushEvent(ctx, s, 'settling')
  const device = ctx.world.devices.get(s.deviceCode)
  const delay = device?.faults.has('slow_settlement')
    ? ctx.settings.slowSettlementDelayMs
    : ctx.settings.settlementDelayMs
  s.timers.push(ctx.clock.setTimeout(() => settle(ctx, s), delay))
}

/** Control: goods leave the cabinet during a shop session (weight sensors / cameras). */
export function takeInSession(ctx: Ctx, s: SessionRecord, productId: string, qty: number): void {
  const device = ctx.world.devices.get(s.deviceCode)
  const product = device?.goods.find((g) => g.productId === productId && g.doorNo === s.doorNo)
  if (!product) throw validationError({ productId: '该门没有这个商品' })
  const current = s.items.get(productId) ?? { qty: 0, objected: false }
  if (current.qty + qty > product.stock) throw validationError({ qty: '柜内没有这么多' })
  current.qty += qty
  s.items.set(productId, current)
  s.takeLog.push({ at: ctx.clock.now(), productId, deltaQty: -qty })
  // A vision cabinet reports nothing until it has recognized the whole visit after close.
  if (s.kind === 'gravity') pushEvent(ctx, s, 'taken', { productId, qty })
}

export function putBackInSession(ctx: Ctx, s: SessionRecord, productId: string, qty: number): void {
  const current = s.items.get(productId)
  if (!current || current.qty < qty) throw validationError({ qty: '本次没有取出这么多' })
  current.qty -= qty
  if (current.qty === 0) s.items.delete(productId)
  s.takeLog.push({ at: ctx.clock.now(), productId, deltaQty: qty })
  if (s.kind === 'gravity') pushEvent(ctx, s, 'returned', { productId, qty })
}

function ownSession(ctx: Ctx, userId: string, sessionId: string): SessionRecord {
  const s = ctx.world.sessions.get(sessionId)
  // Someone else's session is "not found", like their orders: session ids do not reveal other shoppers.
  if (!s || s.userId !== userId) throw cloudError('SESSION_NOT_FOUND')
  return s
}

export function doorSessionOps(ctx: Ctx) {
  return {
    /** Opens a door; the same intent id (per user) always answers with the same session. */
    openDoor(
      caller: string | null,
      input: { deviceCode: string; doorNo?: DoorNo; intentId: string; mode?: 'shop' },
    ): DoorSession {
      const user = requireUser(ctx, caller)
      if (!isIntentId(input?.intentId)) {
        throw validationError({ intentId: '开门请求编号须为8–64个字符' })
      }
      const doorNo = input.doorNo ?? 1
      const target = { deviceCode: input.deviceCode, doorNo }
      const known = replayIntent(ctx.world.intents, user.id, input.intentId, target)
      const replay = known === null ? undefined : ctx.world.sessions.get(known)
      if (replay) return toDoorSession(ctx, replay)
      const device = requireDevice(ctx, input.deviceCode)
      if (input.mode !== undefined && input.mode !== 'shop') throw validationError({ mode: '仅支持购物开门' })
      if (doorNo !== 1 && !(doorNo === 2 && device.doorCount === 2))
        throw validationError({ doorNo: '没有这扇门' })
      // The shopper's own open door is the gate's first reason (SESSION_ACTIVE, with its id).
      const gate = computeGate(ctx, user, device)
      const first = gate.reasons[0]
      if (first) throw gateError(first)
      if (activeShopSession(ctx, device.code)) throw cloudError('DEVICE_IN_USE')
      const channel = userChannel(ctx, user)
      const credit = usableCredit(ctx, user.id, channel, device.code)
      if (!credit)
        throw cloudError(pendingCredit(ctx, user.id, channel) ? 'CREDIT_PENDING' : 'CREDIT_REQUIRED')
      const now = ctx.clock.now()
      const s: SessionRecord = {
        id: nextId(ctx, 'sess'),
        userId: user.id,
        deviceCode: device.code,
        doorNo,
        mode: 'shop',
        intentId: input.intentId,
        kind: device.kind,
        state: 'opening',
        seq: 0,
        events: [],
        requestedAt: now,
        openDeadlineAt: now + ctx.settings.openTimeoutMs,
        items: new Map(),
        takeLog: [],
        stockBefore: new Map(
          device.goods.filter((g) => g.doorNo === doorNo).map((g) => [g.productId, g.stock]),
        ),
        // What the shopper saw: prices and promotions are frozen for this visit.
        priceBook: {
          catalog: device.goods.map((g) => ({ productId: g.productId, name: g.name, priceFen: g.priceFen })),
          rules: clone(device.promotions),
        },
        orderId: null,
        creditAuthId: credit.id,
        channel: orderChannelOfMethod(credit.method),
        timers: [],
      }
      if (SINGLE_USE_METHODS.includes(credit.method)) credit.consumedBy = s.id
      ctx.world.sessions.set(s.id, s)
      recordIntent(ctx.world.intents, user.id, input.intentId, target, s.id)
      pushEvent(ctx, s, 'opening')
      scheduleOpen(ctx, s)
      return toDoorSession(ctx, s)
    },

    getDoorSession(caller: string | null, sessionId: string): DoorSession {
      const user = requireUser(ctx, caller)
      return toDoorSession(ctx, ownSession(ctx, user.id, sessionId))
    },

    listDoorSessionEvents(
      caller: string | null,
      sessionId: string,
      afterSeq = 0,
    ): { items: SessionEvent[]; seq: number } {
      const user = requireUser(ctx, caller)
      const s = ownSession(ctx, user.id, sessionId)
      if (!Number.isInteger(afterSeq) || afterSeq < 0) throw validationError({ afterSeq: '须为非负整数' })
      return { items: clone(s.events.filter((e) => e.seq > afterSeq)), seq: s.seq }
    },

    /** The shopper disputes a live-cart line before settlement: the order will wait for a person. */
    objectToCartLine(
      caller: string | null,
      sessionId: string,
      input: { productId: string; note?: string },
    ): DoorSession {
      const user = requireUser(ctx, caller)
      const s = ownSession(ctx, user.id, sessionId)
      if (s.state !== 'open' && s.state !== 'closed') {
        throw cloudError('SESSION_STATE_CONFLICT', '结算后请通过订单投诉')
      }
      const item = s.kind === 'gravity' ? s.items.get(input?.productId) : undefined
      if (!item || item.qty <= 0) throw validationError({ productId: '购物车里没有这个商品' })
      if (input.note !== undefined && (typeof input.note !== 'string' || [...input.note].length > 200)) {
        throw validationError({ note: '说明不能超过200字' })
      }
      if (!item.objected) {
        item.objected = true
        pushEvent(ctx, s, 'objection', { productId: input.productId })
      }
      return toDoorSession(ctx, s)
    },
  }
}

export function sessionForDoor(ctx: Ctx, deviceCode: string, doorNo: DoorNo): SessionRecord | undefined {
  return activeShopSession(ctx, deviceCode, doorNo)
}
