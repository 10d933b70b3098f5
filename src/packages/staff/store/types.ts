import type { KeyValueStorage } from '@/platform/types'
import type { StorePorts } from '@/stores/types'
import type { AbnormalSlice } from './abnormalSlice'
import type { DevicesSlice } from './devicesSlice'
import type { RestockSlice } from './restockSlice'
import type { SettingsSlice } from './settingsSlice'
import type { StocktakeSlice } from './stocktakeSlice'
import type { SyncSlice } from './syncSlice'

export type StaffState = DevicesSlice &
  RestockSlice &
  StocktakeSlice &
  AbnormalSlice &
  SettingsSlice &
  SyncSlice

/** What the staff store needs from outside: the app's one socket, the phone's storage, network changes. */
export interface StaffPorts {
  stream: StorePorts['stream']
  storage: KeyValueStorage
  onNetworkChange: (listener: (online: boolean) => void) => () => void
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'
