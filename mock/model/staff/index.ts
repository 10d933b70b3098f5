// Restockers and ops (补货员 / 运维): their devices, alarms, restock sessions (free or by 补货单),
// stocktakes, abnormal orders and device commands, one module each. Every call needs a staff role; device
// calls need a binding to that device, and a removed binding says so.
import type { Ctx } from '../state'
import { abnormalOrderOps } from './abnormalOrders'
import { alarmOps } from './alarms'
import { deviceOps } from './devices'
import { locationOps } from './location'
import { restockOps } from './restock'
import { stocktakeOps } from './stocktakes'

export function staffOps(ctx: Ctx) {
  return {
    ...deviceOps(ctx),
    ...locationOps(ctx),
    ...alarmOps(ctx),
    ...restockOps(ctx),
    ...stocktakeOps(ctx),
    ...abnormalOrderOps(ctx),
  }
}

export { parseCorrectedLines } from './abnormalOrders'
export { expiryWarningOf } from './devices'
export { closeRestockSession, restockAdjust, toRestockSession } from './restock'
