import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Settings } from '../model/state'
import { createAssetHandlers } from '../handlers/assets'
import { Control, createControlHandlers } from '../handlers/control'
import { createHandlers } from '../handlers'
import { EXPOSED_HEADERS } from '../handlers/http'
import type { CloudErrorCode } from '../model/errors'
import { Runtime, type Cloud } from '../handlers/runtime'
import { StreamHub } from '../handlers/stream'
import { serveWithHandlers } from './bridge'
import { send, serveApp, serveSimulator } from './static'

export interface EmulatorServerOptions {
  /** default 8787; 0 picks a free port */
  port?: number
  /** default 127.0.0.1; 0.0.0.0 for phones on the LAN */
  host?: string
  /** a scenario of mock/model/fixtures (SCENARIO_NAMES) (default `demo`) */
  scenario?: string
  /** the H5 build served at /app/ (default dist/h5); null serves none */
  appDir?: string | null
  /** no console output */
  quiet?: boolean
  /** `system` (default: real time, with travel) or `manual` (time moves only through /__control/clock) */
  clock?: 'system' | 'manual'
  /** where a scenario's clock starts: an ISO instant, `fixture` (default) or `now` */
  startAt?: string
  /** cloud settings (door delay, settlement delay, …) */
  settings?: Partial<Settings>
  /** the origin the cloud should put in image URLs (default: this server's address) */
  publicUrl?: string
}

export interface EmulatorServer {
  /** e.g. http://127.0.0.1:8787 */
  url: string
  port: number
  /** the cloud of the current scenario */
  readonly cloud: Cloud
  runtime: Runtime
  control: Control
  stream: StreamHub
  stop(): Promise<void>
}

const DEFAULT_APP_DIR = path.resolve(__dirname, '..', '..', 'dist', 'h5')

function lanAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  }
  return null
}

/**
 * The contract's error body straight from Node, for what never reached a handler; with the handlers' CORS
 * (never on the control side, which answers no other origin).
 */
function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: CloudErrorCode,
  message: string,
): void {
  const origin = req.headers.origin
  // Read raw: this also answers requests whose URL did not parse.
  const cors: Record<string, string> = (req.url ?? '').startsWith('/__control/')
    ? {}
    : {
        'Access-Control-Allow-Origin': origin ?? '*',
        'Access-Control-Expose-Headers': EXPOSED_HEADERS,
        Vary: 'Origin',
      }
  send(res, status, JSON.stringify({ code, message }), 'application/json; charset=utf-8', cors)
}

/** Refuses a WebSocket upgrade with an HTTP status and the contract's Error body. */
function refuseUpgrade(socket: Socket, status: number, text: string, body: unknown): void {
  const json = JSON.stringify(body)
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  )
}

/**
 * The emulated cloud as a real HTTP + WebSocket server, for WeChat DevTools, the Alipay IDE, phones on the
 * LAN, the browser demo and the e2e suite: the contract's API at /v1 (the same msw handlers as jest, through
 * the bridge), the stream at /v1/stream, the control side at /__control, goods pictures at /assets, the H5
 * build at /app/ and the cabinet simulator at /.
 */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1'
  const quiet = options.quiet ?? false
  const appDir = options.appDir === undefined ? DEFAULT_APP_DIR : options.appDir
  const runtime = new Runtime({
    scenario: options.scenario ?? 'demo',
    clock: options.clock ?? 'system',
    startAt: options.startAt ?? 'fixture',
    settings: options.settings,
    log: quiet ? () => undefined : undefined,
  })
  const stream = new StreamHub(runtime)
  const control = new Control(runtime, () => stream.size)
  const handlers = [
    ...createHandlers(runtime),
    ...createControlHandlers(control),
    ...createAssetHandlers(runtime),
  ]

  let origin = ''
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch((error: unknown) => {
      runtime.log('request failed', error)
      if (!res.headersSent) sendError(req, res, 500, 'SERVER_ERROR', '服务暂时不可用，请稍后再试')
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const urlPath = new URL(req.url ?? '/', 'http://emulator').pathname
    if (urlPath.startsWith('/v1/') || urlPath.startsWith('/__control/') || urlPath.startsWith('/assets/')) {
      if (urlPath === '/v1/stream' && req.method === 'GET') {
        send(
          res,
          426,
          JSON.stringify({ code: 'VALIDATION_FAILED', message: '请使用 WebSocket 连接' }),
          'application/json',
          {
            Upgrade: 'websocket',
          },
        )
        return
      }
      // Requests are answered relative to the Host they came to, so the LAN and localhost both work.
      const served = await serveWithHandlers(
        handlers,
        req,
        res,
        `http://${req.headers.host ?? origin.slice(7)}`,
        runtime.log,
      )
      if (!served) sendError(req, res, 404, 'NOT_FOUND', '接口不存在')
      return
    }
    if (urlPath === '/app') {
      res.writeHead(302, { Location: '/app/' })
      res.end()
      return
    }
    if (urlPath.startsWith('/app/')) return serveApp(appDir, urlPath, res)
    if (urlPath === '/healthz') return send(res, 200, 'ok', 'text/plain; charset=utf-8')
    if (await serveSimulator(urlPath, res)) return
    send(res, 404, 'not found', 'text/plain; charset=utf-8')
  }

  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://emulator')
    if (url.pathname !== '/v1/stream') {
      refuseUpgrade(socket, 404, 'Not Found', { code: 'NOT_FOUND', message: '接口不存在' })
      return
    }
    const token = url.searchParams.get('token')
    const userId = stream.authenticate(token)
    if (!userId || !token) {
      refuseUpgrade(socket, 401, 'Unauthorized', { code: 'AUTH_REQUIRED', message: '请先登录' })
      return
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const connection = stream.attach(
        {
          send: (text) => ws.send(text),
          close: (code, reason) => ws.close(code, reason),
          terminate: () => ws.terminate(),
        },
        userId,
        token,
      )
      ws.on('message', (data, isBinary) => connection.receive(isBinary ? '' : data.toString()))
      ws.on('close', () => connection.detach())
      ws.on('error', () => connection.detach())
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const shownHost = host === '0.0.0.0' || host === '::' ? (lanAddress() ?? '127.0.0.1') : host
  origin = `http://${shownHost}:${port}`
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`
  runtime.configure({ assetBaseUrl: `${(options.publicUrl ?? origin).replace(/\/+$/, '')}/assets` })

  return {
    url,
    port,
    get cloud() {
      return runtime.cloud
    },
    runtime,
    control,
    stream,
    async stop() {
      stream.close()
      for (const client of wss.clients) client.terminate()
      wss.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
