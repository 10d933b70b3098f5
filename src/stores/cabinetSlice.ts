import type { StateCreator } from 'zustand'
import { readUntilAnswered } from '@/api/retry'
import type { CabinetLanding } from '@/api/types'
import { AppError, type NextStep } from '@/domain/errors'
import { parseCabinetQr } from '@/domain/qr'
import { platform } from '@/platform'
import type { AppShowInfo, LaunchSource, PageQuery, PhoneCredential } from '@/platform/types'
import type { AppState } from './types'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface CabinetSlice {
  cabinet: {
    deviceCode: string | null
    preferredDoorNo: number | null
    status: LoadStatus
    landing: CabinetLanding | null
    error: AppError | null
  }
  /** Launch, hot start or in-app scan: only a code that passed the strict parser ever reaches the cloud. */
  openCabinetFrom: (source: LaunchSource | null) => Promise<void>
  loadCabinet: (deviceCode: string) => Promise<void>
  /** Make this the cabinet on screen (a resumed session's), loading it unless it already is. */
  showCabinet: (deviceCode: string) => void
  refreshCabinet: () => Promise<void>
  /** The cabinet page opened by a QR launch: the source is in the page query or the app's launch options. */
  openCabinetFromLaunch: (pageQuery: PageQuery) => Promise<void>
  /** In-app 扫一扫; a cancelled scan changes nothing. Resolves true when a cabinet is being opened. */
  scanCabinet: () => Promise<boolean>
  /** Perform the one next step the catalogue names for an error or gate reason. */
  performNextStep: (next: NextStep) => Promise<void>
  bindPhoneAndRefresh: (credential: PhoneCredential) => Promise<void>
  /** Hot start from a cabinet QR. Resolves true when the cabinet page must be shown afresh. */
  openCabinetFromAppShow: (info: AppShowInfo) => Promise<boolean>
  notice: AppError | null
  clearNotice: () => void
}

const emptyCabinet: CabinetSlice['cabinet'] = {
  deviceCode: null,
  preferredDoorNo: null,
  status: 'idle',
  landing: null,
  error: null,
}

export const createCabinetSlice: StateCreator<AppState, [], [], CabinetSlice> = (set, get) => ({
  cabinet: emptyCabinet,

  openCabinetFrom: async (source) => {
    if (!source) {
      set({ cabinet: { ...emptyCabinet, status: 'error', error: new AppError('QR_INVALID') } })
      return
    }
    const parsed = parseCabinetQr(source)
    if (!parsed.ok) {
      set({
        cabinet: {
          ...emptyCabinet,
          status: 'error',
          error: new AppError('QR_INVALID', { detail: parsed.reason }),
        },
      })
      return
    }
    set({
      cabinet: { ...emptyCabinet, deviceCode: parsed.deviceCode, preferredDoorNo: parsed.doorNo ?? null },
    })
    await get().loadCabinet(parsed.deviceCode)
  },

  loadCabinet: async (deviceCode) => {
    set((s) => ({ cabinet: { ...s.cabinet, deviceCode, status: 'loading', error: null } }))
    const result = await readUntilAnswered('getCabinetLanding', { path: { deviceCode } })
    // A newer scan may have replaced this cabinet while the answer was on its way.
    if (get().cabinet.deviceCode !== deviceCode) return
    if (result.ok)
      set((s) => ({ cabinet: { ...s.cabinet, status: 'ready', landing: result.data, error: null } }))
    else set((s) => ({ cabinet: { ...s.cabinet, status: 'error', error: result.error } }))
  },

  showCabinet: (deviceCode) => {
    if (get().cabinet.deviceCode === deviceCode && get().cabinet.status !== 'error') return
    set({ cabinet: { ...emptyCabinet, deviceCode } })
    void get().loadCabinet(deviceCode)
  },

  refreshCabinet: async () => {
    const { deviceCode } = get().cabinet
    if (deviceCode) await get().loadCabinet(deviceCode)
  },

  openCabinetFromLaunch: (pageQuery) => get().openCabinetFrom(platform.getLaunchSource(pageQuery)),

  scanCabinet: async () => {
    const scanned = await platform.scanCabinet()
    if (!scanned.ok) {
      if (scanned.reason !== 'cancelled')
        set({ notice: new AppError('PLATFORM_FAILED', { detail: scanned.reason }) })
      return false
    }
    await get().openCabinetFrom(scanned.source)
    return true
  },

  performNextStep: async (next) => {
    switch (next) {
      case 'rescan':
        await get().scanCabinet()
        return
      case 'resume': {
        const session = get().cabinet.landing?.gate.reasons.find((r) => r.session)?.session
        if (session) await get().rejoinSession(session.id)
        return
      }
      case 'login':
        await get().login()
        await get().refreshCabinet()
        return
      case 'callService': {
        const phone = get().cabinet.landing?.merchant.servicePhone
        if (phone) platform.makePhoneCall(phone)
        return
      }
      default:
        await get().refreshCabinet()
    }
  },

  bindPhoneAndRefresh: async (credential) => {
    const error = await get().bindPhone(credential)
    if (error) {
      set({ notice: error })
      return
    }
    await get().refreshCabinet()
  },

  openCabinetFromAppShow: async (info) => {
    if (!info.source) return false
    // WeChat may both reopen the page with the new query and fire app show for one scan: act once.
    const parsed = parseCabinetQr(info.source)
    const current = get().cabinet
    if (parsed.ok && parsed.deviceCode === current.deviceCode && current.status !== 'error') return false
    await get().openCabinetFrom(info.source)
    return true
  },

  notice: null,
  clearNotice: () => set({ notice: null }),
})
