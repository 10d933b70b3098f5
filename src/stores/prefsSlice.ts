import type { StateCreator } from 'zustand'
import type { AppState } from './types'

export interface PrefsSlice {
  /** 长辈模式: larger type and buttons across the shopper path, and spoken prompts. */
  elderMode: boolean
  setElderMode: (on: boolean) => void
}

export const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set) => ({
  elderMode: false,
  setElderMode: (on) => set({ elderMode: on }),
})
