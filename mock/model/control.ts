// Control operations: what the cabinets and the platforms do on their own. The simulator and the tests
// call these; the app never can.
import {
  activeRestockSession,
  activeShopSession,
  clearAlarms,
  doorsOf,
  raiseAlarm,
  requireDevice,
  toDevice,
} from './access'
import { cloudError, validationError } from './errors'
import { closeShopSession, putBackInSession, takeInSession } from './doorSessions'
import { closeRestockSession, restockAdjust } from './staff'
import { FAULT_KINDS, type Ctx, type FaultKind } from './state'
import type { Device, Door, DoorNo } from './types'
import { isPositiveInt } from './util'

function door(ctx: Ctx, deviceCode: string, doorNo: DoorNo) {
  const device = requireDevice(ctx, deviceCode)
  if (doorNo !== 1 && !(doorNo === 2 && device.doorCount === 2))
    throw validationError({ doorNo: '没有这扇门' })
  const restock = activeRestockSession(ctx, deviceCode, doorNo)
  if (restock?.state === 'open') return { device, restock, shop: undefined }
  const shop = activeShopSession(ctx, deviceCode, doorNo)
  if (shop?.state === 'open') return { device, restock: undefined, shop }
  throw cloudError('SESSION_STATE_CONFLICT', '柜门没有打开')
}

const ALARMED: Partial<Record<FaultKind, 'offline' | 'lock_fault' | 'camera_fault'>> = {
  offline: 'offline',
  lock_fault: 'lock_fault',
  camera_fault: 'camera_fault',
}

export function controlOps(ctx: Ctx) {
  return {
    /** Goods leave the cabinet through an open door (a shopper takes; a restocker removes). */
    take(deviceCode: string, doorNo: DoorNo, productId: string, qty = 1): void {
      if (!isPositiveInt(qty)) throw validationError({ qty: '数量须为正整数' })
      const { shop, restock } = door(ctx, deviceCode, doorNo)
      if (shop) takeInSession(ctx, shop, productId, qty)
      else if (restock) restockAdjust(ctx, restock, productId, -qty)
    },

    /** Goods go into the cabinet (a shopper puts back; a restocker loads). */
    putBack(deviceCode: string, doorNo: DoorNo, productId: string, qty = 1): void {
      if (!isPositiveInt(qty)) throw validationError({ qty: '数量须为正整数' })
      const { shop, restock } = door(ctx, deviceCode, doorNo)
      if (shop) putBackInSession(ctx, shop, productId, qty)
      else if (restock) restockAdjust(ctx, restock, productId, qty)
    },

    closeDoor(deviceCode: string, doorNo: DoorNo = 1): void {
      const { shop, restock } = door(ctx, deviceCode, doorNo)
      if (shop) closeShopSession(ctx, shop)
      else if (restock) closeRestockSession(ctx, restock)
    },

    injectFault(deviceCode: string, fault: FaultKind): void {
      const device = requireDevice(ctx, deviceCode)
      if (!FAULT_KINDS.includes(fault)) throw validationError({ fault: '未知故障' })
      device.faults.add(fault)
      const alarm = ALARMED[fault]
      if (alarm) raiseAlarm(ctx, deviceCode, alarm)
    },

    clearFault(deviceCode: string, fault?: FaultKind): void {
      const device = requireDevice(ctx, deviceCode)
      const cleared = fault ? [fault] : [...device.faults]
      for (const f of cleared) {
        device.faults.delete(f)
        const alarm = ALARMED[f]
        if (alarm) clearAlarms(ctx, deviceCode, alarm)
      }
    },

    faults(deviceCode: string): FaultKind[] {
      return [...requireDevice(ctx, deviceCode).faults]
    },

    setTemperature(deviceCode: string, temperatureC: number): void {
      const device = requireDevice(ctx, deviceCode)
      device.temperatureC = temperatureC
      if (temperatureC > ctx.settings.maxTemperatureC) raiseAlarm(ctx, deviceCode, 'temperature')
      else clearAlarms(ctx, deviceCode, 'temperature')
    },

    setServiceExpiry(deviceCode: string, expiresAt: number): void {
      requireDevice(ctx, deviceCode).serviceExpiresAt = expiresAt
    },

    setActivated(deviceCode: string, activated: boolean): void {
      requireDevice(ctx, deviceCode).activated = activated
    },

    setRecognitionQuota(deviceCode: string, quota: number | null): void {
      requireDevice(ctx, deviceCode).recognitionQuota = quota
    },

    /** The deposit asked at a cabinet for 押金开门 / 预授权 (0: none), as its merchant would set it. */
    setDeposit(deviceCode: string, depositFen: number): void {
      requireDevice(ctx, deviceCode).depositFen = depositFen
    },

    /** Every cabinet as the simulator page shows it: state, faults, goods and who has a door open. */
    devicesOverview(): {
      device: Device
      faults: FaultKind[]
      doors: Door[]
      goods: {
        productId: string
        name: string
        doorNo: DoorNo
        priceFen: number
        stock: number
        capacity: number
      }[]
      recognitionQuota: number | null
      activeSession: {
        id: string
        kind: 'shop' | 'restock'
        doorNo: DoorNo
        userId: string
        state: string
      } | null
    }[] {
      return [...ctx.world.devices.values()].map((d) => {
        const shop = activeShopSession(ctx, d.code)
        const restock = activeRestockSession(ctx, d.code)
        const active = shop
          ? {
              id: shop.id,
              kind: 'shop' as const,
              doorNo: shop.doorNo,
              userId: shop.userId,
              state: shop.state,
            }
          : restock
            ? {
                id: restock.id,
                kind: 'restock' as const,
                doorNo: restock.doorNo,
                userId: restock.userId,
                state: restock.state,
              }
            : null
        return {
          device: toDevice(ctx, d),
          faults: [...d.faults],
          doors: doorsOf(d),
          goods: d.goods.map((g) => ({
            productId: g.productId,
            name: g.name,
            doorNo: g.doorNo,
            priceFen: g.priceFen,
            stock: g.stock,
            capacity: g.capacity,
          })),
          recognitionQuota: d.recognitionQuota,
          activeSession: active,
        }
      })
    },

    setBlacklisted(userId: string, blacklisted: boolean): void {
      const user = ctx.world.users.get(userId)
      if (!user) throw cloudError('NOT_FOUND')
      user.blacklisted = blacklisted
    },
  }
}
