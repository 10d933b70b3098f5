import type { KeyValueStorage, Platform } from '@/platform/types'
import type { StorePorts } from '@/stores/types'
import type { AbnormalSlice } from './abnormalSlice'
import type { DevicesSlice } from './devicesSlice'
import type { LocationSlice } from './locationSlice'
import type { RestockSlice } from './restockSlice'
import type { SettingsSlice } from './settingsSlice'
import type { StocktakeSlice } from './stocktakeSlice'
import type { SyncSlice } from './syncSlice'

export type StaffState = DevicesSlice &
  RestockSlice &
  StocktakeSlice &
  AbnormalSlice &
  SettingsSlice &
  LocationSlice &
  SyncSlice

/**
 * What the staff store needs from outside: the app's one socket, the phone's storage, network changes, the
 * platform's map picker.
 */
export interface StaffPorts {
  stream: StorePorts['stream']
  storage: KeyValueStorage
  onNetworkChange: (listener: (online: boolean) => void) => () => void
  chooseLocation: Platform['chooseLocation']
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'
