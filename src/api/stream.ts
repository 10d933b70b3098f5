import { platform } from '@/platform'
import type { SocketConnection } from '@/platform/types'
import { backoffPause, type RandomSource } from './retry'

/**
 * The app's one WebSocket to the cloud (Alipay allows only one, WeChat caps them): session events with a
 * per-session sequence number, an app-level ping every 20 s, reconnect with backoff, and re-subscription
 * from the last applied sequence number after every reconnect so nothing is lost in the gap. Callers that
 * need certainty while it is down poll over HTTP; `status` tells them when.
 */
export type StreamStatus = 'idle' | 'connecting' | 'open' | 'down'

export interface StreamEvent {
  sessionId: string
  seq: number
  [key: string]: unknown
}

type EventListener = (event: StreamEvent) => void
type StatusListener = (status: StreamStatus) => void

export interface StreamOptions {
  url: string
  getToken: () => string | null
  heartbeatMs?: number
  /** How long a ping may go unanswered before the connection is treated as dead. */
  pongTimeoutMs?: number
  /** Pauses before the first, second… reconnect (the last repeats), jittered so phones dropped together
   * (a cabinet's Wi-Fi) do not all come back in the same instant. */
  backoffMs?: number[]
  random?: RandomSource
}

const RECONNECT_MS = [500, 1000, 2000, 4000, 8000, 15000]

export class CloudStream {
  private connection: SocketConnection | null = null
  private state: StreamStatus = 'idle'
  private readonly subscriptions = new Map<string, number>()
  private readonly eventListeners = new Set<EventListener>()
  private readonly statusListeners = new Set<StatusListener>()
  private heartbeat: ReturnType<typeof setInterval> | undefined
  private pongDeadline: ReturnType<typeof setTimeout> | undefined
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined
  private attempts = 0
  private wanted = false
  private generation = 0

  constructor(private readonly options: StreamOptions) {}

  get status(): StreamStatus {
    return this.state
  }

  onEvent(listener: EventListener): () => void {
    this.eventListeners.add(listener)
    return () => this.eventListeners.delete(listener)
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  /** Follow a session from `afterSeq`; the cloud replays anything newer, then pushes live. */
  subscribe(sessionId: string, afterSeq: number): () => void {
    this.subscriptions.set(sessionId, afterSeq)
    this.ensureConnected()
    this.sendSubscribe(sessionId, afterSeq)
    return () => {
      this.subscriptions.delete(sessionId)
      if (this.subscriptions.size === 0) this.stop()
    }
  }

  /** Record how far a session has been applied, so a reconnect resumes from there. */
  acknowledge(sessionId: string, seq: number): void {
    const known = this.subscriptions.get(sessionId)
    if (known !== undefined && seq > known) this.subscriptions.set(sessionId, seq)
  }

  stop(): void {
    this.wanted = false
    this.generation++
    this.clearTimers()
    this.connection?.close()
    this.connection = null
    this.setStatus('idle')
  }

  private ensureConnected(): void {
    this.wanted = true
    if (this.state === 'connecting' || this.state === 'open') return
    void this.connect()
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation
    this.setStatus('connecting')
    const token = this.options.getToken()
    const url = token ? `${this.options.url}?token=${encodeURIComponent(token)}` : this.options.url
    try {
      const connection = await platform.openSocket(url, {
        onOpen: () => {
          if (generation !== this.generation) return
          this.attempts = 0
          this.setStatus('open')
          this.startHeartbeat()
          for (const [sessionId, afterSeq] of this.subscriptions) this.sendSubscribe(sessionId, afterSeq)
        },
        onMessage: (text) => generation === this.generation && this.handleMessage(text),
        onClose: () => generation === this.generation && this.handleDrop(),
        onError: () => generation === this.generation && this.handleDrop(),
      })
      if (generation !== this.generation) connection.close()
      else this.connection = connection
    } catch {
      if (generation === this.generation) this.handleDrop()
    }
  }

  private handleMessage(text: string): void {
    let message: Record<string, unknown>
    try {
      message = JSON.parse(text) as Record<string, unknown>
    } catch {
      return
    }
    if (message.type === 'pong') {
      clearTimeout(this.pongDeadline)
      return
    }
    if (message.type === 'event' && message.event && typeof message.sessionId === 'string') {
      const event = {
        ...(message.event as Record<string, unknown>),
        sessionId: message.sessionId,
      } as StreamEvent
      if (typeof event.seq !== 'number') return
      this.eventListeners.forEach((listener) => listener(event))
    }
  }

  private handleDrop(): void {
    this.clearTimers()
    this.connection?.close()
    this.connection = null
    this.generation++
    if (!this.wanted) {
      this.setStatus('idle')
      return
    }
    this.setStatus('down')
    this.attempts++
    const delay = backoffPause(this.attempts, this.options.backoffMs ?? RECONNECT_MS, this.options.random)
    this.reconnectTimer = setTimeout(() => void this.connect(), delay)
  }

  private startHeartbeat(): void {
    const every = this.options.heartbeatMs ?? 20_000
    this.heartbeat = setInterval(() => {
      this.send({ type: 'ping', t: Date.now() })
      clearTimeout(this.pongDeadline)
      this.pongDeadline = setTimeout(() => this.handleDrop(), this.options.pongTimeoutMs ?? 10_000)
    }, every)
  }

  private sendSubscribe(sessionId: string, afterSeq: number): void {
    if (this.state === 'open') this.send({ type: 'subscribe', sessionId, afterSeq })
  }

  private send(message: unknown): void {
    this.connection?.send(JSON.stringify(message))
  }

  private clearTimers(): void {
    clearInterval(this.heartbeat)
    clearTimeout(this.pongDeadline)
    clearTimeout(this.reconnectTimer)
  }

  private setStatus(status: StreamStatus): void {
    if (status === this.state) return
    this.state = status
    this.statusListeners.forEach((listener) => listener(status))
  }
}
