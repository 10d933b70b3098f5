import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { KeyValueStorage } from '@/platform/types'
import { createCabinetSlice } from './cabinetSlice'
import { createCreditSlice } from './creditSlice'
import { createDoorSlice } from './doorSlice'
import { createPaymentSlice } from './paymentSlice'
import { createPrefsSlice } from './prefsSlice'
import { createPrivacySlice } from './privacySlice'
import { createResumeSlice } from './resumeSlice'
import { createSessionSlice } from './sessionSlice'
import type { AppState, StorePorts } from './types'

export const PERSIST_KEY = 'cabinet-app'

/** One bound store from slices; persistence sits on the combined store and keeps only what must survive. */
export function createAppStore(storage: KeyValueStorage, ports: StorePorts) {
  return create<AppState>()(
    persist(
      (...a) => ({
        ...createSessionSlice(...a),
        ...createCabinetSlice(...a),
        ...createDoorSlice(ports)(...a),
        ...createCreditSlice(...a),
        ...createPaymentSlice(...a),
        ...createPrefsSlice(...a),
        ...createPrivacySlice(...a),
        ...createResumeSlice(...a),
      }),
      {
        name: PERSIST_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        // The door hint is only a hint: after a restart the cloud's getActiveState decides (resumeSlice).
        partialize: (s) => ({
          token: s.token,
          tokenExpiresAt: s.tokenExpiresAt,
          user: s.user,
          elderMode: s.elderMode,
          doorHint: s.doorHint,
        }),
      },
    ),
  )
}
