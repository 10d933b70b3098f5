// Restock sessions (free, or by 补货单): open a door, the shelves count what is loaded or removed (a
// vision cabinet cannot, so the restocker counts), close, confirm once; every change is an event with the
// next seq, kept for replay and pushed live. Also the 补货单 list.
import {
  activeRestockSession,
  activeShopSession,
  deviceIssues,
  refreshStockAlarms,
  requireUser,
} from '../access'
import { cloudError, validationError, type CloudErrorCode } from '../errors'
import { recordIntent, replayIntent } from '../idempotency'
import { nextId, type Ctx, type RestockSessionRecord } from '../state'
import { isoIfSet, toIso } from '../time'
import type {
  DoorNo,
  RestockChange,
  RestockOrder,
  RestockSession,
  RestockSessionEvent,
  RestockSessionEventKind,
  StocktakeReason,
} from '../types'
import { clone, isIntentId } from '../util'
import { requireStaff, requireStaffDevice } from './access'
import { checkReason, checkShelfCount } from './stocktakes'

/** Gravity shelves weigh every change; a vision cabinet cannot count while it is being restocked. */
function countingOf(ctx: Ctx, rs: RestockSessionRecord): RestockSession['counting'] {
  return ctx.world.devices.get(rs.deviceCode)?.kind === 'vision' ? 'manual' : 'sensors'
}

export function toRestockSession(ctx: Ctx, rs: RestockSessionRecord): RestockSession {
  const device = ctx.world.devices.get(rs.deviceCode)
  const order = rs.restockOrderId ? ctx.world.restockOrders.get(rs.restockOrderId) : undefined
  const counting = countingOf(ctx, rs)
  const changes = (device?.goods ?? [])
    .filter((g) => g.doorNo === rs.doorNo)
    .map((g) => {
      const before = rs.before.get(g.productId) ?? g.stock
      const measured = counting === 'sensors' ? (rs.deltas.get(g.productId) ?? 0) : 0
      const after = rs.confirmed?.get(g.productId) ?? before + measured
      const change: RestockChange = {
        productId: g.productId,
        name: g.name,
        before,
        delta: after - before,
        after,
      }
      const planned = order?.lines.find((l) => l.productId === g.productId && l.doorNo === rs.doorNo)
      if (planned) change.plannedQty = planned.plannedQty
      return change
    })
  const out: RestockSession = {
    id: rs.id,
    deviceCode: rs.deviceCode,
    doorNo: rs.doorNo,
    state: rs.state,
    seq: rs.seq,
    counting,
    changes,
  }
  if (rs.failure) out.failure = { ...rs.failure }
  if (rs.restockOrderId !== undefined) out.restockOrderId = rs.restockOrderId
  return Object.assign(out, isoIfSet(rs, ['openedAt', 'closedAt', 'confirmedAt']))
}

/** Every change of a restock session is an event with the next `seq`, kept for replay and pushed live. */
function pushRestockEvent(
  ctx: Ctx,
  rs: RestockSessionRecord,
  kind: RestockSessionEventKind,
  extra: { productId?: string; qty?: number } = {},
): RestockSessionEvent {
  rs.seq += 1
  const event: RestockSessionEvent = {
    seq: rs.seq,
    at: toIso(ctx.clock.now()),
    kind,
    ...extra,
    session: toRestockSession(ctx, rs),
  }
  rs.events.push(event)
  ctx.emit({ type: 'restock_event', sessionId: rs.id, userId: rs.userId, event: clone(event) })
  return event
}

/** Control: the shelf sensors see goods loaded (+) or removed (−) during a restock. */
export function restockAdjust(ctx: Ctx, rs: RestockSessionRecord, productId: string, delta: number): void {
  const device = ctx.world.devices.get(rs.deviceCode)
  const product = device?.goods.find((g) => g.productId === productId && g.doorNo === rs.doorNo)
  if (!product) throw validationError({ productId: '该门没有这个商品' })
  const before = rs.before.get(productId) ?? product.stock
  const next = (rs.deltas.get(productId) ?? 0) + delta
  if (before + next < 0) throw validationError({ qty: '柜内没有这么多' }, 'COUNT_INVALID')
  if (before + next > product.capacity) throw validationError({ qty: '超过货道容量' }, 'COUNT_ABOVE_CAPACITY')
  rs.deltas.set(productId, next)
  // A vision cabinet sees nothing it could count until the restocker says how many there are.
  if (countingOf(ctx, rs) === 'sensors') {
    pushRestockEvent(ctx, rs, delta > 0 ? 'loaded' : 'removed', { productId, qty: Math.abs(delta) })
  }
}

export function closeRestockSession(ctx: Ctx, rs: RestockSessionRecord): void {
  if (rs.state !== 'open') throw cloudError('SESSION_STATE_CONFLICT', '柜门没有打开')
  rs.state = 'closed'
  rs.closedAt = ctx.clock.now()
  pushRestockEvent(ctx, rs, 'closed')
}

function failRestock(
  ctx: Ctx,
  rs: RestockSessionRecord,
  code: 'DOOR_OPEN_FAILED' | 'DOOR_OPEN_TIMEOUT',
): void {
  if (rs.state !== 'opening') return
  rs.state = 'failed'
  rs.failure = { code, message: code === 'DOOR_OPEN_FAILED' ? '开门失败，请重试' : '开门超时，请重试' }
  pushRestockEvent(ctx, rs, 'open_failed')
}

function ownRestockSession(ctx: Ctx, userId: string, sessionId: string): RestockSessionRecord {
  const rs = ctx.world.restockSessions.get(sessionId)
  // Another restocker's session is "not found", like a shopper's order: ids do not reveal who restocks.
  if (!rs || rs.userId !== userId) throw cloudError('SESSION_NOT_FOUND')
  return rs
}

export function restockOps(ctx: Ctx) {
  return {
    openRestockSession(
      caller: string | null,
      input: { deviceCode: string; doorNo?: DoorNo; intentId: string; restockOrderId?: string },
    ): RestockSession {
      const staff = requireStaff(ctx, caller)
      if (!isIntentId(input?.intentId)) {
        throw validationError({ intentId: '开门请求编号须为8–64个字符' })
      }
      // The intent is looked at before the device, as the shopper's door does: a replay aimed at another
      // cabinet is the intent's conflict (naming its session), whatever that cabinet is.
      const doorNo = input.doorNo ?? 1
      const target = {
        deviceCode: input.deviceCode,
        doorNo,
        restockOrderId: input.restockOrderId ?? null,
      }
      const known = replayIntent(ctx.world.restockIntents, staff.id, input.intentId, target)
      const replay = known === null ? undefined : ctx.world.restockSessions.get(known)
      if (replay) return toRestockSession(ctx, replay)
      const { user, device } = requireStaffDevice(ctx, caller, input.deviceCode)
      if (doorNo !== 1 && !(doorNo === 2 && device.doorCount === 2))
        throw validationError({ doorNo: '没有这扇门' })
      if (input.restockOrderId !== undefined) {
        const ro = ctx.world.restockOrders.get(input.restockOrderId)
        if (!ro || ro.deviceCode !== device.code || ro.state !== 'open')
          throw cloudError('RESTOCK_ORDER_NOT_FOUND')
      }
      // A restocker can still restock an expired cabinet; what stops a lock stops them too.
      const blocking: CloudErrorCode[] = ['DEVICE_NOT_ACTIVATED', 'DEVICE_OFFLINE', 'DEVICE_LOCK_FAULT']
      const issue = deviceIssues(ctx, device).find((c) => blocking.includes(c))
      if (issue) throw cloudError(issue)
      const open = activeRestockSession(ctx, device.code)
      // The restocker's own open restock is named, so the app can go back to it; someone else's is not.
      if (open)
        throw cloudError('STAFF_SESSION_OPEN', undefined, undefined, {
          ...(open.userId === user.id ? { sessionId: open.id } : {}),
        })
      if (activeShopSession(ctx, device.code)) throw cloudError('DEVICE_IN_USE')
      const now = ctx.clock.now()
      const rs: RestockSessionRecord = {
        id: nextId(ctx, 'rs'),
        userId: user.id,
        deviceCode: device.code,
        doorNo,
        intentId: input.intentId,
        state: 'opening',
        before: new Map(device.goods.filter((g) => g.doorNo === doorNo).map((g) => [g.productId, g.stock])),
        deltas: new Map(),
        seq: 0,
        events: [],
        requestedAt: now,
        timers: [],
      }
      if (input.restockOrderId !== undefined) rs.restockOrderId = input.restockOrderId
      ctx.world.restockSessions.set(rs.id, rs)
      recordIntent(ctx.world.restockIntents, user.id, input.intentId, target, rs.id)
      pushRestockEvent(ctx, rs, 'opening')
      rs.timers.push(
        ctx.clock.setTimeout(() => {
          if (rs.state !== 'opening') return
          const f = device.faults
          if (f.has('open_fail') || f.has('offline') || f.has('lock_fault'))
            return failRestock(ctx, rs, 'DOOR_OPEN_FAILED')
          if (f.has('open_timeout')) {
            rs.timers.push(
              ctx.clock.setTimeout(
                () => failRestock(ctx, rs, 'DOOR_OPEN_TIMEOUT'),
                Math.max(0, now + ctx.settings.openTimeoutMs - ctx.clock.now()),
              ),
            )
            return
          }
          rs.state = 'open'
          rs.openedAt = ctx.clock.now()
          pushRestockEvent(ctx, rs, 'opened')
        }, ctx.settings.doorDelayMs),
      )
      return toRestockSession(ctx, rs)
    },

    getRestockSession(caller: string | null, sessionId: string): RestockSession {
      const user = requireStaff(ctx, caller)
      const rs = ownRestockSession(ctx, user.id, sessionId)
      return toRestockSession(ctx, rs)
    },

    /** The stream's replay for a restock subscription (events after `afterSeq`, oldest first). */
    listRestockSessionEvents(
      caller: string | null,
      sessionId: string,
      afterSeq = 0,
    ): { items: RestockSessionEvent[]; seq: number } {
      const user = requireUser(ctx, caller)
      const rs = ownRestockSession(ctx, user.id, sessionId)
      if (!Number.isInteger(afterSeq) || afterSeq < 0) throw validationError({ afterSeq: '须为非负整数' })
      return { items: clone(rs.events.filter((e) => e.seq > afterSeq)), seq: rs.seq }
    },

    /** Confirms the per-product result once, after the door is closed; adjustments override the sensors. */
    confirmRestockSession(
      caller: string | null,
      sessionId: string,
      input: { lines?: { productId: string; after: number; reason?: string }[] } = {},
    ): RestockSession {
      const user = requireStaff(ctx, caller)
      const rs = ownRestockSession(ctx, user.id, sessionId)
      // A staff member removed from the cabinet meanwhile can no longer change its stock.
      requireStaffDevice(ctx, caller, rs.deviceCode)
      if (rs.state === 'confirmed') throw cloudError('RESTOCK_ALREADY_CONFIRMED')
      if (rs.state !== 'closed') throw cloudError('SESSION_STATE_CONFLICT', '请先关门再确认')
      const device = ctx.world.devices.get(rs.deviceCode)
      if (!device) throw cloudError('DEVICE_NOT_FOUND')
      const onDoor = device.goods.filter((g) => g.doorNo === rs.doorNo)
      const manual = countingOf(ctx, rs) === 'manual'
      const result = new Map(
        onDoor.map((g) => [
          g.productId,
          (rs.before.get(g.productId) ?? g.stock) + (manual ? 0 : (rs.deltas.get(g.productId) ?? 0)),
        ]),
      )
      const lines = input.lines ?? []
      if (!Array.isArray(lines)) throw validationError({ lines: '格式不正确' })
      const reasons = new Map<string, StocktakeReason>()
      lines.forEach((line, i) => {
        const product = onDoor.find((g) => g.productId === line?.productId)
        if (!product) throw validationError({ [`lines.${i}.productId`]: '该门没有这个商品' })
        checkShelfCount(line.after, product.capacity, `lines.${i}.after`)
        if (line.reason !== undefined) {
          checkReason(line.reason, `lines.${i}.reason`)
          reasons.set(product.productId, line.reason)
        }
        result.set(product.productId, line.after)
      })
      if (manual) {
        const missing = onDoor.filter((g) => !lines.some((l) => l?.productId === g.productId))
        if (missing.length > 0) {
          throw validationError({ lines: `视觉柜请清点每个商品：${missing.map((g) => g.name).join('、')}` })
        }
      }
      const ro = rs.restockOrderId ? ctx.world.restockOrders.get(rs.restockOrderId) : undefined
      // Loaded ≠ planned is a discrepancy of the 补货单: the restocker has to say why.
      for (const line of ro?.lines ?? []) {
        if (line.doorNo !== rs.doorNo) continue
        const loaded = (result.get(line.productId) ?? 0) - (rs.before.get(line.productId) ?? 0)
        if (loaded !== line.plannedQty && !reasons.has(line.productId)) {
          const name = onDoor.find((g) => g.productId === line.productId)?.name ?? line.productId
          throw validationError({ [`reasons.${line.productId}`]: `请填写「${name}」与补货单不符的原因` })
        }
      }
      for (const product of onDoor) {
        product.stock = result.get(product.productId) ?? product.stock
        refreshStockAlarms(ctx, device, product.productId)
      }
      rs.confirmed = result
      rs.state = 'confirmed'
      rs.confirmedAt = ctx.clock.now()
      if (ro) {
        for (const line of ro.lines) {
          if (line.doorNo !== rs.doorNo) continue
          // What went onto the shelf (never negative: goods taken out are not a restock of the order).
          line.actualQty = Math.max(
            0,
            (result.get(line.productId) ?? 0) - (rs.before.get(line.productId) ?? 0),
          )
          const reason = reasons.get(line.productId)
          if (reason !== undefined && line.actualQty !== line.plannedQty) line.reason = reason
        }
        if (ro.lines.every((l) => l.actualQty !== undefined)) ro.state = 'done'
      }
      pushRestockEvent(ctx, rs, 'confirmed')
      return toRestockSession(ctx, rs)
    },

    listRestockOrders(caller: string | null, deviceCode: string): { items: RestockOrder[] } {
      const { device } = requireStaffDevice(ctx, caller, deviceCode)
      const items = [...ctx.world.restockOrders.values()]
        .filter((ro) => ro.deviceCode === device.code)
        .sort((a, b) => Number(a.state === 'done') - Number(b.state === 'done') || b.createdAt - a.createdAt)
        .map((ro) => ({
          id: ro.id,
          deviceCode: ro.deviceCode,
          state: ro.state,
          createdAt: toIso(ro.createdAt),
          lines: ro.lines.map((l) => {
            const out: RestockOrder['lines'][number] = {
              productId: l.productId,
              name: device.goods.find((g) => g.productId === l.productId)?.name ?? '',
              doorNo: l.doorNo,
              plannedQty: l.plannedQty,
            }
            if (l.actualQty !== undefined) out.actualQty = l.actualQty
            if (l.reason !== undefined) out.reason = l.reason
            return out
          }),
        }))
      return { items }
    },
  }
}
