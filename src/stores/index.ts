import { configureTransport } from '@/api/transport'
import { platform } from '@/platform'
import { createAppStore } from './createAppStore'

export type { AppState } from './types'

export const useAppStore = createAppStore(platform.storage)

// The transport reads the token from the store and asks it for a silent re-login on a 401.
configureTransport({
  getToken: () => useAppStore.getState().token,
  relogin: () => useAppStore.getState().login(),
})
