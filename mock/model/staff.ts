// Restockers and ops (补货员 / 运维): their devices, alarms, restock sessions (free or by 补货单),
// stocktakes, abnormal orders and device commands. Every call needs a staff role; device calls need a
// binding to that device, and a removed binding says so.
import {
  activeBindings,
  activeRestockSession,
  activeShopSession,
  bindingFor,
  clearAlarms,
  deviceIssues,
  deviceState,
  imageUrl,
  raiseAlarm,
  refreshStockAlarms,
  requireDevice,
  requireUser,
  stockStateOf,
  toUser,
} from './access'
import { cloudError, validationError, type CloudErrorCode } from './errors'
import { chargeOrder, pushEvent } from './doorSessions'
import { orderEvidence, toOrderSummary, toReceipt } from './orders'
import { priceCart, type CartItem } from './pricing'
import {
  nextId,
  type CommandRecord,
  type Ctx,
  type DeviceRecord,
  type OrderRecord,
  type RestockSessionRecord,
  type UserRecord,
} from './state'
import { DAY_MS, toIso } from './time'
import type {
  AbnormalOrder,
  Alarm,
  AlarmState,
  DeviceCommand,
  DeviceLight,
  DoorNo,
  ExpiryWarning,
  LightSchedule,
  Page,
  Receipt,
  RestockChange,
  RestockOrder,
  RestockSession,
  RestockSessionEvent,
  RestockSessionEventKind,
  StaffDevice,
  StaffDeviceDetail,
  Stocktake,
  StocktakeLine,
  StocktakeReason,
  User,
} from './types'
import { clone, isIntentId, isNonNegativeInt, paginate } from './util'

const NOT_BOUND_MESSAGE = '补货员扫码补货无法开门：您还没有绑定这台设备'
const NOT_BOUND_HINT = '请联系商户在后台把您绑定到该设备'

function requireStaff(ctx: Ctx, caller: string | null): UserRecord {
  const user = requireUser(ctx, caller)
  if (activeBindings(ctx, user.id).length === 0) {
    const removed = ctx.world.staff.some((b) => b.userId === user.id && b.state === 'removed')
    throw removed ? cloudError('STAFF_REMOVED') : cloudError('FORBIDDEN', '您不是补货员或运维人员')
  }
  return user
}

function requireStaffDevice(
  ctx: Ctx,
  caller: string | null,
  deviceCode: string,
): { user: UserRecord; device: DeviceRecord } {
  const user = requireUser(ctx, caller)
  const device = requireDevice(ctx, deviceCode)
  const binding = bindingFor(ctx, user.id, device.code)
  if (!binding) throw cloudError('STAFF_NOT_BOUND', NOT_BOUND_MESSAGE, undefined, { hint: NOT_BOUND_HINT })
  if (binding.state === 'removed') {
    throw cloudError('STAFF_REMOVED', '您已被移出该设备的补货员', undefined, { hint: '如有疑问请联系商户' })
  }
  return { user, device }
}

export function expiryWarningOf(expiresAt: number, now: number): ExpiryWarning {
  const days = (expiresAt - now) / DAY_MS
  if (days <= 0) return 'expired'
  if (days <= 1) return 1
  if (days <= 7) return 7
  if (days <= 30) return 30
  return null
}

function toAlarm(ctx: Ctx, id: string): Alarm | null {
  const a = ctx.world.alarms.get(id)
  if (!a) return null
  const out: Alarm = {
    id: a.id,
    deviceCode: a.deviceCode,
    kind: a.kind,
    state: a.state,
    raisedAt: toIso(a.raisedAt),
  }
  if (a.productId !== undefined) out.productId = a.productId
  if (a.acknowledgedAt !== undefined) out.acknowledgedAt = toIso(a.acknowledgedAt)
  if (a.clearedAt !== undefined) out.clearedAt = toIso(a.clearedAt)
  return out
}

function toStaffDevice(ctx: Ctx, device: DeviceRecord, userId: string): StaffDevice {
  const binding = bindingFor(ctx, userId, device.code)
  const alarms = [...ctx.world.alarms.values()]
    .filter((a) => a.deviceCode === device.code && a.state !== 'cleared')
    .sort((a, b) => b.raisedAt - a.raisedAt)
    .flatMap((a) => toAlarm(ctx, a.id) ?? [])
  const out: StaffDevice = {
    code: device.code,
    name: device.name,
    place: device.place,
    kind: device.kind,
    doorCount: device.doorCount,
    role: binding?.role ?? 'restocker',
    online: !device.faults.has('offline'),
    state: deviceState(ctx, device),
    temperatureC: device.temperatureC,
    alarms,
    stockAlerts: device.goods.flatMap((g) => {
      const state = stockStateOf(ctx, g.stock)
      return state === 'in_stock'
        ? []
        : [{ productId: g.productId, name: g.name, doorNo: g.doorNo, stock: g.stock, stockState: state }]
    }),
    serviceExpiresAt: toIso(device.serviceExpiresAt),
    expiryWarning: expiryWarningOf(device.serviceExpiresAt, ctx.clock.now()),
    light: clone(device.light ?? DEFAULT_LIGHT),
  }
  return out
}

const DEFAULT_LIGHT: DeviceLight = { on: true, schedule: null }

function toStaffDeviceDetail(ctx: Ctx, device: DeviceRecord, userId: string): StaffDeviceDetail {
  return {
    ...toStaffDevice(ctx, device, userId),
    goods: device.goods.map((g) => ({
      productId: g.productId,
      name: g.name,
      imageUrl: g.imageUrl || imageUrl(ctx, g.productId),
      doorNo: g.doorNo,
      priceFen: g.priceFen,
      systemStock: g.stock,
      capacity: g.capacity,
      stockState: stockStateOf(ctx, g.stock),
    })),
  }
}

// ---- restock sessions ---------------------------------------------------------------------------------

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
  if (rs.openedAt !== undefined) out.openedAt = toIso(rs.openedAt)
  if (rs.closedAt !== undefined) out.closedAt = toIso(rs.closedAt)
  if (rs.confirmedAt !== undefined) out.confirmedAt = toIso(rs.confirmedAt)
  return out
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

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/

function parseLightSchedule(input: unknown): LightSchedule {
  const raw = (input ?? {}) as { from?: unknown; to?: unknown }
  const from = typeof raw.from === 'string' ? raw.from : ''
  const to = typeof raw.to === 'string' ? raw.to : ''
  if (!HH_MM.test(from)) throw validationError({ 'schedule.from': '开灯时间格式须为 HH:mm' })
  if (!HH_MM.test(to)) throw validationError({ 'schedule.to': '关灯时间格式须为 HH:mm' })
  if (from === to) throw validationError({ 'schedule.to': '开灯和关灯时间不能相同' })
  return { from, to }
}

// ---- abnormal orders ----------------------------------------------------------------------------------

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

const STOCKTAKE_REASONS: StocktakeReason[] = ['damaged', 'expired', 'lost', 'other']

export function staffOps(ctx: Ctx) {
  return {
    bindStaff(caller: string | null, input: { inviteCode: string }): User {
      const user = requireUser(ctx, caller)
      const invite =
        typeof input?.inviteCode === 'string'
          ? ctx.world.invites.get(input.inviteCode.trim().toUpperCase())
          : undefined
      if (!invite || invite.usedBy !== null || invite.expiresAt <= ctx.clock.now())
        throw cloudError('STAFF_INVITE_INVALID')
      invite.usedBy = user.id
      for (const code of invite.deviceCodes) {
        const existing = bindingFor(ctx, user.id, code)
        if (existing) existing.state = 'active'
        else ctx.world.staff.push({ userId: user.id, deviceCode: code, role: 'restocker', state: 'active' })
      }
      return toUser(ctx, user)
    },

    listStaffDevices(caller: string | null): { items: StaffDevice[] } {
      const user = requireStaff(ctx, caller)
      const items = activeBindings(ctx, user.id).flatMap((b) => {
        const device = ctx.world.devices.get(b.deviceCode)
        return device ? [toStaffDevice(ctx, device, user.id)] : []
      })
      return { items }
    },

    getStaffDevice(caller: string | null, deviceCode: string): StaffDeviceDetail {
      const { user, device } = requireStaffDevice(ctx, caller, deviceCode)
      return toStaffDeviceDetail(ctx, device, user.id)
    },

    listAlarms(
      caller: string | null,
      input: { deviceCode?: string; state?: AlarmState; cursor?: string | null; limit?: number } = {},
    ): Page<Alarm> {
      const user = requireStaff(ctx, caller)
      if (input.deviceCode !== undefined) requireStaffDevice(ctx, caller, input.deviceCode)
      const codes = new Set(activeBindings(ctx, user.id).map((b) => b.deviceCode))
      const alarms = [...ctx.world.alarms.values()]
        .filter(
          (a) =>
            codes.has(a.deviceCode) &&
            (input.deviceCode === undefined || a.deviceCode === input.deviceCode) &&
            (input.state === undefined || a.state === input.state),
        )
        .sort((a, b) => b.raisedAt - a.raisedAt || (a.id < b.id ? 1 : -1))
      const page = paginate(alarms, (a) => a.id, input)
      return { items: page.items.flatMap((a) => toAlarm(ctx, a.id) ?? []), nextCursor: page.nextCursor }
    },

    acknowledgeAlarm(caller: string | null, alarmId: string): Alarm {
      requireStaff(ctx, caller)
      const alarm = ctx.world.alarms.get(alarmId)
      if (!alarm) throw cloudError('ALARM_NOT_FOUND')
      requireStaffDevice(ctx, caller, alarm.deviceCode)
      if (alarm.state === 'open') {
        alarm.state = 'acknowledged'
        alarm.acknowledgedAt = ctx.clock.now()
      }
      return toAlarm(ctx, alarm.id) as Alarm
    },

    openRestockSession(
      caller: string | null,
      input: { deviceCode: string; doorNo?: DoorNo; intentId: string; restockOrderId?: string },
    ): RestockSession {
      const { user, device } = requireStaffDevice(ctx, caller, input?.deviceCode)
      if (!isIntentId(input.intentId)) {
        throw validationError({ intentId: '开门请求编号须为8–64个字符' })
      }
      const known = ctx.world.restockIntents.get(`${user.id}|${input.intentId}`)
      const replay = known ? ctx.world.restockSessions.get(known) : undefined
      if (replay) {
        // One intent is one door of one cabinet: the same intent elsewhere is a conflict, not that session.
        if (
          replay.deviceCode !== device.code ||
          (input.doorNo !== undefined && input.doorNo !== replay.doorNo) ||
          (input.restockOrderId ?? null) !== (replay.restockOrderId ?? null)
        ) {
          throw cloudError('IDEMPOTENCY_CONFLICT', undefined, undefined, { sessionId: replay.id })
        }
        return toRestockSession(ctx, replay)
      }
      const doorNo = input.doorNo ?? 1
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
      ctx.world.restockIntents.set(`${user.id}|${input.intentId}`, rs.id)
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
      const rs = ctx.world.restockSessions.get(sessionId)
      if (!rs) throw cloudError('SESSION_NOT_FOUND')
      if (rs.userId !== user.id) throw cloudError('SESSION_NOT_YOURS')
      return toRestockSession(ctx, rs)
    },

    /** The stream's replay for a restock subscription (events after `afterSeq`, oldest first). */
    listRestockSessionEvents(
      caller: string | null,
      sessionId: string,
      afterSeq = 0,
    ): { items: RestockSessionEvent[]; seq: number } {
      const user = requireUser(ctx, caller)
      const rs = ctx.world.restockSessions.get(sessionId)
      if (!rs) throw cloudError('SESSION_NOT_FOUND')
      if (rs.userId !== user.id) throw cloudError('SESSION_NOT_YOURS')
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
      const rs = ctx.world.restockSessions.get(sessionId)
      if (!rs) throw cloudError('SESSION_NOT_FOUND')
      if (rs.userId !== user.id) throw cloudError('SESSION_NOT_YOURS')
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
        if (!isNonNegativeInt(line.after))
          throw validationError({ [`lines.${i}.after`]: '数量须为非负整数' }, 'COUNT_INVALID')
        if (line.after > product.capacity) {
          throw validationError(
            { [`lines.${i}.after`]: `超过容量${product.capacity}` },
            'COUNT_ABOVE_CAPACITY',
          )
        }
        if (line.reason !== undefined) {
          if (!STOCKTAKE_REASONS.includes(line.reason as StocktakeReason))
            throw validationError({ [`lines.${i}.reason`]: '原因无效' })
          reasons.set(product.productId, line.reason as StocktakeReason)
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

    listStocktakes(
      caller: string | null,
      deviceCode: string,
      input: { cursor?: string | null; limit?: number } = {},
    ): Page<Stocktake> {
      const { device } = requireStaffDevice(ctx, caller, deviceCode)
      const list = [...ctx.world.stocktakes.values()]
        .filter((st) => st.deviceCode === device.code)
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
      const page = paginate(list, (st) => st.id, input)
      const items = page.items.map((st) => ({
        id: st.id,
        deviceCode: st.deviceCode,
        createdAt: toIso(st.createdAt),
        lines: st.lines.map((l) => ({ ...l })),
      }))
      return { items, nextCursor: page.nextCursor }
    },

    /** Counts each product; a difference needs a reason; system stock becomes the count. */
    createStocktake(
      caller: string | null,
      deviceCode: string,
      input: { lines: { productId: string; counted: number; reason?: StocktakeReason }[] },
    ): Stocktake {
      const { user, device } = requireStaffDevice(ctx, caller, deviceCode)
      if (!Array.isArray(input?.lines) || input.lines.length === 0)
        throw validationError({ lines: '请至少盘点一个商品' })
      if (activeShopSession(ctx, device.code)) throw cloudError('DEVICE_IN_USE')
      if (activeRestockSession(ctx, device.code)) throw cloudError('STAFF_SESSION_OPEN')
      const seen = new Set<string>()
      const lines: StocktakeLine[] = input.lines.map((line, i) => {
        const product = device.goods.find((g) => g.productId === line?.productId)
        if (!product || seen.has(product.productId)) {
          throw validationError({ [`lines.${i}.productId`]: product ? '商品重复' : '该柜子没有这个商品' })
        }
        seen.add(product.productId)
        if (!isNonNegativeInt(line.counted))
          throw validationError({ [`lines.${i}.counted`]: '数量须为非负整数' }, 'COUNT_INVALID')
        if (line.counted > product.capacity) {
          throw validationError(
            { [`lines.${i}.counted`]: `超过容量${product.capacity}` },
            'COUNT_ABOVE_CAPACITY',
          )
        }
        const diff = line.counted - product.stock
        if (line.reason !== undefined && !STOCKTAKE_REASONS.includes(line.reason)) {
          throw validationError({ [`lines.${i}.reason`]: '原因无效' })
        }
        if (diff !== 0 && line.reason === undefined)
          throw validationError({ [`lines.${i}.reason`]: '请选择差异原因' })
        const out: StocktakeLine = {
          productId: product.productId,
          name: product.name,
          systemStock: product.stock,
          counted: line.counted,
          diff,
        }
        if (line.reason !== undefined) out.reason = line.reason
        return out
      })
      for (const line of lines) {
        const product = device.goods.find((g) => g.productId === line.productId)
        if (product) {
          product.stock = line.counted
          refreshStockAlarms(ctx, device, product.productId)
        }
      }
      const id = nextId(ctx, 'st')
      ctx.world.stocktakes.set(id, {
        id,
        deviceCode: device.code,
        userId: user.id,
        createdAt: ctx.clock.now(),
        lines,
      })
      return {
        id,
        deviceCode: device.code,
        createdAt: toIso(ctx.clock.now()),
        lines: lines.map((l) => ({ ...l })),
      }
    },

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
        ctx.emit({
          type: 'order_event',
          orderId: order.id,
          userId: order.userId,
          kind: failPayment ? 'payment_failed' : 'paid',
          at: toIso(ctx.clock.now()),
        })
      }
      return toReceipt(ctx, order)
    },

    updateDeviceSettings(
      caller: string | null,
      deviceCode: string,
      input: { kind: 'light' | 'temperature'; value: number | boolean; schedule?: LightSchedule },
    ): DeviceCommand {
      const { user, device } = requireStaffDevice(ctx, caller, deviceCode)
      let schedule: LightSchedule | undefined
      if (input?.kind === 'light') {
        if (typeof input.value !== 'boolean') throw validationError({ value: '请选择开或关' })
        if (input.schedule !== undefined) schedule = parseLightSchedule(input.schedule)
      } else if (input?.kind === 'temperature') {
        if (typeof input.value !== 'number' || input.value < -10 || input.value > 30) {
          throw validationError({ value: '温度须在-10–30℃之间' })
        }
      } else throw validationError({ kind: '不支持的设置' })
      if (device.faults.has('offline')) throw cloudError('DEVICE_OFFLINE', '设备离线，无法下发指令')
      const id = nextId(ctx, 'cmd')
      const cmd: CommandRecord = {
        id,
        deviceCode: device.code,
        userId: user.id,
        kind: input.kind,
        value: input.value,
        state: 'sending',
        createdAt: ctx.clock.now(),
      }
      if (schedule) cmd.schedule = schedule
      ctx.world.commands.set(id, cmd)
      ctx.clock.setTimeout(() => {
        // The device went offline meanwhile, or never answered.
        if (device.faults.has('offline') || device.faults.has('command_failure')) {
          cmd.state = 'failed'
          cmd.reason = device.faults.has('offline') ? '设备离线，指令未送达' : '设备未响应'
        } else {
          cmd.state = 'acknowledged'
          if (cmd.kind === 'temperature' && typeof cmd.value === 'number') {
            device.temperatureC = cmd.value
            if (cmd.value > ctx.settings.maxTemperatureC) raiseAlarm(ctx, device.code, 'temperature')
            else clearAlarms(ctx, device.code, 'temperature')
          }
          if (cmd.kind === 'light' && typeof cmd.value === 'boolean') {
            device.light = { on: cmd.value, schedule: cmd.schedule ? { ...cmd.schedule } : null }
          }
        }
        cmd.settledAt = ctx.clock.now()
      }, ctx.settings.commandDelayMs)
      return toCommand(cmd)
    },

    getDeviceCommand(caller: string | null, deviceCode: string, commandId: string): DeviceCommand {
      const { device } = requireStaffDevice(ctx, caller, deviceCode)
      const cmd = ctx.world.commands.get(commandId)
      if (!cmd || cmd.deviceCode !== device.code) throw cloudError('NOT_FOUND')
      return toCommand(cmd)
    },

    /** Control: the merchant removes a staff member from a device. */
    unbindStaff(userId: string, deviceCode: string): void {
      const binding = bindingFor(ctx, userId, deviceCode)
      if (!binding) throw cloudError('NOT_FOUND')
      binding.state = 'removed'
    },
  }
}

function toCommand(cmd: CommandRecord): DeviceCommand {
  const out: DeviceCommand = {
    id: cmd.id,
    deviceCode: cmd.deviceCode,
    kind: cmd.kind,
    value: cmd.value,
    state: cmd.state,
    createdAt: toIso(cmd.createdAt),
  }
  if (cmd.schedule !== undefined) out.schedule = { ...cmd.schedule }
  if (cmd.reason !== undefined) out.reason = cmd.reason
  if (cmd.settledAt !== undefined) out.settledAt = toIso(cmd.settledAt)
  return out
}
