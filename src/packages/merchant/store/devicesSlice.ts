import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { MerchantDevice } from '@/api/types'
import { newId } from '@/api/ids'
import { AppError, refusalError } from '@/domain/errors'
import { parseYuanToFen } from '@/domain/money'
import { platform } from '@/platform'
import type { CanvasNode } from '@/platform/types'
import { fetchInto, idle, type Load } from './load'
import type { MerchantState } from './types'

export interface DevicesSlice {
  devices: Load<MerchantDevice[]>
  loadDevices: () => Promise<void>
  /**
   * The deposit asked for 押金开门 / 预授权 at a cabinet, as typed (¥, two decimals at most; 0 turns deposits
   * off there). Null when saved, else the error to show; the list shows the cloud's answer.
   */
  setDeposit: (deviceCode: string, amountText: string) => Promise<AppError | null>
  /** Saves a drawn QR sticker to the album: null when saved or cancelled, else the error to show. */
  saveQrToAlbum: (canvas: CanvasNode, device: MerchantDevice) => Promise<AppError | null>
}

/** The contract's ceiling (SetDepositRequest): ¥500.00. */
const MAX_DEPOSIT_FEN = 50_000

export const createDevicesSlice: StateCreator<MerchantState, [], [], DevicesSlice> = (set, get) => ({
  devices: idle(),

  loadDevices: async () => {
    await fetchInto(
      () => get().devices,
      (devices) => set({ devices }),
      async () => {
        const r = await callApi('listMerchantDevices', {})
        return r.ok ? { ...r, data: r.data.items } : r
      },
    )
  },

  setDeposit: async (deviceCode, amountText) => {
    const parsed = parseYuanToFen(amountText)
    if (!parsed.ok)
      return new AppError('VALIDATION_FAILED', { message: parsed.reason, hint: '如 50 或 50.00' })
    if (parsed.fen > MAX_DEPOSIT_FEN)
      return new AppError('VALIDATION_FAILED', { message: '押金最多 ¥500.00', hint: '请输入 0–500 元' })
    const result = await callApi('setDeviceDeposit', {
      path: { deviceCode },
      body: { depositFen: parsed.fen },
      idempotencyKey: newId('deposit-'),
    })
    if (!result.ok) return result.error
    set((s) => ({
      devices: {
        ...s.devices,
        data: s.devices.data?.map((d) => (d.code === deviceCode ? result.data : d)) ?? null,
      },
    }))
    return null
  },

  saveQrToAlbum: async (canvas, device) => {
    const saved = await platform.saveImageToAlbum(canvas, `${device.name}-${device.code}.png`)
    return saved.ok ? null : refusalError(saved.reason, 'ALBUM_DENIED', saved.detail)
  },
})
