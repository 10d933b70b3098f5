import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { MerchantDevice } from '@/api/types'
import { AppError } from '@/domain/errors'
import { platform } from '@/platform'
import type { CanvasNode } from '@/platform/types'
import { fetchInto, idle, type Load } from './load'
import type { MerchantState } from './types'

export interface DevicesSlice {
  devices: Load<MerchantDevice[]>
  loadDevices: () => Promise<void>
  /** Saves a drawn QR sticker to the album: null when saved or cancelled, else the error to show. */
  saveQrToAlbum: (canvas: CanvasNode, device: MerchantDevice) => Promise<AppError | null>
}

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

  saveQrToAlbum: async (canvas, device) => {
    const saved = await platform.saveImageToAlbum(canvas, `${device.name}-${device.code}.png`)
    if (saved.ok || saved.reason === 'cancelled') return null
    return new AppError(saved.reason === 'denied' ? 'ALBUM_DENIED' : 'PLATFORM_FAILED', {
      detail: saved.detail,
    })
  },
})
