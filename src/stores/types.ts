import type { StreamEvent, StreamStatus } from '@/api/stream'
import type { CabinetSlice } from './cabinetSlice'
import type { CreditSlice } from './creditSlice'
import type { DoorSlice } from './doorSlice'
import type { PaymentSlice } from './paymentSlice'
import type { PrefsSlice } from './prefsSlice'
import type { PrivacySlice } from './privacySlice'
import type { ResumeSlice } from './resumeSlice'
import type { SessionSlice } from './sessionSlice'

export type AppState = SessionSlice &
  CabinetSlice &
  DoorSlice &
  CreditSlice &
  PaymentSlice &
  PrefsSlice &
  PrivacySlice &
  ResumeSlice

/** What the store needs from the outside world besides the transport; tests pass stand-ins. */
export interface StorePorts {
  stream: {
    readonly status: StreamStatus
    subscribe: (sessionId: string, afterSeq: number) => () => void
    acknowledge: (sessionId: string, seq: number) => void
    onEvent: (listener: (event: StreamEvent) => void) => () => void
    onStatus: (listener: (status: StreamStatus) => void) => () => void
  }
}
