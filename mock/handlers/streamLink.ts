import { ws, type WebSocketHandler } from 'msw'
import { CLOSE_AUTH, type StreamHub } from './stream'

/**
 * The stream (`openStream`) as an msw WebSocket handler, for hosts without a real socket server: jest
 * (the app's CloudStream over jsdom's WebSocket) and a browser worker. The HTTP host uses the `ws` server
 * instead; both hand their sockets to the same StreamHub.
 */
export function createStreamHandler(hub: StreamHub): WebSocketHandler {
  const link = ws.link('*/v1/stream')
  return link.addEventListener('connection', ({ client }) => {
    const token = client.url.searchParams.get('token')
    const userId = hub.authenticate(token)
    if (!userId || !token) {
      // msw cannot refuse the upgrade with a 401 as the HTTP host does; the socket opens, says why and
      // closes. Each step waits a tick: msw drops frames sent before the open or right before the close.
      setTimeout(() => {
        client.send(JSON.stringify({ type: 'error', code: 'AUTH_REQUIRED', message: '请先登录' }))
        setTimeout(() => client.close(CLOSE_AUTH, 'unauthorized'), 10)
      }, 0)
      return
    }
    const connection = hub.attach(
      {
        send: (text) => client.send(text),
        close: (code, reason) => client.close(code, reason),
        // 1006 is what a client sees when the network drops the connection without a closing handshake.
        terminate: () => client.close(1006, 'connection dropped'),
      },
      userId,
      token,
    )
    client.addEventListener('message', (event) => {
      connection.receive(typeof event.data === 'string' ? event.data : '')
    })
    client.addEventListener('close', () => connection.detach())
  })
}
