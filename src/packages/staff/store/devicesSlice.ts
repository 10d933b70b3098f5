import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { Alarm, StaffDevice, StaffDeviceDetail } from '@/api/types'
import { AppError } from '@/domain/errors'
import type { LoadStatus, StaffState } from './types'

export interface DevicesSlice {
  devices: { items: StaffDevice[]; status: LoadStatus; error: AppError | null }
  loadDevices: () => Promise<void>
  device: {
    code: string | null
    detail: StaffDeviceDetail | null
    status: LoadStatus
    error: AppError | null
  }
  loadDevice: (code: string) => Promise<StaffDeviceDetail | null>
  alarms: {
    deviceCode: string | null
    items: Alarm[]
    nextCursor: string | null
    status: LoadStatus
    error: AppError | null
    acking: string | null
  }
  /** Alarms newest first, of one device or of all the staff member's devices; `more` pages on. */
  loadAlarms: (deviceCode: string | null, more?: boolean) => Promise<void>
  acknowledgeAlarm: (alarmId: string) => Promise<AppError | null>
  bindStaff: (inviteCode: string) => Promise<AppError | null>
}

export const createDevicesSlice: StateCreator<StaffState, [], [], DevicesSlice> = (set, get) => {
  const replaceAlarm = (alarm: Alarm) => {
    const swap = (list: Alarm[]) => list.map((a) => (a.id === alarm.id ? alarm : a))
    set((s) => ({
      alarms: { ...s.alarms, items: swap(s.alarms.items) },
      devices: {
        ...s.devices,
        items: s.devices.items.map((d) =>
          d.code === alarm.deviceCode ? { ...d, alarms: swap(d.alarms) } : d,
        ),
      },
      device:
        s.device.detail?.code === alarm.deviceCode
          ? { ...s.device, detail: { ...s.device.detail, alarms: swap(s.device.detail.alarms) } }
          : s.device,
    }))
  }

  return {
    devices: { items: [], status: 'idle', error: null },

    loadDevices: async () => {
      set((s) => ({ devices: { ...s.devices, status: 'loading', error: null } }))
      const result = await callApi('listStaffDevices', {})
      if (result.ok) set({ devices: { items: result.data.items, status: 'ready', error: null } })
      else set((s) => ({ devices: { ...s.devices, status: 'error', error: result.error } }))
    },

    device: { code: null, detail: null, status: 'idle', error: null },

    loadDevice: async (code) => {
      set((s) => ({
        device: {
          code,
          detail: s.device.code === code ? s.device.detail : null,
          status: 'loading',
          error: null,
        },
      }))
      const result = await callApi('getStaffDevice', { path: { deviceCode: code } })
      if (get().device.code !== code) return null
      if (result.ok) {
        set({ device: { code, detail: result.data, status: 'ready', error: null } })
        return result.data
      }
      set((s) => ({ device: { ...s.device, status: 'error', error: result.error } }))
      return null
    },

    alarms: { deviceCode: null, items: [], nextCursor: null, status: 'idle', error: null, acking: null },

    loadAlarms: async (deviceCode, more = false) => {
      const before = get().alarms
      const cursor = more && before.deviceCode === deviceCode ? before.nextCursor : null
      if (more && !cursor) return
      set((s) => ({ alarms: { ...s.alarms, deviceCode, status: 'loading', error: null } }))
      const result = await callApi('listAlarms', {
        query: { deviceCode: deviceCode ?? undefined, cursor: cursor ?? undefined, limit: 20 },
      })
      if (get().alarms.deviceCode !== deviceCode) return
      if (!result.ok) {
        set((s) => ({ alarms: { ...s.alarms, status: 'error', error: result.error } }))
        return
      }
      set((s) => ({
        alarms: {
          ...s.alarms,
          items: cursor ? [...s.alarms.items, ...result.data.items] : result.data.items,
          nextCursor: result.data.nextCursor,
          status: 'ready',
        },
      }))
    },

    acknowledgeAlarm: async (alarmId) => {
      if (get().alarms.acking) return null
      set((s) => ({ alarms: { ...s.alarms, acking: alarmId } }))
      // Acknowledging is idempotent in the cloud; one key per alarm makes a retry land on the same effect.
      const result = await callApi('acknowledgeAlarm', {
        path: { alarmId },
        idempotencyKey: `ack-${alarmId}`,
      })
      set((s) => ({ alarms: { ...s.alarms, acking: null } }))
      if (!result.ok) return result.error
      replaceAlarm(result.data)
      return null
    },

    bindStaff: async (inviteCode) => {
      const code = inviteCode.trim().toUpperCase()
      if (!/^[A-Z0-9]{4,32}$/.test(code)) return new AppError('STAFF_INVITE_INVALID')
      const result = await callApi('bindStaff', { body: { inviteCode: code } })
      if (!result.ok) return result.error
      await get().loadDevices()
      return null
    },
  }
}
