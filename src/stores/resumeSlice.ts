import type { StateCreator } from 'zustand'
import { cloudOffsetMs } from '@/api/cloudClock'
import { callApi } from '@/api/endpoints'
import { readUntilAnswered, repeatUntil } from '@/api/retry'
import type { ActiveState, DoorSession } from '@/api/types'
import { isFinalSessionState } from '@/domain/doorSession'
import { AppError, isTransient } from '@/domain/errors'
import { parseIso } from '@/domain/time'
import type { DoorHint } from './doorSlice'
import type { AppState } from './types'

/** Where the user should be after the cloud has said what is still going on. */
export type ResumeTarget =
  | { page: 'shopping' }
  | { page: 'credit' }
  | { page: 'cabinet' }
  | { page: 'restock'; deviceCode: string; sessionId: string }

export interface ResumeOutcome {
  /** The cloud answered (false: no network; ask again on the next show or when the network returns). */
  answered: boolean
  target: ResumeTarget | null
}

export interface ResumeContext {
  /**
   * The cabinet the user chose this moment (a scanned QR, the cabinet on screen): a session only settling
   * elsewhere does not pull them away from it. Defaults to the cabinet on screen when the cloud answers.
   */
  launchDeviceCode?: string | null
}

/** `idle` until the first question (asked at launch); a page with nothing to show waits for `answered`. */
export type ResumeStatus = 'idle' | 'checking' | 'unanswered' | 'answered'

export interface ResumeSlice {
  resumeStatus: ResumeStatus
  /**
   * Ask the cloud once what is still going on for the user (DESIGN §7) and take it in: the door session
   * is followed, a pending authorization or payment confirmed, a restock pointed to. Concurrent callers
   * share one question. Resolves where the user should be.
   */
  resumeActive: (context?: ResumeContext) => Promise<ResumeOutcome>
  /** After an open whose answers were lost: ask in the background until the cloud answers. */
  recoverAfterLostAnswer: () => Promise<void>
}

/** An ended session this phone was showing is shown again after a restart for this long (cloud time). */
const RECENT_ENDING_MS = 10 * 60_000
const RECOVER_EVERY_MS = 2_000
const RECOVER_FOR_MS = 120_000

const SESSION_ID = /^[\w-]{1,64}$/
const DEVICE_CODE = /^[A-Z0-9]{6,16}$/

/** The persisted hint, if it is one: anything else in storage (stale format, garbage) is ignored. */
function usableHint(hint: unknown): DoorHint | null {
  if (!hint || typeof hint !== 'object') return null
  const { sessionId, deviceCode } = hint as Record<string, unknown>
  return typeof sessionId === 'string' &&
    SESSION_ID.test(sessionId) &&
    typeof deviceCode === 'string' &&
    DEVICE_CODE.test(deviceCode)
    ? { sessionId, deviceCode }
    : null
}

function endedRecently(session: DoorSession): boolean {
  const ended = parseIso(session.closedAt ?? session.openDeadlineAt)
  return ended !== null && Date.now() + cloudOffsetMs() - ended < RECENT_ENDING_MS
}

export const createResumeSlice: StateCreator<AppState, [], [], ResumeSlice> = (set, get) => {
  let inFlight: Promise<ResumeOutcome> | null = null
  let recovering = false

  const elsewhere = (context: ResumeContext, deviceCode: string) =>
    !!context.launchDeviceCode && context.launchDeviceCode !== deviceCode

  /** The door session first: an open door is the one thing a shopper must never lose. */
  const takeDoor = async (
    door: DoorSession | null,
    context: ResumeContext,
  ): Promise<ResumeOutcome | null> => {
    const followed = get().door.log?.session ?? null
    if (door) {
      // A door only settling at another cabinet does not pull a shopper away from the one they scanned.
      if (door.state === 'closed' && elsewhere(context, door.deviceCode) && followed?.id !== door.id)
        return null
      get().followSession(door)
      get().showCabinet(door.deviceCode)
      return { answered: true, target: { page: 'shopping' } }
    }
    // Nothing going on: a session this phone still shows as going, or kept as a hint, has ended.
    const hint = followed && !isFinalSessionState(followed.state) ? null : usableHint(get().doorHint)
    const sessionId = followed && !isFinalSessionState(followed.state) ? followed.id : hint?.sessionId
    if (!sessionId || followed?.id === hint?.sessionId) return null
    const read = await callApi('getDoorSession', { path: { sessionId } })
    if (read.ok) {
      if (
        followed?.id === sessionId ||
        (endedRecently(read.data) && !elsewhere(context, read.data.deviceCode))
      ) {
        get().followSession(read.data)
        return { answered: true, target: { page: 'shopping' } }
      }
      set({ doorHint: null })
      return null
    }
    if (isTransient(read.error)) return { answered: false, target: null }
    // The cloud no longer knows it (or it is not this user's): back to the cabinet with a word, not a spinner.
    const deviceCode = followed?.deviceCode ?? hint?.deviceCode
    get().leaveSession()
    if (read.error.code === 'SESSION_NOT_FOUND' && deviceCode && !elsewhere(context, deviceCode)) {
      get().showCabinet(deviceCode)
      set({
        notice: new AppError('SESSION_NOT_FOUND', {
          message: '上次的购物记录已失效，可重新开门',
          hint: '如有疑问请拨打客服电话',
        }),
      })
      return { answered: true, target: { page: 'cabinet' } }
    }
    return null
  }

  const take = async (active: ActiveState, context: ResumeContext): Promise<ResumeOutcome> => {
    const door = await takeDoor(active.doorSession, context)
    if (door) return door
    const restock = active.restockSession
    if (restock && !elsewhere(context, restock.deviceCode)) {
      return {
        answered: true,
        target: { page: 'restock', deviceCode: restock.deviceCode, sessionId: restock.id },
      }
    }
    let target: ResumeTarget | null = null
    const authorization = active.creditAuthorization
    // Confirmed wherever the user is now; shown where it was started unless they scanned elsewhere.
    if (authorization && get().resumeCredit(authorization)) {
      if (!elsewhere(context, authorization.deviceCode)) {
        get().showCabinet(authorization.deviceCode)
        target = { page: 'credit' }
      }
    }
    const pending = active.payment
    if (pending && get().resumePayment(pending.payment.id, pending.order.id)) {
      if (!target && !elsewhere(context, pending.order.deviceCode)) {
        get().showCabinet(pending.order.deviceCode)
        target = { page: 'cabinet' }
      }
    }
    return { answered: true, target }
  }

  return {
    resumeStatus: 'idle',

    resumeActive: (context = {}) => {
      inFlight ??= (async () => {
        set({ resumeStatus: 'checking' })
        let outcome: ResumeOutcome = { answered: false, target: null }
        try {
          const result = await readUntilAnswered('getActiveState', {})
          if (result.ok) {
            const here = get().cabinet
            // Asking logged the user in when no token was kept (a reinstall): a gate read before is stale.
            if (here.landing?.gate.reasons.some((r) => r.code === 'LOGIN_REQUIRED'))
              void get().refreshCabinet()
            outcome = await take(result.data, { launchDeviceCode: here.deviceCode, ...context })
          }
          return outcome
        } finally {
          set({ resumeStatus: outcome.answered ? 'answered' : 'unanswered' })
          inFlight = null
        }
      })()
      return inFlight
    },

    recoverAfterLostAnswer: async () => {
      if (recovering) return
      recovering = true
      try {
        // Done once the cloud answers, or once it was settled another way meanwhile (a tap on 重试, a
        // show, leaving the page).
        await repeatUntil(
          async () => {
            const { error, request } = get().door
            if (!request || error?.code !== 'OPEN_UNCONFIRMED') return true
            return (await get().resumeActive({ launchDeviceCode: request.deviceCode })).answered
          },
          (done) => done,
          { everyMs: RECOVER_EVERY_MS, timeoutMs: RECOVER_FOR_MS },
        )
      } finally {
        recovering = false
      }
    },
  }
}
