import { randomUUID } from 'node:crypto'
import { startEmulatorServer } from '../../../mock/server/start'

/** The API base the mini-program builds call by default (config/index.ts). */
export const APP_API_ORIGIN = 'http://127.0.0.1:8787'
/** Where the builds open their one WebSocket by default (config/index.ts: the API base over ws). */
export const APP_STREAM_URL = 'ws://127.0.0.1:8787/v1/stream'

/**
 * Short cloud delays: the lock answers 50 ms after an open and settlement takes 50 ms after a close. The
 * emulator's clock is manual, so both happen only when a test moves the clock on (`advanceClock`).
 */
export const CLOUD_SETTINGS = { doorDelayMs: 50, settlementDelayMs: 50 } as const

/** The fixture world the smoke run opens: the default `happy` shopper and cabinet (mock/model/fixtures). */
export const FIXTURE = { loginCode: 'code:u_happy', deviceCode: 'GZ0001A' } as const

export interface OutgoingRequest {
  url: string
  method?: string
  headers?: Record<string, string>
  data?: unknown
  /** `json` (the default on both platforms) parses a JSON answer; anything else leaves the text. */
  dataType?: string
}

export interface CloudAnswer {
  status: number
  headers: Record<string, string>
  data: unknown
}

/** One request as the app made it, and what came back (null status: it never reached the cloud). */
export interface Exchange {
  method: string
  url: string
  path: string
  status: number | null
  body: unknown
}

export interface SmokeCloud {
  /** Where the emulator listens (a free port on 127.0.0.1). */
  readonly url: string
  /** Every request the app made since the last `clearLog`, in order. */
  readonly log: Exchange[]
  clearLog: () => void
  /** Forwards a request the app addressed to APP_API_ORIGIN to the emulator. Throws on network failure. */
  send: (request: OutgoingRequest) => Promise<CloudAnswer>
  /** The emulator's stream for a socket URL the app opened (null when it is not the app's stream URL). */
  streamTarget: (appUrl: string) => string | null
  /** The emulator's control side (`POST /__control/<route>`): what the cabinet and the world do. */
  control: <T>(route: string, body?: Record<string, unknown>) => Promise<T>
  /** Moves the emulator's manual clock on, running every cloud timer that falls due (the lock, settlement). */
  advanceClock: (ms: number) => Promise<void>
  /** GETs a contract path as the fixture shopper (or `loginCode`'s user), logged in on its own (not through the app). */
  getAsShopper: (platform: 'weapp' | 'alipay', path: string, loginCode?: string) => Promise<unknown>
  stop: () => Promise<void>
}

function withQuery(url: string, method: string, data: unknown): string {
  // Both platforms put the data of a GET into the query string.
  if (method !== 'GET' || !data || typeof data !== 'object') return url
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (value !== undefined && value !== null) params.append(key, String(value))
  }
  const query = params.toString()
  return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url
}

function bodyOf(method: string, data: unknown): string | undefined {
  if (method === 'GET' || method === 'HEAD' || data === undefined || data === null) return undefined
  return typeof data === 'string' ? data : JSON.stringify(data)
}

export async function startCloud(): Promise<SmokeCloud> {
  // The real emulator on a free port, its clock still at the fixtures' reference time (a Friday noon).
  const server = await startEmulatorServer({
    port: 0,
    scenario: 'happy',
    appDir: null,
    quiet: true,
    clock: 'manual',
    settings: { ...CLOUD_SETTINGS },
  })
  const log: Exchange[] = []

  const send = async (request: OutgoingRequest): Promise<CloudAnswer> => {
    const method = (request.method ?? 'GET').toUpperCase()
    const appUrl = withQuery(request.url, method, request.data)
    const entry: Exchange = { method, url: appUrl, path: appUrl, status: null, body: undefined }
    log.push(entry)
    if (!appUrl.startsWith(`${APP_API_ORIGIN}/`)) {
      throw new Error(`the app called ${appUrl}, outside the API base ${APP_API_ORIGIN}`)
    }
    entry.path = appUrl.slice(APP_API_ORIGIN.length)
    const response = await fetch(server.url + entry.path, {
      method,
      headers: request.headers,
      body: bodyOf(method, request.data),
    })
    const text = await response.text()
    let data: unknown = text
    if ((request.dataType ?? 'json') === 'json' && text !== '') {
      try {
        data = JSON.parse(text)
      } catch {
        // Both platforms hand over the raw text when a JSON answer does not parse.
      }
    }
    const headers: Record<string, string> = {}
    response.headers.forEach((value, key) => (headers[key] = value))
    entry.status = response.status
    entry.body = data
    return { status: response.status, headers, data }
  }

  const json = async (response: Response, what: string): Promise<unknown> => {
    const text = await response.text()
    if (!response.ok) throw new Error(`${what} → ${response.status} ${text}`)
    return JSON.parse(text) as unknown
  }

  const control = async <T>(route: string, body: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${server.url}/__control/${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    return (await json(response, `POST /__control/${route} ${JSON.stringify(body)}`)) as T
  }

  const getAsShopper = async (
    platform: 'weapp' | 'alipay',
    path: string,
    loginCode: string = FIXTURE.loginCode,
  ): Promise<unknown> => {
    const login = await fetch(`${server.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `smoke-login-${randomUUID()}` },
      body: JSON.stringify({ platform, code: loginCode }),
    })
    const { token } = (await json(login, 'POST /v1/auth/login')) as { token: string }
    const response = await fetch(server.url + path, { headers: { Authorization: `Bearer ${token}` } })
    return json(response, `GET ${path}`)
  }

  return {
    url: server.url,
    log,
    clearLog: () => {
      log.length = 0
    },
    send,
    streamTarget: (appUrl) => {
      const [base, query] = appUrl.split(/\?(.*)/s)
      if (base !== APP_STREAM_URL) return null
      return `${server.url.replace(/^http/, 'ws')}/v1/stream${query ? `?${query}` : ''}`
    },
    control,
    advanceClock: async (ms) => void (await control('clock', { advanceMs: ms })),
    getAsShopper,
    stop: () => server.stop(),
  }
}
