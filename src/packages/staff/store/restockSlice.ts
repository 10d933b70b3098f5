import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import { newId } from '@/api/ids'
import { openUntilAnswered } from '@/api/retry'
import type { StreamStatus } from '@/api/stream'
import type {
  DoorNo,
  RestockOrder,
  RestockSession,
  RestockSessionEvent,
  StaffDeviceDetail,
  StockAdjustReason,
} from '@/api/types'
import { AppError, isTransient } from '@/domain/errors'
import { applyEvents, applySnapshot, startLog, type SessionLog } from '@/domain/sessionLog'
import { createSessionFollower } from '@/stores/sessionFollower'
import { confirmLines, firstProblem, summaryLines } from '../domain/restockSummary'
import type { LoadStatus, StaffPorts, StaffState } from './types'

export type RestockLog = SessionLog<RestockSession, RestockSessionEvent>

export interface RestockState {
  deviceCode: string | null
  deviceName: string
  doorNo: DoorNo
  restockOrderId: string | null
  /** The open attempt; every retry reuses it, so the cloud opens the door at most once. */
  intentId: string | null
  requesting: boolean
  log: RestockLog | null
  /** Shelf capacity per product, kept with the restock so counts can be checked offline too. */
  capacities: Record<string, number>
  /** The restocker's own counts (the final number on the shelf), per product. */
  counts: Record<string, number>
  reasons: Record<string, StockAdjustReason>
  /** The cloud cannot be reached: the restocker says the door is shut and counts meanwhile. */
  closedByUser: boolean
  /** The last attempt to reach the cloud failed for want of a network. */
  unreachable: boolean
  error: AppError | null
  streamStatus: StreamStatus
  /** The confirmed session, once the cloud has it. */
  result: RestockSession | null
}

export interface RestockSlice {
  restock: RestockState
  restockOrders: {
    deviceCode: string | null
    items: RestockOrder[]
    status: LoadStatus
    error: AppError | null
  }
  /**
   * The restock screen for a device: its goods (capacities, doors) and open 补货单; resumes a kept restock,
   * or the session the cloud named (`sessionId`, after a restart or a reinstall that kept nothing).
   */
  prepareRestock: (deviceCode: string, sessionId?: string | null) => Promise<void>
  openRestock: (options: { doorNo: DoorNo; restockOrderId: string | null }) => Promise<void>
  setRestockCount: (productId: string, count: number) => void
  setRestockReason: (productId: string, reason: StockAdjustReason) => void
  declareDoorClosed: () => void
  /** Checks the counts, then keeps the confirmation to send (at once, or when the network returns). */
  confirmRestock: () => AppError | null
  restockConfirmed: (sessionId: string, session: RestockSession | null) => Promise<void>
  /** Done with the result: back to a fresh restock screen. */
  finishRestock: () => void
  /** Stop following live changes (leaving the screen); the restock itself is kept. */
  pauseRestock: () => void
}

export const idleRestock: RestockState = {
  deviceCode: null,
  deviceName: '',
  doorNo: 1,
  restockOrderId: null,
  intentId: null,
  requesting: false,
  log: null,
  capacities: {},
  counts: {},
  reasons: {},
  closedByUser: false,
  unreachable: false,
  error: null,
  streamStatus: 'idle',
  result: null,
}

/**
 * What survives a restart: everything but the live wiring and the last transient error. Of the event log
 * only the latest snapshot is kept (it carries every change); a long restock does not fill the storage.
 */
export function persistedRestock(r: RestockState): Partial<RestockState> {
  const { requesting: _r, error: _e, streamStatus: _s, unreachable: _u, ...kept } = r
  return { ...kept, log: r.log ? { session: r.log.session, events: [], pending: [] } : null }
}

const LIVE: ReadonlySet<string> = new Set(['opening', 'open'])

/** A restock that is still the restocker's business: opened and not yet confirmed by the cloud. */
export function restockInProgress(r: RestockState): boolean {
  const state = r.log?.session.state
  return state !== undefined && state !== 'failed' && state !== 'confirmed' && r.result === null
}

export function createRestockSlice(ports: StaffPorts): StateCreator<StaffState, [], [], RestockSlice> {
  return (set, get) => {
    const setRestock = (patch: Partial<RestockState>) => set((s) => ({ restock: { ...s.restock, ...patch } }))

    const ingest = (incoming: RestockSessionEvent[], snapshot?: RestockSession) => {
      const before = get().restock.log
      if (!before) return
      let log = applyEvents(before, incoming)
      if (snapshot) log = applySnapshot(log, snapshot)
      if (log === before) return
      setRestock({ log })
      if (!LIVE.has(log.session.state)) unfollow()
      else follower.applied(log)
    }

    /** Live changes over the app's one socket; while it is not open, a read of the session every second. */
    const follower = createSessionFollower<RestockSession, RestockSessionEvent>(ports.stream, {
      ingest: (events) => ingest(events),
      onStatus: (streamStatus) => setRestock({ streamStatus }),
      read: async () => {
        const log = get().restock.log
        if (!log) return
        const result = await callApi('getRestockSession', { path: { sessionId: log.session.id } })
        if (get().restock.log?.session.id !== log.session.id) return
        if (result.ok) {
          setRestock({ unreachable: false })
          ingest([], result.data)
        } else setRestock({ unreachable: isTransient(result.error) })
      },
    })
    const poll = follower.catchUp
    const unfollow = follower.unfollow

    const follow = (session: RestockSession) => {
      unfollow()
      if (LIVE.has(session.state)) follower.follow(session.id, session.seq)
    }

    const start = (session: RestockSession) => {
      setRestock({ log: startLog(session), requesting: false, error: null })
      follow(session)
    }

    /** The restocker's own session on this cabinet, as the cloud has it, replaces whatever the phone kept. */
    const adoptSession = async (deviceCode: string, sessionId: string): Promise<boolean> => {
      const read = await callApi('getRestockSession', { path: { sessionId } })
      const unfinished = read.ok && read.data.state !== 'failed' && read.data.state !== 'confirmed'
      if (!read.ok || !unfinished || read.data.deviceCode !== deviceCode) return false
      unfollow()
      set((s) => ({
        restock: {
          ...idleRestock,
          deviceCode,
          deviceName: s.restock.deviceCode === deviceCode ? s.restock.deviceName : '',
          capacities: s.restock.deviceCode === deviceCode ? s.restock.capacities : {},
          doorNo: read.data.doorNo,
          restockOrderId: read.data.restockOrderId ?? null,
        },
      }))
      start(read.data)
      return true
    }

    return {
      restock: idleRestock,
      restockOrders: { deviceCode: null, items: [], status: 'idle', error: null },

      prepareRestock: async (deviceCode, sessionId) => {
        if (sessionId && get().restock.log?.session.id !== sessionId)
          await adoptSession(deviceCode, sessionId)
        const kept = get().restock
        if (kept.deviceCode !== deviceCode && !restockInProgress(kept)) {
          unfollow()
          set({ restock: { ...idleRestock, deviceCode } })
        }
        set((s) => ({
          restockOrders: {
            deviceCode,
            items: s.restockOrders.deviceCode === deviceCode ? s.restockOrders.items : [],
            status: 'loading',
            error: null,
          },
        }))
        const [detail, orders] = await Promise.all([
          get().loadDevice(deviceCode),
          callApi('listRestockOrders', { path: { deviceCode } }),
        ])
        if (orders.ok)
          set({ restockOrders: { deviceCode, items: orders.data.items, status: 'ready', error: null } })
        else set((s) => ({ restockOrders: { ...s.restockOrders, status: 'error', error: orders.error } }))
        const now = get().restock
        if (detail && now.deviceCode === deviceCode && !now.log) setRestock(fromDetail(detail))
        // A restock kept from before (a reload, a restart): pick up where the cabinet is now.
        if (now.deviceCode === deviceCode && now.log && restockInProgress(now)) {
          follow(now.log.session)
          if (!follower.following) void poll()
        }
      },

      openRestock: async ({ doorNo, restockOrderId }) => {
        const r = get().restock
        if (r.requesting || !r.deviceCode || restockInProgress(r)) return
        const deviceCode = r.deviceCode
        const intentId = r.error && isTransient(r.error) && r.intentId ? r.intentId : newId('restock-')
        setRestock({
          doorNo,
          restockOrderId,
          intentId,
          requesting: true,
          error: null,
          log: null,
          counts: {},
          reasons: {},
          closedByUser: false,
          result: null,
        })
        const result = await openUntilAnswered(
          'openRestockSession',
          { deviceCode, doorNo, intentId, restockOrderId: restockOrderId ?? undefined },
          intentId,
        )
        if (result.ok) {
          start(result.data)
          return
        }
        // The restocker's own open restock (named by the conflict): continue it rather than open another.
        if (result.error.sessionId && (await adoptSession(deviceCode, result.error.sessionId))) return
        setRestock({ requesting: false, error: result.error })
      },

      setRestockCount: (productId, count) =>
        set((s) => ({ restock: { ...s.restock, counts: { ...s.restock.counts, [productId]: count } } })),

      setRestockReason: (productId, reason) =>
        set((s) => ({ restock: { ...s.restock, reasons: { ...s.restock.reasons, [productId]: reason } } })),

      declareDoorClosed: () => {
        if (get().restock.log?.session.state === 'open') setRestock({ closedByUser: true })
      },

      confirmRestock: () => {
        const r = get().restock
        const session = r.log?.session
        if (!session || !r.deviceCode) return new AppError('SESSION_NOT_FOUND')
        if (session.state !== 'closed' && !(session.state === 'open' && r.closedByUser)) {
          return new AppError('SESSION_STATE_CONFLICT')
        }
        const kept = get().outbox.find((i) => i.kind === 'restockConfirm' && i.sessionId === session.id)
        // Already on its way: a second tap sends nothing more.
        if (kept && kept.state !== 'refused') return null
        const lines = summaryLines({
          session,
          counts: r.counts,
          reasons: r.reasons,
          capacities: r.capacities,
        })
        const problem = firstProblem(lines)
        if (problem?.problem) return new AppError(problem.problem, { detail: problem.productId })
        if (kept) get().dropOutboxItem(kept.key)
        get().enqueue({
          kind: 'restockConfirm',
          key: newId('restock-confirm-'),
          deviceCode: r.deviceCode,
          sessionId: session.id,
          body: { lines: confirmLines(lines) },
        })
        return null
      },

      restockConfirmed: async (sessionId, session) => {
        let confirmed = session
        if (!confirmed) {
          const read = await callApi('getRestockSession', { path: { sessionId } })
          confirmed = read.ok ? read.data : null
        }
        const r = get().restock
        if (r.log?.session.id !== sessionId) return
        unfollow()
        setRestock({
          result: confirmed,
          log: confirmed ? applySnapshot(r.log, confirmed) : r.log,
          closedByUser: false,
        })
        if (r.deviceCode) void get().loadDevice(r.deviceCode)
      },

      finishRestock: () => {
        unfollow()
        const { deviceCode, deviceName, capacities } = get().restock
        set({ restock: { ...idleRestock, deviceCode, deviceName, capacities } })
      },

      pauseRestock: () => unfollow(),
    }
  }
}

function fromDetail(detail: StaffDeviceDetail): Partial<RestockState> {
  return {
    deviceName: detail.name,
    capacities: Object.fromEntries(detail.goods.map((g) => [g.productId, g.capacity])),
  }
}
