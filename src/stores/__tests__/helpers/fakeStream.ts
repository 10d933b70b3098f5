import type { StreamEvent, StreamStatus } from '@/api/stream'
import type { StorePorts } from '../../types'

/** A stand-in for the app's socket: tests push events and flip its status by hand. */
type StreamPort = StorePorts['stream']

export class FakeStream implements StreamPort {
  status: StreamStatus = 'idle'
  readonly subscriptions = new Map<string, number>()
  private readonly eventListeners = new Set<(event: StreamEvent) => void>()
  private readonly statusListeners = new Set<(status: StreamStatus) => void>()

  subscribe(sessionId: string, afterSeq: number) {
    this.subscriptions.set(sessionId, afterSeq)
    return () => void this.subscriptions.delete(sessionId)
  }

  acknowledge(sessionId: string, seq: number) {
    if (this.subscriptions.has(sessionId)) this.subscriptions.set(sessionId, seq)
  }

  onEvent(listener: (event: StreamEvent) => void) {
    this.eventListeners.add(listener)
    return () => void this.eventListeners.delete(listener)
  }

  onStatus(listener: (status: StreamStatus) => void) {
    this.statusListeners.add(listener)
    return () => void this.statusListeners.delete(listener)
  }

  push(event: StreamEvent) {
    this.eventListeners.forEach((l) => l(event))
  }

  setStatus(status: StreamStatus) {
    this.status = status
    this.statusListeners.forEach((l) => l(status))
  }
}

export const fakePorts = (): StorePorts & { stream: FakeStream } => ({ stream: new FakeStream() })
