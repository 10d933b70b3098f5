import WebSocket from 'ws'
import type { SmokeCloud } from './cloud'
import type { SocketPolicy } from './screen'

/** One WebSocket the app opened, as the network saw it. */
export interface SocketRecord {
  /** The URL as the app asked for it (its stream URL with the token). */
  url: string
  state: 'connecting' | 'open' | 'closed' | 'refused'
  /** Parsed frames the app sent and received, in order (the raw text when a frame is not JSON). */
  sent: unknown[]
  received: unknown[]
}

/** What the platform's socket hands back to the stand-in of wx.connectSocket / my.connectSocket. */
export interface SocketListeners {
  onOpen: () => void
  onMessage: (text: string) => void
  onClose: (code: number, reason: string) => void
  onError: (message: string) => void
}

export interface StandInSocket {
  send: (text: string) => void
  close: (code?: number, reason?: string) => void
}

export interface SocketHub {
  readonly records: SocketRecord[]
  connect: (url: string, listeners: SocketListeners) => StandInSocket
  /** Cuts every socket still open and refuses any later one (the page was closed). */
  closeAll: () => void
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * The network under the platform's WebSocket API. `live` sockets to the app's stream URL go to the
 * emulator's real `/v1/stream` (the `ws` client); `refused` ones fail on the next tick with an error and
 * a 1006 close, as a blocked connection does. Listeners run on later ticks, never inside `connect`.
 */
export function createSocketHub(cloud: SmokeCloud, policy: SocketPolicy): SocketHub {
  const records: SocketRecord[] = []
  const open = new Set<WebSocket>()
  let closed = false

  const refuse = (record: SocketRecord, listeners: SocketListeners, why: string): StandInSocket => {
    record.state = 'refused'
    setTimeout(() => {
      listeners.onError(why)
      listeners.onClose(1006, why)
    })
    return { send: () => undefined, close: () => undefined }
  }

  const connect = (url: string, listeners: SocketListeners): StandInSocket => {
    const record: SocketRecord = { url, state: 'connecting', sent: [], received: [] }
    records.push(record)
    if (closed) return refuse(record, listeners, 'the page was closed')
    if (policy === 'refused') return refuse(record, listeners, 'connection refused')
    const target = cloud.streamTarget(url)
    if (!target) return refuse(record, listeners, `the app opened ${url}, outside the stream URL`)

    const ws = new WebSocket(target)
    open.add(ws)
    ws.on('open', () => {
      record.state = 'open'
      listeners.onOpen()
    })
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : String(data)
      record.received.push(parsed(text))
      listeners.onMessage(text)
    })
    // After closeAll the app is gone: its socket closes without telling it.
    ws.on('error', (err) => closed || listeners.onError(err.message))
    ws.on('close', (code, reason) => {
      open.delete(ws)
      record.state = 'closed'
      if (!closed) listeners.onClose(code, reason.toString())
    })
    return {
      send: (text) => {
        if (ws.readyState !== WebSocket.OPEN) return
        record.sent.push(parsed(text))
        ws.send(text)
      },
      close: (code, reason) => {
        if (ws.readyState === WebSocket.CONNECTING) ws.terminate()
        else ws.close(code ?? 1000, reason)
      },
    }
  }

  return {
    records,
    connect,
    closeAll: () => {
      closed = true
      for (const ws of open) ws.terminate()
      open.clear()
    },
  }
}
