import { isCloudError, type CloudErrorCode } from '../model/errors'
import type { CloudEvent } from '../model/state'
import type { RestockSessionEvent, SessionEvent } from '../model/types'
import type { Cloud, Runtime } from './runtime'

/**
 * The app's WebSocket (`openStream`), independent of what carries it: the `ws` server of the HTTP host and
 * msw's WebSocket interception in jest both hand their sockets to a StreamHub. Protocol (the contract's
 * StreamClientMessage / StreamServerMessage): `ping` → `pong` with the same `t`; `subscribe` replays every
 * stored event of the session with `seq > afterSeq`, then pushes live events in order; only the session's
 * owner may subscribe. Per subscription the hub remembers the last seq sent, so a replay and a live event
 * can never deliver the same seq twice.
 */
export interface StreamPeer {
  send(text: string): void
  /** A clean close with a code (auth failures, scenario resets). */
  close(code: number, reason: string): void
  /** Cut without a closing handshake, as a dropped network does. */
  terminate(): void
}

export interface StreamConnection {
  readonly userId: string
  receive(text: string): void
  /** The transport closed; forget the connection. */
  detach(): void
}

/** Close code for an expired token (application range 4000–4999, after HTTP 401). */
export const CLOSE_AUTH = 4401
/** Close code when the emulator loads another scenario (the old tokens are gone with the old world). */
export const CLOSE_RESET = 4000

export class StreamHub {
  private readonly connections = new Set<Connection>()
  private unsubscribe: () => void

  constructor(private readonly runtime: Runtime) {
    this.unsubscribe = this.listen(runtime.cloud)
    runtime.onReset((cloud) => {
      this.unsubscribe()
      this.unsubscribe = this.listen(cloud)
      for (const c of [...this.connections]) c.peer.close(CLOSE_RESET, 'scenario reset')
      this.connections.clear()
    })
    runtime.addSocketDropper(() => this.dropAll())
  }

  /** The user behind a stream token, or null (the upgrade is then refused with 401). */
  authenticate(token: string | null): string | null {
    return token ? this.runtime.cloud.authenticate(token) : null
  }

  attach(peer: StreamPeer, userId: string, token: string): StreamConnection {
    const connection = new Connection(this.runtime, peer, userId, token, () =>
      this.connections.delete(connection),
    )
    this.connections.add(connection)
    return connection
  }

  get size(): number {
    return this.connections.size
  }

  /** Cuts every socket without a closing handshake; the app has to notice and reconnect. */
  dropAll(): number {
    const count = this.connections.size
    for (const c of [...this.connections]) c.peer.terminate()
    this.connections.clear()
    return count
  }

  close(): void {
    this.unsubscribe()
    this.dropAll()
  }

  private listen(cloud: Cloud): () => void {
    return cloud.subscribe((event: CloudEvent) => {
      if (event.type !== 'session_event' && event.type !== 'restock_event') return
      for (const c of this.connections) c.push(event.sessionId, event.userId, event.event)
    })
  }
}

class Connection implements StreamConnection {
  /** session id → the last seq sent on this connection */
  private readonly subscriptions = new Map<string, number>()

  constructor(
    private readonly runtime: Runtime,
    readonly peer: StreamPeer,
    readonly userId: string,
    private readonly token: string,
    private readonly forget: () => void,
  ) {}

  receive(text: string): void {
    // A token can expire while the socket is open; the next frame finds out, as the real cloud would.
    if (this.runtime.cloud.authenticate(this.token) !== this.userId) {
      this.sendJson({ type: 'error', code: 'AUTH_REQUIRED', message: '登录已过期，请重新登录' })
      this.peer.close(CLOSE_AUTH, 'token expired')
      this.detach()
      return
    }
    let message: Record<string, unknown>
    try {
      const parsed = JSON.parse(text) as unknown
      if (!parsed || typeof parsed !== 'object') throw new Error('not an object')
      message = parsed as Record<string, unknown>
    } catch {
      this.sendError('VALIDATION_FAILED', '消息不是有效的 JSON')
      return
    }
    if (message.type === 'ping') {
      if (typeof message.t !== 'number') return this.sendError('VALIDATION_FAILED', 'ping 缺少 t')
      this.sendJson({ type: 'pong', t: message.t })
      return
    }
    if (message.type === 'subscribe') {
      const { sessionId, afterSeq } = message
      if (typeof sessionId !== 'string' || sessionId === '') {
        return this.sendError('VALIDATION_FAILED', 'subscribe 缺少 sessionId')
      }
      if (typeof afterSeq !== 'number' || !Number.isInteger(afterSeq) || afterSeq < 0) {
        return this.sendError('VALIDATION_FAILED', 'afterSeq 须为非负整数', sessionId)
      }
      this.subscribe(sessionId, afterSeq)
      return
    }
    this.sendError('VALIDATION_FAILED', '不支持的消息类型')
  }

  push(sessionId: string, ownerId: string, event: SessionEvent | RestockSessionEvent): void {
    const last = this.subscriptions.get(sessionId)
    if (last === undefined || ownerId !== this.userId || event.seq <= last) return
    this.subscriptions.set(sessionId, event.seq)
    this.sendJson({ type: 'event', sessionId, event })
  }

  detach(): void {
    this.subscriptions.clear()
    this.forget()
  }

  private subscribe(sessionId: string, afterSeq: number): void {
    let missed: { items: (SessionEvent | RestockSessionEvent)[] }
    try {
      // The cloud's own read decides: unknown session, someone else's session, or the events to replay.
      missed = this.replay(sessionId, afterSeq)
    } catch (error) {
      const code: CloudErrorCode = isCloudError(error) ? error.code : 'SERVER_ERROR'
      const text = isCloudError(error) ? error.message : '服务暂时不可用'
      this.sendError(code, text, sessionId)
      return
    }
    this.subscriptions.set(sessionId, afterSeq)
    for (const event of missed.items) this.push(sessionId, this.userId, event)
  }

  /** A door session's events, or a restock session's when no door session has that id. */
  private replay(sessionId: string, afterSeq: number): { items: (SessionEvent | RestockSessionEvent)[] } {
    const cloud = this.runtime.cloud
    try {
      return cloud.listDoorSessionEvents(this.userId, sessionId, afterSeq)
    } catch (error) {
      if (!isCloudError(error) || error.code !== 'SESSION_NOT_FOUND') throw error
      return cloud.listRestockSessionEvents(this.userId, sessionId, afterSeq)
    }
  }

  private sendError(code: CloudErrorCode, message: string, sessionId?: string): void {
    this.sendJson(
      sessionId === undefined
        ? { type: 'error', code, message }
        : { type: 'error', code, sessionId, message },
    )
  }

  private sendJson(message: unknown): void {
    try {
      this.peer.send(JSON.stringify(message))
    } catch {
      // The socket is already gone; its close handler detaches it.
    }
  }
}
