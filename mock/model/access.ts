// Lookups and derived views shared by the modules: who the caller is, what state a device is in, which
// credit a user can shop with. Errors here are the ones every operation raises the same way.
import { cloudError } from './errors'
import { onAlarmRaised } from './messages'
import { nextId } from './state'
import type {
  AccountChannel,
  AccountRecord,
  AlarmRecord,
  CreditAuthRecord,
  CreditChannel,
  Ctx,
  DeviceRecord,
  OrderRecord,
  RestockSessionRecord,
  SessionRecord,
  StaffBinding,
  UserRecord,
} from './state'
import { toIso } from './time'
import type { AlarmKind, Device, DeviceState, Door, DoorNo, GateCode, StockState, User } from './types'
import { maskPhone, SINGLE_USE_METHODS } from './util'

export const DEVICE_CODE = /^[A-Z0-9]{6,16}$/

export function requireUser(ctx: Ctx, caller: string | null): UserRecord {
  const user = caller === null ? undefined : ctx.world.users.get(caller)
  if (!user) throw cloudError('AUTH_REQUIRED')
  return user
}

export function requireDevice(ctx: Ctx, code: string): DeviceRecord {
  const device = typeof code === 'string' && DEVICE_CODE.test(code) ? ctx.world.devices.get(code) : undefined
  if (!device) throw cloudError('DEVICE_NOT_FOUND')
  return device
}

export function toUser(ctx: Ctx, user: UserRecord): User {
  return {
    id: user.id,
    nickname: user.nickname,
    phoneBound: user.phone !== null,
    phoneMasked: user.phone === null ? null : maskPhone(user.phone),
    roles: {
      shopper: true,
      staffDeviceCodes: activeBindings(ctx, user.id).map((b) => b.deviceCode),
      merchantId: user.merchantId,
    },
  }
}

// ---- staff -----------------------------------------------------------------------------------------------

export function activeBindings(ctx: Ctx, userId: string): StaffBinding[] {
  return ctx.world.staff.filter((b) => b.userId === userId && b.state === 'active')
}

export function bindingFor(ctx: Ctx, userId: string, deviceCode: string): StaffBinding | undefined {
  return ctx.world.staff.find((b) => b.userId === userId && b.deviceCode === deviceCode)
}

// ---- door sessions ------------------------------------------------------------------------------------------

const ACTIVE_SHOP = new Set(['opening', 'open'])

export function activeShopSession(ctx: Ctx, deviceCode: string, doorNo?: DoorNo): SessionRecord | undefined {
  for (const s of ctx.world.sessions.values()) {
    if (
      s.deviceCode === deviceCode &&
      ACTIVE_SHOP.has(s.state) &&
      (doorNo === undefined || s.doorNo === doorNo)
    ) {
      return s
    }
  }
  return undefined
}

/** The user's own door session that is opening or open (at most one: it blocks opening another). */
export function ownOpenShopSession(ctx: Ctx, userId: string): SessionRecord | undefined {
  for (const s of ctx.world.sessions.values()) {
    if (s.userId === userId && ACTIVE_SHOP.has(s.state)) return s
  }
  return undefined
}

export function activeRestockSession(
  ctx: Ctx,
  deviceCode: string,
  doorNo?: DoorNo,
): RestockSessionRecord | undefined {
  for (const s of ctx.world.restockSessions.values()) {
    if (
      s.deviceCode === deviceCode &&
      (s.state === 'opening' || s.state === 'open') &&
      (doorNo === undefined || s.doorNo === doorNo)
    ) {
      return s
    }
  }
  return undefined
}

// ---- devices --------------------------------------------------------------------------------------------

const STATE_OF: Partial<Record<GateCode, DeviceState>> = {
  DEVICE_NOT_ACTIVATED: 'not_activated',
  DEVICE_SERVICE_EXPIRED: 'expired',
  DEVICE_OFFLINE: 'offline',
  DEVICE_LOCK_FAULT: 'lock_fault',
  DEVICE_CAMERA_FAULT: 'camera_fault',
  DEVICE_QUOTA_EXHAUSTED: 'quota_exhausted',
  DEVICE_RESTOCKING: 'restocking',
  DEVICE_IN_USE: 'in_use',
}

/**
 * Why nobody (or, with `viewerId`, this viewer) can shop at the device now, most fundamental first. A
 * shopper's own open session does not make the device "in use" for them.
 */
export function deviceIssues(ctx: Ctx, device: DeviceRecord, viewerId: string | null = null): GateCode[] {
  const issues: GateCode[] = []
  if (!device.activated) issues.push('DEVICE_NOT_ACTIVATED')
  if (device.serviceExpiresAt <= ctx.clock.now()) issues.push('DEVICE_SERVICE_EXPIRED')
  if (device.faults.has('offline')) issues.push('DEVICE_OFFLINE')
  if (device.faults.has('lock_fault')) issues.push('DEVICE_LOCK_FAULT')
  if (device.faults.has('camera_fault')) issues.push('DEVICE_CAMERA_FAULT')
  if (device.kind === 'vision' && device.recognitionQuota !== null && device.recognitionQuota <= 0) {
    issues.push('DEVICE_QUOTA_EXHAUSTED')
  }
  if (activeRestockSession(ctx, device.code)) issues.push('DEVICE_RESTOCKING')
  const shop = activeShopSession(ctx, device.code)
  if (shop && shop.userId !== viewerId) issues.push('DEVICE_IN_USE')
  return issues
}

/** The device's state as `viewerId` sees it: a shopper's own open door is not "in use" for them. */
export function deviceState(ctx: Ctx, device: DeviceRecord, viewerId: string | null = null): DeviceState {
  const first = deviceIssues(ctx, device, viewerId)[0]
  return (first && STATE_OF[first]) ?? 'ok'
}

export function toDevice(ctx: Ctx, device: DeviceRecord, viewerId: string | null = null): Device {
  return {
    code: device.code,
    name: device.name,
    place: device.place,
    kind: device.kind,
    doorCount: device.doorCount,
    online: !device.faults.has('offline'),
    state: deviceState(ctx, device, viewerId),
    serviceExpiresAt: toIso(device.serviceExpiresAt),
    temperatureC: device.temperatureC,
  }
}

export function doorsOf(device: DeviceRecord): Door[] {
  if (device.doorCount === 1) return [{ no: 1, name: '柜门', isDefault: true }]
  return [
    { no: 1, name: '左门', isDefault: true },
    { no: 2, name: '右门', isDefault: false },
  ]
}

export function stockStateOf(ctx: Ctx, stock: number): StockState {
  if (stock <= 0) return 'sold_out'
  return stock <= ctx.settings.lowStockThreshold ? 'low' : 'in_stock'
}

// ---- credit --------------------------------------------------------------------------------------------

/**
 * The authorization a user can shop with on a channel at a device, if any. One made for this door (a deposit
 * just paid, a per-order confirmation) comes first: the shopper chose it for this visit.
 */
export function usableCredit(
  ctx: Ctx,
  userId: string,
  channel: CreditChannel,
  deviceCode: string,
): CreditAuthRecord | undefined {
  let standing: CreditAuthRecord | undefined
  for (const a of ctx.world.creditAuths.values()) {
    if (a.userId !== userId || a.channel !== channel || a.state !== 'authorized') continue
    if (!SINGLE_USE_METHODS.includes(a.method)) standing ??= a
    else if (a.consumedBy === null && a.deviceCode === deviceCode) return a
  }
  return standing
}

/** A user's authorizations on one channel, oldest first. */
function creditAttempts(ctx: Ctx, userId: string, channel: CreditChannel): CreditAuthRecord[] {
  return [...ctx.world.creditAuths.values()].filter((a) => a.userId === userId && a.channel === channel)
}

export function pendingCredit(
  ctx: Ctx,
  userId: string,
  channel: CreditChannel,
): CreditAuthRecord | undefined {
  return creditAttempts(ctx, userId, channel).find((a) => a.state === 'pending')
}

export function lastCreditAttempt(
  ctx: Ctx,
  userId: string,
  channel: CreditChannel,
): CreditAuthRecord | undefined {
  const attempts = creditAttempts(ctx, userId, channel)
  return attempts[attempts.length - 1]
}

// ---- orders ------------------------------------------------------------------------------------------

/** Which platform's credit methods the user gets: where they last logged in (the H5 demo acts as either). */
export function userChannel(ctx: Ctx, user: UserRecord): CreditChannel {
  if (user.lastPlatform === 'h5') return ctx.settings.h5Channel
  return user.lastPlatform === 'alipay' ? 'alipay' : 'wechat'
}

/** What is still to pay on an order: its total less what a deposit already covered. */
export function amountDueFen(order: OrderRecord): number {
  return order.base === 'unpaid' ? order.priced.totalFen - (order.depositChargedFen ?? 0) : 0
}

export function unpaidOrders(ctx: Ctx, userId: string): OrderRecord[] {
  return [...ctx.world.orders.values()].filter((o) => o.userId === userId && o.base === 'unpaid')
}

// ---- alarms ------------------------------------------------------------------------------------------

/** Raises an alarm unless the same one is still open or acknowledged (an alarm is one per problem). */
export function raiseAlarm(ctx: Ctx, deviceCode: string, kind: AlarmKind, productId?: string): AlarmRecord {
  for (const a of ctx.world.alarms.values()) {
    if (
      a.deviceCode === deviceCode &&
      a.kind === kind &&
      a.productId === productId &&
      a.state !== 'cleared'
    ) {
      return a
    }
  }
  const alarm: AlarmRecord = {
    id: nextId(ctx, 'alm'),
    deviceCode,
    kind,
    state: 'open',
    raisedAt: ctx.clock.now(),
  }
  if (productId !== undefined) alarm.productId = productId
  ctx.world.alarms.set(alarm.id, alarm)
  onAlarmRaised(ctx, alarm)
  return alarm
}

export function clearAlarms(ctx: Ctx, deviceCode: string, kind: AlarmKind, productId?: string): void {
  for (const a of ctx.world.alarms.values()) {
    if (a.deviceCode === deviceCode && a.kind === kind && a.state !== 'cleared') {
      if (productId !== undefined && a.productId !== productId) continue
      a.state = 'cleared'
      a.clearedAt = ctx.clock.now()
    }
  }
}

/** Keeps low-stock / sold-out alarms in line with a product's stock. */
export function refreshStockAlarms(ctx: Ctx, device: DeviceRecord, productId: string): void {
  const product = device.goods.find((g) => g.productId === productId)
  if (!product) return
  const state = stockStateOf(ctx, product.stock)
  if (state !== 'sold_out') clearAlarms(ctx, device.code, 'sold_out', productId)
  if (state !== 'low') clearAlarms(ctx, device.code, 'low_stock', productId)
  if (state === 'sold_out') raiseAlarm(ctx, device.code, 'sold_out', productId)
  if (state === 'low') raiseAlarm(ctx, device.code, 'low_stock', productId)
}

// ---- money -------------------------------------------------------------------------------------------

export function accountFor(ctx: Ctx, merchantId: string, channel: AccountChannel): AccountRecord | undefined {
  for (const a of ctx.world.accounts.values()) {
    if (a.merchantId === merchantId && a.channel === channel) return a
  }
  return undefined
}

export function addLedger(
  ctx: Ctx,
  accountId: string,
  amountFen: number,
  kind: 'opening' | 'sale' | 'refund' | 'withdrawal' | 'withdrawal_return',
  ref: string,
  at = ctx.clock.now(),
): void {
  const availableAt = kind === 'sale' ? at + ctx.settings.settlementHoldMs : at
  ctx.world.ledger.push({ accountId, amountFen, at, availableAt, kind, ref })
}

export function imageUrl(ctx: Ctx, productId: string): string {
  return `${ctx.settings.assetBaseUrl}/goods/${productId}.png`
}

// ---- merchant --------------------------------------------------------------------------------------------

export function requireMerchant(ctx: Ctx, caller: string | null): { user: UserRecord; merchantId: string } {
  const user = requireUser(ctx, caller)
  if (user.merchantId === null || !ctx.world.merchants.has(user.merchantId)) {
    throw cloudError('FORBIDDEN', '您不是商户管理员')
  }
  return { user, merchantId: user.merchantId }
}
