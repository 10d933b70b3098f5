import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import { newId } from '@/api/ids'
import type { StreamStatus } from '@/api/stream'
import type { DoorSession, Receipt, SessionEvent } from '@/api/types'
import { AppError } from '@/domain/errors'
import { applyEvents, applySnapshot, hasGap, startLog, type SessionLog } from '@/domain/sessionLog'
import { isFinalSessionState } from '@/domain/doorSession'
import { platform } from '@/platform'
import type { AppState, StorePorts } from './types'

/** The definite-end promise of the 开门 button: opened, or a failure with a reason, within this time. */
export const OPEN_DEADLINE_MS = 20_000
const OPEN_ATTEMPT_TIMEOUT_MS = 8_000
const OPEN_RETRY_PAUSE_MS = 800
const POLL_EVERY_MS = 1_000
/** After this long with the door open the shopper is reminded to close it. */
export const CLOSE_REMINDER_MS = 60_000

export type DoorLog = SessionLog<DoorSession, SessionEvent>

export interface DoorSlice {
  door: {
    /** The current open attempt; reused by every retry so the cloud opens at most once. */
    intentId: string | null
    requesting: boolean
    requestedAt: number | null
    log: DoorLog | null
    /**
     * When this phone first saw the door open. Timers count from here, not from the cloud's openedAt:
     * a phone's clock may be minutes off the cloud's.
     */
    openSeenAt: number | null
    /** The door has been open long enough that the shopper should be reminded to close it. */
    closeReminder: boolean
    error: AppError | null
    streamStatus: StreamStatus
    receipt: Receipt | null
    receiptError: AppError | null
  }
  /**
   * Start opening the door. Returns false when a tap is ignored (an open already running or a session
   * still going), so the page navigates only for the tap that counts.
   */
  openDoor: (doorNo?: number) => boolean
  /** Follow a session already known (e.g. after a restart), from its snapshot. */
  followSession: (session: DoorSession) => void
  objectToLine: (productId: string) => Promise<AppError | null>
  loadReceipt: () => Promise<void>
  leaveSession: () => void
}

const idleDoor: DoorSlice['door'] = {
  intentId: null,
  requesting: false,
  requestedAt: null,
  log: null,
  openSeenAt: null,
  closeReminder: false,
  error: null,
  streamStatus: 'idle',
  receipt: null,
  receiptError: null,
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const isTransient = (error: AppError) => error.code === 'NETWORK' || error.code === 'TIMEOUT'

export function createDoorSlice(ports: StorePorts): StateCreator<AppState, [], [], DoorSlice> {
  return (set, get) => {
    // Live wiring of the followed session; not state anyone renders.
    let stopFollowing: (() => void) | null = null

    let reminderTimer: ReturnType<typeof setTimeout> | undefined

    const setDoor = (patch: Partial<DoorSlice['door']>) => set((s) => ({ door: { ...s.door, ...patch } }))

    // Elder mode says the key moments aloud; where the platform cannot speak, it vibrates instead.
    const announce = (text: string) => {
      if (get().elderMode && !platform.speak(text)) platform.vibrate()
    }

    const markOpenSeen = () => {
      if (get().door.openSeenAt !== null) return
      setDoor({ openSeenAt: Date.now() })
      announce('柜门已打开，请取商品')
      clearTimeout(reminderTimer)
      reminderTimer = setTimeout(() => {
        if (get().door.log?.session.state !== 'open') return
        setDoor({ closeReminder: true })
        announce('请关好柜门')
      }, CLOSE_REMINDER_MS)
    }

    const ingest = (incoming: SessionEvent[], snapshot?: DoorSession) => {
      const before = get().door.log
      if (!before) return
      let log = applyEvents(before, incoming)
      if (snapshot) log = applySnapshot(log, snapshot)
      if (log === before) return
      const fresh = log.events.slice(before.events.length)
      if (fresh.some((e) => e.kind === 'door_left_open')) {
        platform.vibrate()
        announce('请关好柜门')
        set({ notice: new AppError('DOOR_LEFT_OPEN') })
        setDoor({ closeReminder: true })
      }
      setDoor({ log })
      if (log.session.state === 'open') markOpenSeen()
      ports.stream.acknowledge(log.session.id, log.session.seq)
      if (isFinalSessionState(log.session.state)) finish()
      else if (hasGap(log)) void catchUp()
    }

    let catchingUp = false
    const catchUp = async () => {
      const log = get().door.log
      if (!log || catchingUp) return
      catchingUp = true
      try {
        const result = await callApi('listDoorSessionEvents', {
          path: { sessionId: log.session.id },
          query: { afterSeq: log.session.seq },
        })
        if (result.ok && get().door.log?.session.id === log.session.id) ingest(result.data.items)
      } finally {
        catchingUp = false
      }
    }

    const finish = () => {
      clearTimeout(reminderTimer)
      stopFollowing?.()
      stopFollowing = null
      const session = get().door.log?.session
      if (session?.orderId) void get().loadReceipt()
    }

    const follow = (session: DoorSession) => {
      stopFollowing?.()
      setDoor({
        log: startLog(session),
        openSeenAt: null,
        closeReminder: false,
        error: null,
        receipt: null,
        receiptError: null,
      })
      if (session.state === 'open') markOpenSeen()
      if (isFinalSessionState(session.state)) {
        finish()
        return
      }
      const offEvent = ports.stream.onEvent((event) => {
        if (event.sessionId === get().door.log?.session.id) ingest([event as unknown as SessionEvent])
      })
      const offStatus = ports.stream.onStatus((status) => {
        setDoor({ streamStatus: status })
        // Back online: whatever happened meanwhile is replayed by the subscription; fetch it anyway.
        if (status === 'open') void catchUp()
      })
      const unsubscribe = ports.stream.subscribe(session.id, session.seq)
      setDoor({ streamStatus: ports.stream.status })
      // While the socket is not open, poll every second so the cart never stalls.
      const poll = setInterval(() => {
        if (ports.stream.status !== 'open') void catchUp()
      }, POLL_EVERY_MS)
      stopFollowing = () => {
        clearInterval(poll)
        offEvent()
        offStatus()
        unsubscribe()
      }
    }

    const requestOpen = async (deviceCode: string, doorNo: number | undefined, intentId: string) => {
      const startedAt = Date.now()
      let lastError: AppError = new AppError('DOOR_OPEN_TIMEOUT')
      while (Date.now() - startedAt < OPEN_DEADLINE_MS) {
        const result = await callApi('openDoor', {
          body: { deviceCode, doorNo: doorNo as 1 | 2 | undefined, intentId, mode: 'shop' },
          idempotencyKey: intentId,
          timeoutMs: Math.min(OPEN_ATTEMPT_TIMEOUT_MS, OPEN_DEADLINE_MS - (Date.now() - startedAt)),
        })
        if (result.ok) {
          setDoor({ requesting: false })
          follow(result.data)
          watchOpenDeadline(result.data.id, startedAt)
          return
        }
        lastError = result.error
        if (!isTransient(result.error)) break
        await sleep(OPEN_RETRY_PAUSE_MS)
      }
      setDoor({ requesting: false, error: lastError })
      // The gate may have changed under us (another shopper, a fault): show the cloud's current answer.
      if (!isTransient(lastError)) void get().refreshCabinet()
    }

    // The promise of the 开门 button is a definite answer within 20 s of the tap, whatever the cloud does:
    // ask once more at the deadline, then say it timed out (and keep following, should it open late).
    const watchOpenDeadline = (sessionId: string, startedAt: number) => {
      setTimeout(
        async () => {
          const stillOpening = () => {
            const session = get().door.log?.session
            return (
              session?.id === sessionId &&
              (session.state === 'opening' || session.state === 'awaiting_confirmation')
            )
          }
          if (!stillOpening()) return
          const read = await callApi('getDoorSession', { path: { sessionId } })
          if (read.ok) ingest([], read.data)
          if (stillOpening()) setDoor({ error: new AppError('DOOR_OPEN_TIMEOUT') })
        },
        Math.max(0, startedAt + OPEN_DEADLINE_MS - Date.now()),
      )
    }

    return {
      door: idleDoor,

      openDoor: (doorNo) => {
        const { door, cabinet } = get()
        const current = door.log?.session
        const deviceCode = cabinet.deviceCode
        // A session still going blocks a new open, unless this phone already gave up on it (timed out).
        const going = current && !isFinalSessionState(current.state) && !door.error
        if (door.requesting || going || !deviceCode) return false
        if (current && !isFinalSessionState(current.state)) stopFollowing?.()
        // A retry after a failed attempt with no definite answer keeps the intent: still one door session.
        const intentId =
          door.error && isTransient(door.error) && door.intentId ? door.intentId : newId('intent-')
        setDoor({ ...idleDoor, intentId, requesting: true, requestedAt: Date.now() })
        void requestOpen(deviceCode, doorNo, intentId)
        return true
      },

      followSession: (session) => follow(session),

      objectToLine: async (productId) => {
        const session = get().door.log?.session
        if (!session) return new AppError('SESSION_NOT_FOUND')
        const result = await callApi('objectToCartLine', {
          path: { sessionId: session.id },
          body: { productId },
        })
        if (!result.ok) return result.error
        ingest([], result.data)
        return null
      },

      loadReceipt: async () => {
        const orderId = get().door.log?.session.orderId
        if (!orderId) return
        const result = await callApi('getOrder', { path: { orderId } })
        if (result.ok) setDoor({ receipt: result.data, receiptError: null })
        else setDoor({ receiptError: result.error })
      },

      leaveSession: () => {
        clearTimeout(reminderTimer)
        stopFollowing?.()
        stopFollowing = null
        setDoor(idleDoor)
      },
    }
  }
}
