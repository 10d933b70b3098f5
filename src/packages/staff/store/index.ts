import { platform } from '@/platform'
import { cloudStream } from '@/stores'
import { createStaffStore } from './createStaffStore'

export type { StaffState } from './types'

// The app's one socket and the platform's storage; the transport is already configured by '@/stores'.
export const useStaffStore = createStaffStore({
  stream: cloudStream,
  storage: platform.storage,
  onNetworkChange: platform.onNetworkChange,
  chooseLocation: platform.chooseLocation,
})

// Work kept from an earlier visit (or a restart) goes out as soon as the staff workspace is opened.
useStaffStore.getState().startSync()
