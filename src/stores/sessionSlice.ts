import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { User } from '@/api/types'
import { AppError, refusalError } from '@/domain/errors'
import { platform } from '@/platform'
import type { PhoneCredential } from '@/platform/types'
import type { AppState } from './types'

export interface SessionSlice {
  token: string | null
  tokenExpiresAt: string | null
  user: User | null
  /** Silent platform login; concurrent callers share one attempt. Resolves to the new token or null. */
  login: () => Promise<string | null>
  lastLoginError: AppError | null
  bindPhone: (credential: PhoneCredential) => Promise<AppError | null>
  /** The cloud's current word on the user's roles (a merchant may have bound or removed them as staff). */
  refreshMe: () => Promise<AppError | null>
  logout: () => void
}

let loginInFlight: Promise<string | null> | null = null

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  token: null,
  tokenExpiresAt: null,
  user: null,
  lastLoginError: null,

  login: () => {
    loginInFlight ??= (async () => {
      try {
        const code = await platform.getLoginCode()
        const result = await callApi('login', { body: { platform: platform.name, code } })
        if (!result.ok) {
          set({ lastLoginError: result.error })
          return null
        }
        set({
          token: result.data.token,
          tokenExpiresAt: result.data.expiresAt,
          user: result.data.user,
          lastLoginError: null,
        })
        return result.data.token
      } catch (err) {
        set({ lastLoginError: new AppError('PLATFORM_FAILED', { cause: err }) })
        return null
      } finally {
        loginInFlight = null
      }
    })()
    return loginInFlight
  },

  bindPhone: async (credential) => {
    if (!credential.ok) {
      return (
        refusalError(credential.reason, 'PLATFORM_FAILED', credential.detail) ??
        new AppError('PLATFORM_CANCELLED')
      )
    }
    const result = await callApi('bindPhone', {
      body: { platform: credential.platform, code: credential.code, encryptedData: credential.encryptedData },
    })
    if (!result.ok) return result.error
    set({ user: result.data })
    return null
  },

  refreshMe: async () => {
    const result = await callApi('getMe', {})
    if (!result.ok) return result.error
    set({ user: result.data })
    return null
  },

  logout: () => set({ token: null, tokenExpiresAt: null, user: null }),
})
