import type { CabinetSlice } from './cabinetSlice'
import type { PrefsSlice } from './prefsSlice'
import type { SessionSlice } from './sessionSlice'

export type AppState = SessionSlice & CabinetSlice & PrefsSlice
