import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { CreditAuthorization, CreditMethod } from '@/api/types'
import { AppError, isTransient } from '@/domain/errors'
import { platform } from '@/platform'
import { pollUntil } from './poll'
import type { AppState } from './types'

export type CreditPhase =
  | 'idle'
  | 'starting'
  | 'confirming'
  | 'authorized'
  | 'rejected'
  | 'cancelled'
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
      if (credit.phase === 'starting' || credit.phase === 'confirming' || !cabinet.deviceCode) return
      setCredit({ ...idleCredit, phase: 'starting', method })
      const started = await callApi('startCreditAuthorization', {
        body: { deviceCode: cabinet.deviceCode, method },
      })
      if (!started.ok) {
        setCredit({ phase: 'failed', error: started.error })
        return
      }
      setCredit({ pendingAuthorizationId: started.data.id })
      const flow = await platform.authorizeCredit(started.data.payload)
      if (flow.outcome === 'cancelled') {
        // The user backed out of the platform page; the cloud still has the last word, once.
        setCredit({ phase: 'confirming' })
        const check = await callApi('getCreditAuthorization', { path: { authorizationId: started.data.id } })
        if (check.ok && check.data.state === 'authorized') settle(check.data)
        else {
          backedOutOf = started.data.id
          setCredit({
            phase: 'cancelled',
            pendingAuthorizationId: null,
            error: new AppError('PLATFORM_CANCELLED'),
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
          (r) => (r.ok ? r.data.state !== 'pending' : !isTransient(r.error)),
          { everyMs: 1000, timeoutMs: CONFIRM_TIMEOUT_MS },
        )
        if (!answer.ok) setCredit({ phase: 'failed', error: answer.error })
        else if (timedOut) setCredit({ phase: 'failed', error: new AppError('CREDIT_PENDING') })
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
