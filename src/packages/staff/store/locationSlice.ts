import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import { newId } from '@/api/ids'
import { callUntil, READ_DEADLINE_MS, READ_SCHEDULE } from '@/api/retry'
import type { DeviceLocationChange } from '@/api/types'
import { AppError, refusalError } from '@/domain/errors'
import type { PickedLocation } from '@/platform/types'
import type { StaffPorts, StaffState } from './types'

export interface LocationCorrection {
  deviceCode: string | null
  /** On the platform's map, or saving: another tap does nothing until it ends. */
  busy: 'picking' | 'saving' | null
  /**
   * A point the cloud will only take with the staff member's confirmation (far from the saved one, or
   * outside China), with the catalogue's words. The page asks; nothing is saved until then.
   */
  awaitingConfirmation: { point: PickedLocation; error: AppError } | null
  /** The location was left as it was: the picker cancelled (a short note), refused or failed (an error). */
  note: string | null
  error: AppError | null
  /** The last change saved, as the cloud recorded it. */
  saved: DeviceLocationChange | null
}

export interface LocationSlice {
  location: LocationCorrection
  /** 修改定位: the platform's map picker at the saved point, then the picked point saved. */
  correctLocation: (deviceCode: string) => Promise<void>
  /** The staff member confirmed a far point: saved with confirmFar. */
  confirmFarLocation: () => Promise<void>
  /** Not confirmed: the location stays as it was. */
  dismissFarLocation: () => void
}

const IDLE: LocationCorrection = {
  deviceCode: null,
  busy: null,
  awaitingConfirmation: null,
  note: null,
  error: null,
  saved: null,
}

export const UNCHANGED_NOTE = '已取消，定位未修改'
export const SAVED_NOTE = '定位已更新'

export const createLocationSlice =
  (ports: Pick<StaffPorts, 'chooseLocation'>): StateCreator<StaffState, [], [], LocationSlice> =>
  (set, get) => {
    const patch = (next: Partial<LocationCorrection>) =>
      set((s) => ({ location: { ...s.location, ...next } }))

    /**
     * One key per point and answer to the confirmation: a lost answer is sent again with the same key and
     * body (the cloud keeps one change), a confirmed resend is another request with a key of its own.
     */
    const save = async (deviceCode: string, point: PickedLocation, confirmFar: boolean) => {
      patch({ busy: 'saving', awaitingConfirmation: null, note: null, error: null })
      const key = newId('location-')
      const body = confirmFar ? { ...point, confirmFar: true } : { ...point }
      const result = await callUntil(Date.now() + READ_DEADLINE_MS, READ_SCHEDULE, (timeoutMs) =>
        callApi('updateDeviceLocation', { path: { deviceCode }, body, idempotencyKey: key, timeoutMs }),
      )
      if (result.ok) {
        patch({ busy: null, saved: result.data, note: SAVED_NOTE })
        // The page shows what the cloud saved, who and when included.
        set((s) =>
          s.device.detail?.code === deviceCode
            ? { device: { ...s.device, detail: { ...s.device.detail, location: result.data.location } } }
            : {},
        )
        return
      }
      if (result.error.code === 'LOCATION_NEEDS_CONFIRMATION' && !confirmFar) {
        patch({
          busy: null,
          awaitingConfirmation: { point, error: result.error },
        })
        return
      }
      patch({ busy: null, error: result.error })
    }

    return {
      location: IDLE,

      correctLocation: async (deviceCode) => {
        // A double tap, or a tap while the map or the save is still going: one picker, one request.
        if (get().location.busy || get().location.awaitingConfirmation) return
        set({ location: { ...IDLE, deviceCode, busy: 'picking' } })
        const saved = get().device.detail?.code === deviceCode ? get().device.detail?.location : null
        const picked = await ports.chooseLocation(
          saved ? { latitude: saved.latitude, longitude: saved.longitude } : undefined,
        )
        if (!picked.ok) {
          const error = refusalError(picked.reason, 'LOCATION_DENIED', picked.detail)
          patch({ busy: null, note: error ? null : UNCHANGED_NOTE, error })
          return
        }
        await save(deviceCode, picked.location, false)
      },

      confirmFarLocation: async () => {
        const { deviceCode, awaitingConfirmation, busy } = get().location
        if (!deviceCode || !awaitingConfirmation || busy) return
        await save(deviceCode, awaitingConfirmation.point, true)
      },

      dismissFarLocation: () => {
        if (get().location.awaitingConfirmation)
          patch({ awaitingConfirmation: null, note: UNCHANGED_NOTE, error: null })
      },
    }
  }
