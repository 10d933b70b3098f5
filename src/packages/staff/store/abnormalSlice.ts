import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import { newId } from '@/api/ids'
import type { AbnormalOrder, Receipt, StaffGoods } from '@/api/types'
import { AppError } from '@/domain/errors'
import { countProblem } from '../domain/counts'
import type { LoadStatus, StaffState } from './types'

export interface AbnormalCase {
  order: AbnormalOrder | null
  /** The cabinet's goods, to add what the recognition missed. */
  catalog: StaffGoods[]
  /** Units actually taken, per product (starts as recognized). */
  qty: Record<string, number>
  status: LoadStatus
  resolving: boolean
  error: AppError | null
  result: Receipt | null
  /** The key of the last resolution sent and what it said: a retry of the same decision reuses it. */
  attempt: { key: string; body: string } | null
}

export interface AbnormalSlice {
  abnormal: { items: AbnormalOrder[]; nextCursor: string | null; status: LoadStatus; error: AppError | null }
  loadAbnormalOrders: (more?: boolean) => Promise<void>
  abnormalCase: AbnormalCase
  openAbnormalCase: (orderId: string) => Promise<void>
  setCaseQty: (productId: string, qty: number) => void
  /** `confirm` charges as recognized; `correct` charges the corrected lines. */
  resolveAbnormal: (action: 'confirm' | 'correct') => Promise<AppError | null>
}

const idleCase: AbnormalCase = {
  order: null,
  catalog: [],
  qty: {},
  status: 'idle',
  resolving: false,
  error: null,
  result: null,
  attempt: null,
}

export const createAbnormalSlice: StateCreator<StaffState, [], [], AbnormalSlice> = (set, get) => {
  const setCase = (patch: Partial<AbnormalCase>) =>
    set((s) => ({ abnormalCase: { ...s.abnormalCase, ...patch } }))

  return {
    abnormal: { items: [], nextCursor: null, status: 'idle', error: null },

    loadAbnormalOrders: async (more = false) => {
      const cursor = more ? get().abnormal.nextCursor : null
      if (more && !cursor) return
      set((s) => ({ abnormal: { ...s.abnormal, status: 'loading', error: null } }))
      const result = await callApi('listAbnormalOrders', {
        query: { cursor: cursor ?? undefined, limit: 20 },
      })
      if (!result.ok) {
        set((s) => ({ abnormal: { ...s.abnormal, status: 'error', error: result.error } }))
        return
      }
      set((s) => ({
        abnormal: {
          items: cursor ? [...s.abnormal.items, ...result.data.items] : result.data.items,
          nextCursor: result.data.nextCursor,
          status: 'ready',
          error: null,
        },
      }))
    },

    abnormalCase: idleCase,

    openAbnormalCase: async (orderId) => {
      set({ abnormalCase: { ...idleCase, status: 'loading' } })
      let order = get().abnormal.items.find((o) => o.orderId === orderId)
      if (!order) {
        await get().loadAbnormalOrders()
        order = get().abnormal.items.find((o) => o.orderId === orderId)
      }
      if (!order) {
        setCase({ status: 'error', error: get().abnormal.error ?? new AppError('ORDER_NOT_FOUND') })
        return
      }
      const qty = Object.fromEntries(order.lines.map((l) => [l.productId, l.qty]))
      setCase({ order, qty })
      const detail = await get().loadDevice(order.deviceCode)
      setCase({ catalog: detail?.goods ?? [], status: 'ready' })
    },

    setCaseQty: (productId, qty) =>
      set((s) => ({
        abnormalCase: { ...s.abnormalCase, qty: { ...s.abnormalCase.qty, [productId]: qty }, error: null },
      })),

    resolveAbnormal: async (action) => {
      const c = get().abnormalCase
      if (!c.order || c.resolving || c.result) return null
      const lines = Object.entries(c.qty)
        .filter(([, qty]) => qty !== 0)
        .map(([productId, qty]) => ({ productId, qty }))
      if (action === 'correct') {
        const bad = Object.values(c.qty)
          .map((q) => countProblem(q, null))
          .find((p) => p !== null)
        if (bad) return new AppError(bad)
      }
      const body = action === 'confirm' ? { action } : { action, lines }
      const text = JSON.stringify(body)
      const key = c.attempt?.body === text ? c.attempt.key : newId('resolve-')
      setCase({ resolving: true, error: null, attempt: { key, body: text } })
      const result = await callApi('resolveAbnormalOrder', {
        path: { orderId: c.order.orderId },
        body,
        idempotencyKey: key,
      })
      if (!result.ok) {
        setCase({ resolving: false, error: result.error })
        return result.error
      }
      const orderId = c.order.orderId
      setCase({ resolving: false, result: result.data })
      set((s) => ({
        abnormal: {
          ...s.abnormal,
          items: s.abnormal.items.map((o) => (o.orderId === orderId ? { ...o, state: 'resolved' } : o)),
        },
      }))
      return null
    },
  }
}
