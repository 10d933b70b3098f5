import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import { backoffPause, worthRetrying } from '@/api/retry'
import type {
  ConfirmRestockSessionRequest,
  CreateStocktakeRequest,
  RestockSession,
  Stocktake,
} from '@/api/types'
import type { AppError, ErrorCode } from '@/domain/errors'
import type { StaffPorts, StaffState } from './types'

/**
 * Work a restocker confirmed that must reach the cloud exactly once, whatever the network does: kept on
 * the phone (persisted with the store) with the Idempotency-Key it was given when the restocker confirmed,
 * sent in order when the network allows, retried with the same key until the cloud answers for certain.
 */
export type OutboxItem = {
  /** The Idempotency-Key: the cloud applies one key once, so a resend after a lost answer is harmless. */
  key: string
  deviceCode: string
  createdAt: number
  attempts: number
  /**
   * pending: waiting for the network; waiting: the cloud said "not yet" (the door is still open, a shopper
   * is inside) and it is tried again; refused: the cloud said no for good, the restocker has to fix it.
   */
  state: 'pending' | 'waiting' | 'refused'
  lastError: ErrorCode | null
} & (
  | { kind: 'restockConfirm'; sessionId: string; body: ConfirmRestockSessionRequest }
  | { kind: 'stocktake'; sessionId: null; body: CreateStocktakeRequest }
)

export type NewOutboxItem = Omit<OutboxItem, 'createdAt' | 'attempts' | 'state' | 'lastError'>

export interface SyncSlice {
  outbox: OutboxItem[]
  sync: { online: boolean; flushing: boolean; lastSyncedAt: number | null }
  /** Keep an item and try to send it now. */
  enqueue: (item: NewOutboxItem) => void
  /** Send what is waiting, oldest first; concurrent calls share one run. */
  flush: () => Promise<void>
  dropOutboxItem: (key: string) => void
  /** Watch the network and send the kept work on start and whenever the network returns. */
  startSync: () => () => void
}

type Verdict = 'done' | 'retry' | 'wait' | 'refused'

/** What a failed answer means for an item: try again later, wait for the cabinet, or stop and ask. */
export function verdictOf(kind: OutboxItem['kind'], error: AppError): Verdict {
  // Kept work carries its key and no one waits on it: it is tried again after any answer not about it.
  if (worthRetrying(error, 'kept')) return 'retry'
  const { code } = error
  if (kind === 'restockConfirm') {
    // The cloud already has this session's confirmation (sent before the answer got lost, or elsewhere).
    if (code === 'RESTOCK_ALREADY_CONFIRMED') return 'done'
    // Confirmed offline before the cloud saw the door close: it goes through once the door is shut.
    if (code === 'SESSION_STATE_CONFLICT') return 'wait'
  }
  if (kind === 'stocktake' && (code === 'DEVICE_IN_USE' || code === 'STAFF_SESSION_OPEN')) return 'wait'
  return 'refused'
}

/** The pause before the next run after an item's n-th failure in a row; the last step repeats. */
const RETRY_MS = [1_000, 2_000, 3_000, 5_000]

export function createSyncSlice(ports: StaffPorts): StateCreator<StaffState, [], [], SyncSlice> {
  return (set, get) => {
    let inFlight: Promise<void> | null = null
    let rerun = false
    let retryTimer: ReturnType<typeof setTimeout> | undefined

    const patch = (key: string, change: Partial<OutboxItem>) =>
      set((s) => ({
        outbox: s.outbox.map((i) => (i.key === key ? ({ ...i, ...change } as OutboxItem) : i)),
      }))
    const remove = (key: string) => set((s) => ({ outbox: s.outbox.filter((i) => i.key !== key) }))

    const send = (item: OutboxItem) =>
      item.kind === 'restockConfirm'
        ? callApi('confirmRestockSession', {
            path: { sessionId: item.sessionId },
            body: item.body,
            idempotencyKey: item.key,
          })
        : callApi('createStocktake', {
            path: { deviceCode: item.deviceCode },
            body: item.body,
            idempotencyKey: item.key,
          })

    const settled = (item: OutboxItem, data: RestockSession | Stocktake | null) => {
      remove(item.key)
      set((s) => ({ sync: { ...s.sync, lastSyncedAt: Date.now() } }))
      if (item.kind === 'restockConfirm')
        void get().restockConfirmed(item.sessionId, data as RestockSession | null)
      else if (data) get().stocktakeSubmitted(item.deviceCode, data as Stocktake)
    }

    const scheduleRetry = () => {
      clearTimeout(retryTimer)
      const due = get().outbox.filter((i) => i.state !== 'refused')
      if (due.length === 0) return
      const attempts = Math.max(...due.map((i) => i.attempts))
      retryTimer = setTimeout(() => void get().flush(), backoffPause(attempts, RETRY_MS))
    }

    const run = async () => {
      set((s) => ({ sync: { ...s.sync, flushing: true } }))
      try {
        for (const queued of get().outbox) {
          // Re-read: an item may have been dropped or refused while an earlier one was on its way.
          const item = get().outbox.find((i) => i.key === queued.key)
          if (!item || item.state === 'refused') continue
          const result = await send(item)
          if (result.ok) {
            settled(item, result.data)
            continue
          }
          const verdict = verdictOf(item.kind, result.error)
          if (verdict === 'done') {
            settled(item, null)
            continue
          }
          patch(item.key, {
            attempts: item.attempts + 1,
            lastError: result.error.code,
            state: verdict === 'retry' ? 'pending' : verdict === 'wait' ? 'waiting' : 'refused',
          })
          // No network: the next items would fail the same way; keep their order for the next run.
          if (verdict === 'retry') break
        }
      } finally {
        set((s) => ({ sync: { ...s.sync, flushing: false } }))
        inFlight = null
        // Work kept while this run was on its way is sent now rather than at the next retry.
        if (rerun) {
          rerun = false
          void get().flush()
        } else scheduleRetry()
      }
    }

    return {
      outbox: [],
      sync: { online: true, flushing: false, lastSyncedAt: null },

      enqueue: (item) => {
        const full = {
          ...item,
          createdAt: Date.now(),
          attempts: 0,
          state: 'pending',
          lastError: null,
        } as OutboxItem
        // One piece of work per key: a second tap on 确认 while the first is kept changes nothing.
        set((s) => (s.outbox.some((i) => i.key === item.key) ? s : { outbox: [...s.outbox, full] }))
        void get().flush()
      },

      flush: () => {
        clearTimeout(retryTimer)
        if (inFlight) {
          rerun = true
          return inFlight
        }
        // Started on the next tick, so `inFlight` is set before the run can end (and clear it).
        inFlight = Promise.resolve().then(run)
        return inFlight
      },

      dropOutboxItem: (key) => remove(key),

      startSync: () => {
        const stop = ports.onNetworkChange((online) => {
          set((s) => ({ sync: { ...s.sync, online } }))
          if (online) void get().flush()
        })
        void get().flush()
        return () => {
          stop()
          clearTimeout(retryTimer)
        }
      },
    }
  }
}
