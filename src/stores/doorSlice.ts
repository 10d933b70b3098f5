import type { StateCreator } from 'zustand'
import { cloudIsoToLocal } from '@/api/cloudClock'
import { callApi } from '@/api/endpoints'
import { newId } from '@/api/ids'
import {
  backoffPause,
  OPEN_DEADLINE_MS,
  openUntilAnswered,
  readUntilAnswered,
  worthRetrying,
} from '@/api/retry'
import type { StreamStatus } from '@/api/stream'
import type { DoorNo, DoorSession, Receipt, SessionEvent } from '@/api/types'
import { AppError, isTransient } from '@/domain/errors'
import { applyEvents, applySnapshot, startLog, type SessionLog } from '@/domain/sessionLog'
import { doorJustClosed, isFinalSessionState, receiptSpeech } from '@/domain/doorSession'
import { platform } from '@/platform'
import { createSessionFollower } from './sessionFollower'
import type { AppState, StorePorts } from './types'

/** After this long with the door open the shopper is reminded to close it. */
export const CLOSE_REMINDER_MS = 60_000
/** A receipt that would not load for want of a network is asked for again: after 1 s, 2 s, then every 4 s. */
const RECEIPT_RETRY_MS = [1_000, 2_000, 4_000]

export type DoorLog = SessionLog<DoorSession, SessionEvent>

/** One tap on 开门 as the cloud sees it. Every retry sends exactly this body, with the intent as the key. */
export interface OpenRequest {
  deviceCode: string
  doorNo: DoorNo
  intentId: string
}

/**
 * What the phone keeps about the session it follows, to find it again after a restart. Only a hint: the
 * cloud's word (getActiveState, getDoorSession) decides what is shown.
 */
export interface DoorHint {
  sessionId: string
  deviceCode: string
}

export interface DoorSlice {
  door: {
    /** The current open attempt; reused by every retry so the cloud opens at most once. */
    request: OpenRequest | null
    requesting: boolean
    /** Waiting for the cloud's word on a session this phone is rejoining (a 409 naming it, 回到购物). */
    rejoining: boolean
    log: DoorLog | null
    /**
     * When the door opened, on this phone's clock: the cloud's `openedAt` corrected by the measured skew,
     * so a door rejoined after a restart shows how long it has really been open.
     */
    openedAtLocal: number | null
    /** The door has been open long enough that the shopper should be reminded to close it. */
    closeReminder: boolean
    error: AppError | null
    streamStatus: StreamStatus
    receipt: Receipt | null
    receiptError: AppError | null
  }
  /** Persisted: the session being followed (see DoorHint). */
  doorHint: DoorHint | null
  /**
   * Start opening a door of the cabinet on screen. Returns false when a tap is ignored (an open already
   * running or a session still going), so the page navigates only for the tap that counts.
   */
  openDoor: (doorNo: number) => boolean
  /**
   * 重试 on the failure screen: after a lost answer the very same request again (same intent, same body);
   * after a definite failure a new intent for the same door.
   */
  retryOpen: () => boolean
  /** Follow one of the user's own sessions by id (named by a 409 or the gate). Resolves true once followed. */
  rejoinSession: (sessionId: string) => Promise<boolean>
  /** Follow a session the cloud reported (after a restart, a lost answer), from its snapshot. */
  followSession: (session: DoorSession) => void
  objectToLine: (productId: string) => Promise<AppError | null>
  loadReceipt: () => Promise<void>
  leaveSession: () => void
}

const idleDoor: DoorSlice['door'] = {
  request: null,
  requesting: false,
  rejoining: false,
  log: null,
  openedAtLocal: null,
  closeReminder: false,
  error: null,
  streamStatus: 'idle',
  receipt: null,
  receiptError: null,
}

const asDoorNo = (n: number): DoorNo => (n === 2 ? 2 : 1)

export function createDoorSlice(ports: StorePorts): StateCreator<AppState, [], [], DoorSlice> {
  return (set, get) => {
    // Live wiring of the followed session; not state anyone renders.
    let reminderTimer: ReturnType<typeof setTimeout> | undefined
    let receiptRetry: ReturnType<typeof setTimeout> | undefined
    // The receipt is spoken once, not again when it is read again (a resume, a retry).
    let spokenReceipt: string | null = null
    let receiptFailures = 0

    const setDoor = (patch: Partial<DoorSlice['door']>) => set((s) => ({ door: { ...s.door, ...patch } }))
    const followedId = () => get().door.log?.session.id

    // Elder mode says the key moments aloud; where the platform cannot speak, it vibrates instead.
    const announce = (text: string) => {
      if (get().elderMode && !platform.speak(text)) platform.vibrate()
    }

    const noteOpened = (session: DoorSession) => {
      if (get().door.openedAtLocal !== null) return
      const now = Date.now()
      const openedAtLocal = Math.min(now, cloudIsoToLocal(session.openedAt) ?? now)
      setDoor({ openedAtLocal })
      announce('柜门已打开，请取商品')
      clearTimeout(reminderTimer)
      reminderTimer = setTimeout(
        () => {
          if (get().door.log?.session.state !== 'open') return
          setDoor({ closeReminder: true })
          announce('请关好柜门')
        },
        Math.max(0, openedAtLocal + CLOSE_REMINDER_MS - now),
      )
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
      if (doorJustClosed(before.session.state, log.session.state)) announce('柜门已关好，正在结算')
      if (log.session.state === 'open') noteOpened(log.session)
      if (isFinalSessionState(log.session.state)) finish()
      else follower.applied(log)
    }

    const follower = createSessionFollower<DoorSession, SessionEvent>(ports.stream, {
      ingest: (events) => ingest(events),
      onStatus: (streamStatus) => setDoor({ streamStatus }),
      read: async () => {
        const log = get().door.log
        if (!log) return
        const result = await callApi('listDoorSessionEvents', {
          path: { sessionId: log.session.id },
          query: { afterSeq: log.session.seq },
        })
        if (result.ok && followedId() === log.session.id) ingest(result.data.items)
      },
    })
    const catchUp = follower.catchUp
    const unfollow = follower.unfollow

    const finish = () => {
      clearTimeout(reminderTimer)
      unfollow()
      const session = get().door.log?.session
      if (session?.orderId && !get().door.receipt) void get().loadReceipt()
    }

    const follow = (session: DoorSession) => {
      unfollow()
      clearTimeout(receiptRetry)
      setDoor({
        log: startLog(session),
        requesting: false,
        rejoining: false,
        openedAtLocal: null,
        closeReminder: false,
        error: null,
        receipt: null,
        receiptError: null,
      })
      set({ doorHint: { sessionId: session.id, deviceCode: session.deviceCode } })
      if (session.state === 'open') noteOpened(session)
      if (isFinalSessionState(session.state)) {
        finish()
        return
      }
      follower.follow(session.id, session.seq)
    }

    /** Follows the snapshot, or takes it in when it is the session already followed. */
    const adopt = (session: DoorSession) => {
      if (followedId() === session.id) {
        ingest([], session)
        setDoor({ requesting: false, rejoining: false, error: null })
      } else follow(session)
    }

    const rejoin = async (sessionId: string): Promise<boolean> => {
      setDoor({ rejoining: true })
      const read = await readUntilAnswered('getDoorSession', { path: { sessionId } })
      if (read.ok) {
        adopt(read.data)
        return true
      }
      setDoor({ rejoining: false, requesting: false, error: read.error })
      return false
    }

    const requestOpen = async (request: OpenRequest) => {
      const deadlineAt = Date.now() + OPEN_DEADLINE_MS
      const result = await openUntilAnswered(
        'openDoor',
        { ...request, mode: 'shop' },
        request.intentId,
        deadlineAt,
      )
      if (get().door.request?.intentId !== request.intentId) return
      if (result.ok) {
        adopt(result.data)
        watchOpenDeadline(result.data.id, deadlineAt)
        return
      }
      // A conflict about the shopper's own door (open already, this intent used): follow that door.
      if (result.error.sessionId && (await rejoin(result.error.sessionId))) return
      if (isTransient(result.error)) {
        setDoor({ requesting: false, error: new AppError('OPEN_UNCONFIRMED', { detail: result.error.code }) })
        // The cloud may have opened the door while its answers were lost: ask what is going on, in the
        // background, until it answers; an open door found that way is followed without a tap.
        void get().recoverAfterLostAnswer()
      } else {
        setDoor({ requesting: false, error: result.error })
        // The gate may have changed under us (another shopper, a fault): show the cloud's current answer.
        void get().refreshCabinet()
      }
    }

    // The promise of the 开门 button is a definite answer within 20 s of the tap, whatever the cloud does:
    // at the deadline a door still opening is reported as timed out (and still followed, should it open).
    const watchOpenDeadline = (sessionId: string, deadlineAt: number) => {
      setTimeout(
        () => {
          const session = get().door.log?.session
          const stillOpening =
            session?.id === sessionId &&
            (session.state === 'opening' || session.state === 'awaiting_confirmation')
          if (!stillOpening) return
          setDoor({ error: new AppError('DOOR_OPEN_TIMEOUT') })
          void catchUp()
        },
        Math.max(0, deadlineAt - Date.now()),
      )
    }

    const startOpen = (deviceCode: string, doorNo: DoorNo): boolean => {
      const { door } = get()
      const current = door.log?.session
      // A session still going blocks a new open, unless this phone already gave up on it (timed out).
      const going = current && !isFinalSessionState(current.state) && !door.error
      if (door.requesting || door.rejoining || going) return false
      if (current && !isFinalSessionState(current.state)) unfollow()
      const kept = door.request
      // After a lost answer the same door is asked for with the same intent: still one door session.
      const request: OpenRequest =
        door.error?.code === 'OPEN_UNCONFIRMED' && kept?.deviceCode === deviceCode && kept.doorNo === doorNo
          ? kept
          : { deviceCode, doorNo, intentId: newId('intent-') }
      setDoor({ ...idleDoor, request, requesting: true })
      void requestOpen(request)
      return true
    }

    return {
      door: idleDoor,
      doorHint: null,

      openDoor: (doorNo) => {
        const deviceCode = get().cabinet.deviceCode
        return deviceCode ? startOpen(deviceCode, asDoorNo(doorNo)) : false
      },

      retryOpen: () => {
        const { request, log } = get().door
        const target =
          request ?? (log ? { deviceCode: log.session.deviceCode, doorNo: log.session.doorNo } : null)
        return target ? startOpen(target.deviceCode, target.doorNo) : false
      },

      rejoinSession: (sessionId) => rejoin(sessionId),

      followSession: (session) => adopt(session),

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
        clearTimeout(receiptRetry)
        const session = get().door.log?.session
        const orderId = session?.orderId
        if (!session || !orderId) return
        const result = await readUntilAnswered('getOrder', { path: { orderId } })
        if (followedId() !== session.id) return
        if (result.ok) {
          receiptFailures = 0
          setDoor({ receipt: result.data, receiptError: null })
          if (spokenReceipt !== orderId) announce(receiptSpeech(result.data))
          spokenReceipt = orderId
        } else if (worthRetrying(result.error)) {
          // The door is closed and settled; only the answer is missing. Keep asking, without a tap.
          setDoor({ receiptError: null })
          receiptFailures++
          receiptRetry = setTimeout(
            () => void get().loadReceipt(),
            backoffPause(receiptFailures, RECEIPT_RETRY_MS),
          )
        } else setDoor({ receiptError: result.error })
      },

      leaveSession: () => {
        clearTimeout(reminderTimer)
        clearTimeout(receiptRetry)
        unfollow()
        setDoor(idleDoor)
        set({ doorHint: null })
      },
    }
  }
}
