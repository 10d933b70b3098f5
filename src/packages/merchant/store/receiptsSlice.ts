import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { MerchantOrderSummary, ReceiptReport } from '@/api/types'
import { AppError } from '@/domain/errors'
import { checkCustomRange, presetRange, type DateRange, type RangePreset } from '../domain/dateRange'
import { fetchInto, fetchPageInto, idle, type Load, type Paged } from './load'
import type { MerchantState } from './types'

export type ReceiptGrouping = 'day' | 'device'

/** Which orders the drill-down shows: the orders of one day, or of one cabinet. */
export type OrderFilter = { date: string } | { deviceCode: string }

const ORDERS_PAGE = 20

export interface ReceiptsSlice {
  receipts: {
    range: DateRange | null
    groupBy: ReceiptGrouping
    report: Load<ReceiptReport>
    /** A custom range the merchant picked that cannot be asked for, with the reason. */
    rangeError: AppError | null
  }
  selectRangePreset: (preset: Exclude<RangePreset, 'custom'>) => Promise<void>
  selectCustomRange: (from: string, to: string) => Promise<void>
  setReceiptGrouping: (groupBy: ReceiptGrouping) => Promise<void>
  loadReceipts: () => Promise<void>

  merchantOrders: Paged<MerchantOrderSummary> & { filter: OrderFilter | null }
  openMerchantOrders: (filter: OrderFilter) => Promise<void>
  loadMoreMerchantOrders: () => Promise<void>
}

const sameFilter = (a: OrderFilter | null, b: OrderFilter | null) => JSON.stringify(a) === JSON.stringify(b)

export const createReceiptsSlice: StateCreator<MerchantState, [], [], ReceiptsSlice> = (set, get) => {
  const patchReceipts = (patch: Partial<ReceiptsSlice['receipts']>) =>
    set((s) => ({ receipts: { ...s.receipts, ...patch } }))
  const patchOrders = (patch: Partial<ReceiptsSlice['merchantOrders']>) =>
    set((s) => ({ merchantOrders: { ...s.merchantOrders, ...patch } }))

  const fetchOrdersPage = (filter: OrderFilter, cursor: string | null) =>
    fetchPageInto(
      () => get().merchantOrders,
      (page) => patchOrders(page),
      () =>
        callApi('listMerchantOrders', {
          query: { ...filter, cursor: cursor ?? undefined, limit: ORDERS_PAGE },
        }),
      cursor,
      () => sameFilter(get().merchantOrders.filter, filter),
    )

  /** Without the cloud's day nothing can be asked: the reason is why the cloud could not be reached. */
  const withToday = async (): Promise<string | null> => {
    const today = await get().ensureToday()
    if (today === null) {
      const error = get().statistics.byRange.today.error ?? new AppError('NETWORK')
      patchReceipts({ report: { ...get().receipts.report, status: 'error', error } })
    }
    return today
  }

  return {
    receipts: { range: null, groupBy: 'day', report: idle(), rangeError: null },

    selectRangePreset: async (preset) => {
      const today = await withToday()
      if (today === null) return
      patchReceipts({ range: presetRange(preset, today), rangeError: null })
      await get().loadReceipts()
    },

    selectCustomRange: async (from, to) => {
      const today = await withToday()
      if (today === null) return
      const check = checkCustomRange(from, to, today)
      if (!check.ok) {
        patchReceipts({ rangeError: new AppError('DATE_RANGE_INVALID', { hint: check.reason }) })
        return
      }
      patchReceipts({ range: check.range, rangeError: null })
      await get().loadReceipts()
    },

    setReceiptGrouping: async (groupBy) => {
      patchReceipts({ groupBy })
      await get().loadReceipts()
    },

    loadReceipts: async () => {
      const { range, groupBy } = get().receipts
      if (!range) return
      const asked = { from: range.from, to: range.to, groupBy }
      await fetchInto(
        () => get().receipts.report,
        (report) => patchReceipts({ report }),
        () => callApi('listReceipts', { query: asked }),
        () => {
          const now = get().receipts
          return now.range?.from === asked.from && now.range.to === asked.to && now.groupBy === asked.groupBy
        },
      )
    },

    merchantOrders: { filter: null, list: idle(), nextCursor: null },

    openMerchantOrders: async (filter) => {
      patchOrders({ filter, list: idle(), nextCursor: null })
      await fetchOrdersPage(filter, null)
    },

    loadMoreMerchantOrders: async () => {
      const { filter, nextCursor, list } = get().merchantOrders
      if (!filter || !nextCursor || list.status === 'loading') return
      await fetchOrdersPage(filter, nextCursor)
    },
  }
}
