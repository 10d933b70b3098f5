// The cabinet landing: everything the cabinet page needs in one answer, including the caller's gate.
import {
  activeBindings,
  bindingFor,
  doorsOf,
  imageUrl,
  requireDevice,
  stockStateOf,
  toDevice,
} from './access'
import { computeGate } from './gate'
import { isPromotionActive, startsLaterToday, toContractPromotion, unitPriceAt } from './pricing'
import type { Ctx } from './state'
import type { CabinetLanding, Goods, StaffAction } from './types'

export function cabinetOps(ctx: Ctx) {
  return {
    getCabinetLanding(caller: string | null, deviceCode: string): CabinetLanding {
      const device = requireDevice(ctx, deviceCode)
      const user = caller === null ? null : (ctx.world.users.get(caller) ?? null)
      const now = ctx.clock.now()
      const active = device.promotions.filter((p) => isPromotionActive(p, now))
      const goods: Goods[] = [...device.goods]
        .sort((a, b) => a.doorNo - b.doorNo)
        .map((g) => {
          const { paidUnitPriceFen } = unitPriceAt(g, active, now)
          return {
            productId: g.productId,
            name: g.name,
            imageUrl: g.imageUrl || imageUrl(ctx, g.productId),
            doorNo: g.doorNo,
            priceFen: g.priceFen,
            promoPriceFen: paidUnitPriceFen < g.priceFen ? paidUnitPriceFen : null,
            stock: g.stock,
            stockState: stockStateOf(ctx, g.stock),
            // Device-wide promotions (满减, whole-device time slots) apply to every product.
            promotionIds: active
              .filter(
                (p) =>
                  p.kind === 'full_reduction' || p.productIds === null || p.productIds.includes(g.productId),
              )
              .map((p) => p.id),
          }
        })
      const merchant = ctx.world.merchants.get(device.merchantId)
      const isStaff = user !== null && activeBindings(ctx, user.id).some((b) => b.deviceCode === device.code)
      const staffActions: StaffAction[] = isStaff ? ['shop', 'restock', 'stocktake'] : []
      const landing: CabinetLanding = {
        device: toDevice(ctx, device, user?.id ?? null),
        doors: doorsOf(device),
        goods,
        promotions: device.promotions
          .filter((p) => isPromotionActive(p, now) || startsLaterToday(p, now))
          .map((p) => toContractPromotion(p, now)),
        merchant: {
          id: device.merchantId,
          name: merchant?.name ?? '',
          servicePhone: merchant?.servicePhone ?? '',
        },
        gate: computeGate(ctx, user, device),
        staffActions,
      }
      // A restocker who scans a cabinet they may not restock is told why (the manual's 补货员扫码补货无法开门).
      if (user !== null && !isStaff) {
        if (bindingFor(ctx, user.id, device.code)?.state === 'removed') landing.staffNotice = 'STAFF_REMOVED'
        else if (activeBindings(ctx, user.id).length > 0) landing.staffNotice = 'STAFF_NOT_BOUND'
      }
      return landing
    },
  }
}
