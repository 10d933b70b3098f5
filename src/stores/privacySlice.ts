import type { StateCreator } from 'zustand'
import { AppError } from '@/domain/errors'
import { platform } from '@/platform'
import type { PrivacyRequest } from '@/platform/types'
import type { AppState } from './types'

export interface PrivacySlice {
  /** WeChat is holding a protected call (phone, photos, album) until the user answers the privacy sheet. */
  privacyAsked: boolean
  /** A protected call needs consent: show the sheet. Several calls may wait on one answer. */
  askPrivacy: (request: PrivacyRequest) => void
  /** The sheet's 同意, from the tap on its agree button (`buttonId`): every waiting call goes on. */
  agreePrivacy: (buttonId: string) => void
  /** The sheet's 拒绝: every waiting call fails (the app then says what that means, PRIVACY_REFUSED). */
  refusePrivacy: () => void
  /** The 《用户隐私保护指引》 link. */
  openPrivacyGuide: () => Promise<void>
}

export const createPrivacySlice: StateCreator<AppState, [], [], PrivacySlice> = (set) => {
  let waiting: PrivacyRequest[] = []
  const answer = (reply: (request: PrivacyRequest) => void) => {
    const answered = waiting
    waiting = []
    set({ privacyAsked: false })
    answered.forEach(reply)
  }
  return {
    privacyAsked: false,
    askPrivacy: (request) => {
      waiting.push(request)
      set({ privacyAsked: true })
    },
    agreePrivacy: (buttonId) => answer((request) => request.agree(buttonId)),
    refusePrivacy: () => answer((request) => request.disagree()),
    openPrivacyGuide: async () => {
      if (!(await platform.openPrivacyContract())) {
        set({ notice: new AppError('PLATFORM_FAILED', { message: '隐私保护指引暂时打不开，请稍后再试' }) })
      }
    },
  }
}
