import { addSample, cloudToLocal, offsetMs, type ClockOffset } from '@/domain/cloudClock'
import { parseIso } from '@/domain/time'

// The app's one estimate of the cloud's clock, fed by the transport from every answer's `Date` header.
let estimate: ClockOffset | null = null

/** Called by the transport with each answer that carried the cloud's time. */
export function noteServerDate(serverTime: number, sentAt: number, receivedAt: number): void {
  estimate = addSample(estimate, { serverTime, resolutionMs: 1000, sentAt, receivedAt })
}

/** A cloud time (ISO text) on this phone's clock, or null when the text is not a time. */
export function cloudIsoToLocal(iso: string | undefined | null): number | null {
  const cloudTime = iso ? parseIso(iso) : null
  return cloudTime === null ? null : cloudToLocal(cloudTime, estimate)
}

/** cloud − phone, in ms (0 before the first answer). */
export function cloudOffsetMs(): number {
  return offsetMs(estimate)
}

/** Tests start each case with no knowledge of the cloud's clock. */
export function resetCloudClock(): void {
  estimate = null
}
