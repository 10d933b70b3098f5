import { CloudStream } from '@/api/stream'
import { configureTransport } from '@/api/transport'
import { platform } from '@/platform'
import { createAppStore } from './createAppStore'

export type { AppState } from './types'

// The app's one socket; every screen that follows a session shares it.
export const cloudStream = new CloudStream({
  url: process.env.CABINET_STREAM_URL,
  getToken: () => useAppStore.getState().token,
})

export const useAppStore = createAppStore(platform.storage, { stream: cloudStream })

// The transport reads the token from the store and asks it for a silent re-login on a 401.
configureTransport({
  getToken: () => useAppStore.getState().token,
  relogin: () => useAppStore.getState().login(),
})
