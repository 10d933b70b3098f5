import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import { newId } from '@/api/ids'
import type { StaffGoods, StockAdjustReason, Stocktake } from '@/api/types'
import { AppError } from '@/domain/errors'
import { stocktakeBody, stocktakeRows } from '../domain/stocktake'
import type { LoadStatus, StaffState } from './types'

export interface StocktakeState {
  deviceCode: string | null
  /** The goods with system stock as last read, kept so a stocktake can go on without a network. */
  goods: StaffGoods[]
  counts: Record<string, number>
  reasons: Record<string, StockAdjustReason>
  status: LoadStatus
  error: AppError | null
  lastResult: Stocktake | null
}

export interface StocktakeSlice {
  stocktake: StocktakeState
  stocktakeHistory: {
    deviceCode: string | null
    items: Stocktake[]
    status: LoadStatus
    error: AppError | null
  }
  prepareStocktake: (deviceCode: string) => Promise<void>
  setStocktakeCount: (productId: string, count: number) => void
  setStocktakeReason: (productId: string, reason: StockAdjustReason) => void
  /** Take the cabinet's own reading for every product (or one), dropping counts entered so far. */
  acceptReadings: (productId?: string) => void
  submitStocktake: () => AppError | null
  stocktakeSubmitted: (deviceCode: string, stocktake: Stocktake) => void
  loadStocktakeHistory: (deviceCode: string) => Promise<void>
  startNewStocktake: () => void
}

const idleStocktake: StocktakeState = {
  deviceCode: null,
  goods: [],
  counts: {},
  reasons: {},
  status: 'idle',
  error: null,
  lastResult: null,
}

export function persistedStocktake(s: StocktakeState): Partial<StocktakeState> {
  return { deviceCode: s.deviceCode, goods: s.goods, counts: s.counts, reasons: s.reasons }
}

export const createStocktakeSlice: StateCreator<StaffState, [], [], StocktakeSlice> = (set, get) => {
  const setStocktake = (patch: Partial<StocktakeState>) =>
    set((s) => ({ stocktake: { ...s.stocktake, ...patch } }))
  const pendingFor = (deviceCode: string) =>
    get().outbox.some((i) => i.kind === 'stocktake' && i.deviceCode === deviceCode && i.state !== 'refused')

  return {
    stocktake: idleStocktake,
    stocktakeHistory: { deviceCode: null, items: [], status: 'idle', error: null },

    prepareStocktake: async (deviceCode) => {
      const kept = get().stocktake
      // Counts kept for this cabinet (entered offline, or before a restart) are not thrown away.
      if (kept.deviceCode !== deviceCode) set({ stocktake: { ...idleStocktake, deviceCode } })
      setStocktake({ status: 'loading', error: null })
      const detail = await get().loadDevice(deviceCode)
      if (get().stocktake.deviceCode !== deviceCode) return
      if (detail) {
        // While a stocktake waits to be sent the system stock it was counted against stays on screen.
        if (pendingFor(deviceCode)) setStocktake({ status: 'ready' })
        else setStocktake({ goods: detail.goods, status: 'ready' })
      } else {
        const error = get().device.error
        setStocktake({ status: get().stocktake.goods.length > 0 ? 'ready' : 'error', error })
      }
    },

    setStocktakeCount: (productId, count) =>
      set((s) => ({ stocktake: { ...s.stocktake, counts: { ...s.stocktake.counts, [productId]: count } } })),

    setStocktakeReason: (productId, reason) =>
      set((s) => ({
        stocktake: { ...s.stocktake, reasons: { ...s.stocktake.reasons, [productId]: reason } },
      })),

    acceptReadings: (productId) =>
      set((s) => {
        if (productId === undefined) return { stocktake: { ...s.stocktake, counts: {}, reasons: {} } }
        const { [productId]: _c, ...counts } = s.stocktake.counts
        const { [productId]: _r, ...reasons } = s.stocktake.reasons
        return { stocktake: { ...s.stocktake, counts, reasons } }
      }),

    submitStocktake: () => {
      const st = get().stocktake
      if (!st.deviceCode || st.goods.length === 0) return new AppError('NOT_FOUND')
      const kept = get().outbox.find((i) => i.kind === 'stocktake' && i.deviceCode === st.deviceCode)
      if (kept && kept.state !== 'refused') return null
      const rows = stocktakeRows(st.goods, st.counts, st.reasons)
      const problem = rows.find((r) => r.problem !== null)
      if (problem?.problem) return new AppError(problem.problem, { detail: problem.productId })
      if (kept) get().dropOutboxItem(kept.key)
      get().enqueue({
        kind: 'stocktake',
        key: newId('stocktake-'),
        deviceCode: st.deviceCode,
        sessionId: null,
        body: { lines: stocktakeBody(rows) },
      })
      return null
    },

    stocktakeSubmitted: (deviceCode, stocktake) => {
      set((s) => ({
        stocktakeHistory:
          s.stocktakeHistory.deviceCode === deviceCode
            ? { ...s.stocktakeHistory, items: [stocktake, ...s.stocktakeHistory.items] }
            : s.stocktakeHistory,
      }))
      if (get().stocktake.deviceCode === deviceCode) {
        setStocktake({ counts: {}, reasons: {}, lastResult: stocktake })
        void get()
          .loadDevice(deviceCode)
          .then(
            (detail) =>
              detail && get().stocktake.deviceCode === deviceCode && setStocktake({ goods: detail.goods }),
          )
      }
    },

    loadStocktakeHistory: async (deviceCode) => {
      set((s) => ({
        stocktakeHistory: {
          deviceCode,
          items: s.stocktakeHistory.deviceCode === deviceCode ? s.stocktakeHistory.items : [],
          status: 'loading',
          error: null,
        },
      }))
      const result = await callApi('listStocktakes', { path: { deviceCode }, query: { limit: 20 } })
      if (get().stocktakeHistory.deviceCode !== deviceCode) return
      if (result.ok)
        set({ stocktakeHistory: { deviceCode, items: result.data.items, status: 'ready', error: null } })
      else set((s) => ({ stocktakeHistory: { ...s.stocktakeHistory, status: 'error', error: result.error } }))
    },

    startNewStocktake: () => setStocktake({ lastResult: null }),
  }
}
