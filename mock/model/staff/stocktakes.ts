// Stocktakes: staff count each product; a difference needs a reason; the count becomes the system stock.
import { activeRestockSession, activeShopSession, refreshStockAlarms } from '../access'
import { cloudError, validationError } from '../errors'
import { nextId, type Ctx } from '../state'
import { toIso } from '../time'
import type { Page, Stocktake, StocktakeLine, StocktakeReason } from '../types'
import { isNonNegativeInt, paginate } from '../util'
import { requireStaffDevice } from './access'

const STOCKTAKE_REASONS: StocktakeReason[] = ['damaged', 'expired', 'lost', 'other']

/** A count of one product on its shelf (a stocktake, a restock's result): whole, from 0 to the capacity. */
export function checkShelfCount(value: unknown, capacity: number, field: string): asserts value is number {
  if (!isNonNegativeInt(value)) throw validationError({ [field]: '数量须为非负整数' }, 'COUNT_INVALID')
  if (value > capacity) throw validationError({ [field]: `超过容量${capacity}` }, 'COUNT_ABOVE_CAPACITY')
}

/** Why a count differs from what the system expected: one of the stocktake reasons. */
export function checkReason(value: unknown, field: string): asserts value is StocktakeReason {
  if (!STOCKTAKE_REASONS.includes(value as StocktakeReason)) throw validationError({ [field]: '原因无效' })
}

export function stocktakeOps(ctx: Ctx) {
  return {
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
        checkShelfCount(line.counted, product.capacity, `lines.${i}.counted`)
        const diff = line.counted - product.stock
        if (line.reason !== undefined) checkReason(line.reason, `lines.${i}.reason`)
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
  }
}
