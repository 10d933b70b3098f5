import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { OrderStatusFilter, OrderSummary } from '@/api/types'
import type { AppError } from '@/domain/errors'
import type { LoadStatus, OrdersState } from './types'

/** Orders per request: a thousand-order history is twenty requests when scrolled to its end. */
export const ORDERS_PAGE_SIZE = 50

export interface OrderList {
  items: OrderSummary[]
  nextCursor: string | null
  status: LoadStatus
  /** A next page is on its way. */
  loadingMore: boolean
  /** Every order of this tab is loaded. */
  complete: boolean
  /** Something changed (a payment, a complaint): reload when the tab is shown again. */
  stale: boolean
  error: AppError | null
}

export interface OrderListSlice {
  tab: OrderStatusFilter
  lists: Record<OrderStatusFilter, OrderList>
  /** The shopper's unpaid orders (all of them), for the banner above the tabs. */
  unpaid: { items: OrderSummary[]; status: LoadStatus }
  /** Show a tab; loads it the first time and after a change. */
  selectTab: (tab: OrderStatusFilter) => Promise<void>
  /** Pull to refresh: the first page of the tab shown, and the unpaid orders. */
  refreshOrders: () => Promise<void>
  /** Infinite scroll: the next page by cursor; one request at a time. */
  loadMoreOrders: () => Promise<void>
  loadUnpaid: () => Promise<void>
  /** After a payment or a complaint: every list is reloaded when next seen. */
  invalidateOrders: () => void
}

const emptyList = (): OrderList => ({
  items: [],
  nextCursor: null,
  status: 'idle',
  loadingMore: false,
  complete: false,
  stale: false,
  error: null,
})

const TABS: OrderStatusFilter[] = ['all', 'unpaid', 'done', 'refund_or_complaint']

export const createOrderListSlice: StateCreator<OrdersState, [], [], OrderListSlice> = (set, get) => {
  // A refresh makes every answer of an earlier generation of the same tab irrelevant.
  const generation: Record<OrderStatusFilter, number> = { all: 0, unpaid: 0, done: 0, refund_or_complaint: 0 }

  const patch = (tab: OrderStatusFilter, change: Partial<OrderList>) =>
    set((s) => ({ lists: { ...s.lists, [tab]: { ...s.lists[tab], ...change } } }))

  const loadFirstPage = async (tab: OrderStatusFilter) => {
    const gen = ++generation[tab]
    patch(tab, { status: get().lists[tab].items.length > 0 ? 'ready' : 'loading', error: null })
    const result = await callApi('listOrders', { query: { status: tab, limit: ORDERS_PAGE_SIZE } })
    if (gen !== generation[tab]) return
    if (!result.ok) {
      patch(tab, { status: 'error', error: result.error })
      return
    }
    patch(tab, {
      items: result.data.items,
      nextCursor: result.data.nextCursor,
      complete: result.data.nextCursor === null,
      status: 'ready',
      stale: false,
      loadingMore: false,
    })
  }

  return {
    tab: 'all',
    lists: { all: emptyList(), unpaid: emptyList(), done: emptyList(), refund_or_complaint: emptyList() },
    unpaid: { items: [], status: 'idle' },

    selectTab: async (tab) => {
      set({ tab })
      const list = get().lists[tab]
      if (list.status === 'idle' || list.status === 'error' || list.stale) await loadFirstPage(tab)
    },

    refreshOrders: async () => {
      await Promise.all([loadFirstPage(get().tab), get().loadUnpaid()])
    },

    loadMoreOrders: async () => {
      const tab = get().tab
      const list = get().lists[tab]
      if (list.status !== 'ready' || list.loadingMore || list.complete || !list.nextCursor) return
      const gen = generation[tab]
      patch(tab, { loadingMore: true, error: null })
      const result = await callApi('listOrders', {
        query: { status: tab, cursor: list.nextCursor, limit: ORDERS_PAGE_SIZE },
      })
      if (gen !== generation[tab]) return
      if (!result.ok) {
        // The loaded orders stay; the footer offers the retry.
        patch(tab, { loadingMore: false, error: result.error })
        return
      }
      const known = new Set(get().lists[tab].items.map((o) => o.id))
      patch(tab, {
        items: [...get().lists[tab].items, ...result.data.items.filter((o) => !known.has(o.id))],
        nextCursor: result.data.nextCursor,
        complete: result.data.nextCursor === null,
        loadingMore: false,
      })
    },

    loadUnpaid: async () => {
      set((s) => ({ unpaid: { ...s.unpaid, status: 'loading' } }))
      const result = await callApi('listUnpaidOrders', {})
      set((s) => ({
        unpaid: result.ok ? { items: result.data.items, status: 'ready' } : { ...s.unpaid, status: 'error' },
      }))
    },

    invalidateOrders: () => {
      set((s) => ({
        lists: Object.fromEntries(TABS.map((t) => [t, { ...s.lists[t], stale: true }])) as Record<
          OrderStatusFilter,
          OrderList
        >,
      }))
    },
  }
}
