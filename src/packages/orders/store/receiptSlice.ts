import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { Complaint, Goods, Receipt } from '@/api/types'
import type { AppError } from '@/domain/errors'
import type { OrdersPorts } from './ports'
import type { LoadStatus, OrdersState } from './types'

export interface Loaded<T> {
  value: T | null
  status: LoadStatus
  error: AppError | null
}

export interface ReceiptSlice {
  /** Receipts by order id. */
  receipts: Record<string, Loaded<Receipt>>
  /** Complaints by id, with the merchant's reply, the corrected order and the refund. */
  complaints: Record<string, Loaded<Complaint>>
  payingOrderId: string | null
  /**
   * A cabinet's goods by device code: what "识别成了别的商品" offers as the product actually taken, and
   * the names a complaint's items are shown with.
   */
  cabinetGoods: Record<string, Goods[]>
  loadCabinetGoods: (deviceCode: string) => Promise<void>
  /** How far the cloud's clock is ahead of the phone's, as last seen on a receipt's answer. */
  cloudClockOffsetMs: number
  /**
   * Now by the cloud's clock: the complaint window is the cloud's rule, and a phone's clock may be days
   * off (a traveller, a wrong setting), so the app judges the window by the cloud's time.
   */
  cloudNow: () => number
  /** A receipt, then its complaint (whose reply the receipt does not carry). */
  loadReceipt: (orderId: string) => Promise<void>
  loadComplaint: (complaintId: string) => Promise<void>
  /**
   * Pays an unpaid order through the main store's payment (the cloud confirms it), then shows the paid
   * receipt and lists. A tap while a payment is under way changes nothing.
   */
  payOrder: (orderId: string) => Promise<{ paid: boolean; error: AppError | null }>
}

function loaded<T>(previous: Loaded<T> | undefined, change: Partial<Loaded<T>>): Loaded<T> {
  return { value: null, status: 'idle', error: null, ...previous, ...change }
}

export const createReceiptSlice =
  (ports: OrdersPorts): StateCreator<OrdersState, [], [], ReceiptSlice> =>
  (set, get) => ({
    receipts: {},
    complaints: {},
    payingOrderId: null,
    cabinetGoods: {},

    loadCabinetGoods: async (deviceCode) => {
      if (get().cabinetGoods[deviceCode]) return
      const landing = await callApi('getCabinetLanding', { path: { deviceCode } })
      if (landing.ok) set((s) => ({ cabinetGoods: { ...s.cabinetGoods, [deviceCode]: landing.data.goods } }))
    },
    cloudClockOffsetMs: 0,
    cloudNow: () => ports.now() + get().cloudClockOffsetMs,

    loadReceipt: async (orderId) => {
      set((s) => ({
        receipts: {
          ...s.receipts,
          // A receipt already shown stays on screen while it is read again.
          [orderId]: loaded(s.receipts[orderId], {
            status: s.receipts[orderId]?.value ? 'ready' : 'loading',
            error: null,
          }),
        },
      }))
      const result = await callApi('getOrder', { path: { orderId } })
      if (result.ok && result.serverTime !== undefined)
        set({ cloudClockOffsetMs: result.serverTime - ports.now() })
      set((s) => ({
        receipts: {
          ...s.receipts,
          [orderId]: result.ok
            ? loaded(s.receipts[orderId], { value: result.data, status: 'ready', error: null })
            : loaded(s.receipts[orderId], { status: 'error', error: result.error }),
        },
      }))
      const complaintId = result.ok ? result.data.complaint?.id : undefined
      if (complaintId) await get().loadComplaint(complaintId)
    },

    loadComplaint: async (complaintId) => {
      set((s) => ({
        complaints: {
          ...s.complaints,
          [complaintId]: loaded(s.complaints[complaintId], {
            status: s.complaints[complaintId]?.value ? 'ready' : 'loading',
            error: null,
          }),
        },
      }))
      const result = await callApi('getComplaint', { path: { complaintId } })
      set((s) => ({
        complaints: {
          ...s.complaints,
          [complaintId]: result.ok
            ? loaded(s.complaints[complaintId], { value: result.data, status: 'ready', error: null })
            : loaded(s.complaints[complaintId], { status: 'error', error: result.error }),
        },
      }))
    },

    payOrder: async (orderId) => {
      if (get().payingOrderId) return { paid: false, error: null }
      set({ payingOrderId: orderId })
      try {
        const { ok, error } = await ports.payOrder(orderId)
        if (!ok) return { paid: false, error }
        get().invalidateOrders()
        await Promise.all([get().loadReceipt(orderId), get().loadUnpaid()])
        return { paid: true, error: null }
      } finally {
        set({ payingOrderId: null })
      }
    },
  })
