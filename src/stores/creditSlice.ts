import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { CreditAuthorization, CreditMethod } from '@/api/types'
import { pollUntil, worthRetrying } from '@/api/retry'
import { AppError } from '@/domain/errors'
import { platform } from '@/platform'
import type { AppState } from './types'

/**
 * One state at a time (the credit page shows exactly one): choosing → starting → on the platform's page →
 * 确认中 → authorized | rejected (the next method in one tap) | cancelled (the same again, or another) |
 * unknown (no answer within the wait: 刷新 and the 客服 phone) | failed (could not start).
 */
export type CreditPhase =
  | 'idle'
  | 'starting'
  | 'onPlatform'
  | 'confirming'
  | 'authorized'
  | 'rejected'
  | 'cancelled'
  | 'unknown'
  | 'failed'

export interface CreditSlice {
  credit: {
    phase: CreditPhase
    method: CreditMethod | null
    /** An authorization handed to the platform page whose outcome the cloud has not told us yet. */
    pendingAuthorizationId: string | null
    reason: string | null
    error: AppError | null
  }
  /** A tap on a method; a tap while one is under way (a double tap) starts nothing more. */
  startCredit: (method: CreditMethod) => Promise<void>
  /** Ask the cloud how the pending authorization ended; safe to call any number of times at once. */
  confirmCredit: () => Promise<void>
  /**
   * An authorization the cloud reports pending (after a restart): 确认中 until the cloud's answer. False
   * when the shopper backed out of exactly this one on this run (the cloud keeps it pending until it
   * expires): nothing to go back to.
   */
  resumeCredit: (authorization: CreditAuthorization) => boolean
  resetCredit: () => void
}

const idleCredit: CreditSlice['credit'] = {
  phase: 'idle',
  method: null,
  pendingAuthorizationId: null,
  reason: null,
  error: null,
}

const CONFIRM_TIMEOUT_MS = 30_000
/** How long a cancelled platform page waits for the cloud to say it went through after all. */
const CANCEL_GRACE_MS = 3_000
const BUSY: ReadonlySet<CreditPhase> = new Set(['starting', 'onPlatform', 'confirming'])

export const createCreditSlice: StateCreator<AppState, [], [], CreditSlice> = (set, get) => {
  const setCredit = (patch: Partial<CreditSlice['credit']>) =>
    set((s) => ({ credit: { ...s.credit, ...patch } }))
  // The platform page can return through its callback and through app show, even twice: one poll serves all.
  let confirming: Promise<void> | null = null
  let backedOutOf: string | null = null

  const settle = (authorization: CreditAuthorization) => {
    switch (authorization.state) {
      case 'authorized':
        setCredit({ phase: 'authorized', pendingAuthorizationId: null, reason: null })
        void get().refreshCabinet()
        return
      case 'pending':
        return
      case 'rejected':
        setCredit({ phase: 'rejected', pendingAuthorizationId: null, reason: authorization.reason ?? null })
        void get().refreshCabinet()
        return
      default:
        setCredit({ phase: 'cancelled', pendingAuthorizationId: null, reason: authorization.reason ?? null })
    }
  }

  return {
    credit: idleCredit,

    startCredit: async (method) => {
      const { credit, cabinet } = get()
      if (BUSY.has(credit.phase) || !cabinet.deviceCode) return
      setCredit({ ...idleCredit, phase: 'starting', method })
      const started = await callApi('startCreditAuthorization', {
        body: { deviceCode: cabinet.deviceCode, method },
      })
      if (!started.ok) {
        setCredit({ phase: 'failed', error: started.error })
        return
      }
      setCredit({ phase: 'onPlatform', pendingAuthorizationId: started.data.id })
      const flow = await platform.authorizeCredit(started.data.payload)
      if (flow.outcome !== 'returned') {
        // The user backed out of the platform page, or it failed; the cloud still has the last word. Alipay's
        // 6001 can also follow a signing that went through, so the cloud is given a few seconds to say so.
        setCredit({ phase: 'confirming' })
        const { answer: check } = await pollUntil(
          () => callApi('getCreditAuthorization', { path: { authorizationId: started.data.id } }),
          (authorization) => authorization.state !== 'pending',
          { everyMs: 1000, timeoutMs: CANCEL_GRACE_MS },
        )
        if (check.ok && check.data.state === 'authorized') settle(check.data)
        else {
          backedOutOf = started.data.id
          const cancelled = flow.outcome === 'cancelled'
          setCredit({
            phase: cancelled ? 'cancelled' : 'failed',
            pendingAuthorizationId: null,
            error: new AppError(cancelled ? 'PLATFORM_CANCELLED' : 'PLATFORM_FAILED', {
              detail: flow.detail,
            }),
          })
        }
        return
      }
      await get().confirmCredit()
    },

    confirmCredit: () => {
      const authorizationId = get().credit.pendingAuthorizationId
      if (!authorizationId) return Promise.resolve()
      confirming ??= (async () => {
        setCredit({ phase: 'confirming', error: null })
        const { answer, timedOut } = await pollUntil(
          () => callApi('getCreditAuthorization', { path: { authorizationId } }),
          (authorization) => authorization.state !== 'pending',
          { everyMs: 1000, timeoutMs: CONFIRM_TIMEOUT_MS },
        )
        if (!answer.ok && !worthRetrying(answer.error)) setCredit({ phase: 'failed', error: answer.error })
        // No word within the wait (the platform is slow, or the network): the authorization is kept, so
        // 刷新 asks again; nothing is lost by waiting.
        else if (!answer.ok || timedOut) setCredit({ phase: 'unknown', error: null })
        else settle(answer.data)
      })().finally(() => {
        confirming = null
      })
      return confirming
    },

    resumeCredit: (authorization) => {
      const { credit } = get()
      if (authorization.id === backedOutOf) return false
      if (credit.pendingAuthorizationId === authorization.id && credit.phase === 'confirming') return true
      setCredit({
        ...idleCredit,
        phase: 'confirming',
        method: authorization.method,
        pendingAuthorizationId: authorization.id,
      })
      void get().confirmCredit()
      return true
    },

    resetCredit: () => set({ credit: idleCredit }),
  }
}
