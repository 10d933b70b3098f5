import Taro from '@tarojs/taro'
import { AppError, isErrorCode, type ErrorCode } from '@/domain/errors'
import { newId } from './ids'
import { fromRejected, fromResolved, type RawOutcome } from './normalize'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type QueryValue = string | number | boolean | null | undefined

export interface RequestSpec {
  method: HttpMethod
  /** Path under the API base, e.g. `/v1/devices/GZ0001A/landing`. */
  path: string
  query?: Record<string, QueryValue>
  body?: unknown
  /** `required` logs in silently first when there is no token; `optional` sends one if we have it. */
  auth?: 'required' | 'optional' | 'none'
  /** Unsafe calls always carry one; pass your own to make a user-level retry land on the same effect. */
  idempotencyKey?: string
  timeoutMs?: number
}

export type ApiResult<T> =
  | { ok: true; data: T; status: number; requestId: string }
  | { ok: false; error: AppError }

interface RawRequest {
  url: string
  method: HttpMethod
  header: Record<string, string>
  data?: unknown
  timeout: number
}

export interface TransportConfig {
  baseUrl: string
  getToken: () => string | null
  /** Obtains a fresh token (silent platform login); null when login is impossible right now. */
  relogin: () => Promise<string | null>
  /** The raw platform call; Taro.request unless a test stands in for it. */
  send: (raw: RawRequest) => Promise<unknown>
  defaultTimeoutMs: number
}

const UNSAFE: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const config: TransportConfig = {
  baseUrl: process.env.CABINET_API_BASE,
  getToken: () => null,
  relogin: async () => null,
  send: (raw) => Taro.request({ ...raw, dataType: 'json' }) as Promise<unknown>,
  defaultTimeoutMs: 15_000,
}

export function configureTransport(overrides: Partial<TransportConfig>): void {
  Object.assign(config, overrides)
}

// One silent re-login at a time: every request that meets a 401 meanwhile waits for the same one.
let reloginInFlight: Promise<string | null> | null = null

function reloginOnce(): Promise<string | null> {
  if (!reloginInFlight) {
    reloginInFlight = config.relogin().finally(() => {
      reloginInFlight = null
    })
  }
  return reloginInFlight
}

function buildUrl(path: string, query: RequestSpec['query']): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  return config.baseUrl.replace(/\/+$/, '') + path + (parts.length ? `?${parts.join('&')}` : '')
}

async function sendOnce(raw: RawRequest): Promise<RawOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined
  // Some runtimes ignore the timeout option, so the transport keeps its own clock too.
  const deadline = new Promise<RawOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout', detail: 'transport deadline' }), raw.timeout + 500)
  })
  const settled = config.send(raw).then(fromResolved, fromRejected)
  try {
    return await Promise.race([settled, deadline])
  } finally {
    clearTimeout(timer)
  }
}

const STATUS_CODES: Record<number, ErrorCode> = {
  401: 'AUTH_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'IDEMPOTENCY_CONFLICT',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
}

function errorFromResponse(status: number, body: unknown, requestId: string): AppError {
  const loose = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const bodyCode = loose.code
  const code: ErrorCode = isErrorCode(bodyCode)
    ? bodyCode
    : (STATUS_CODES[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'RESPONSE_INVALID'))
  const fields =
    loose.fields && typeof loose.fields === 'object' ? (loose.fields as Record<string, string>) : undefined
  return new AppError(code, {
    status,
    fields,
    requestId,
    detail: typeof loose.message === 'string' ? loose.message : undefined,
  })
}

function toResult<T>(outcome: RawOutcome, requestId: string): ApiResult<T> {
  switch (outcome.kind) {
    case 'timeout':
      return { ok: false, error: new AppError('TIMEOUT', { requestId, detail: outcome.detail }) }
    case 'network':
      return { ok: false, error: new AppError('NETWORK', { requestId, detail: outcome.detail }) }
    case 'response': {
      const { status, body } = outcome
      if (status >= 200 && status < 300) {
        if (typeof body === 'string') {
          return { ok: false, error: new AppError('RESPONSE_INVALID', { status, requestId }) }
        }
        return { ok: true, data: body as T, status, requestId }
      }
      return { ok: false, error: errorFromResponse(status, body, requestId) }
    }
  }
}

/** The one way the app talks to the cloud. Never throws: every failure is an AppError in the result. */
export async function request<T>(spec: RequestSpec): Promise<ApiResult<T>> {
  const auth = spec.auth ?? 'required'
  const idempotencyKey = UNSAFE.has(spec.method) ? (spec.idempotencyKey ?? newId('idem-')) : undefined
  const url = buildUrl(spec.path, spec.query)

  let token = auth === 'none' ? null : config.getToken()
  if (auth === 'required' && !token) token = await reloginOnce()

  const attempt = async (bearer: string | null): Promise<{ outcome: RawOutcome; requestId: string }> => {
    const requestId = newId('req-')
    const header: Record<string, string> = { 'Content-Type': 'application/json', 'X-Request-Id': requestId }
    if (bearer) header.Authorization = `Bearer ${bearer}`
    if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey
    const outcome = await sendOnce({
      url,
      method: spec.method,
      header,
      data: spec.body,
      timeout: spec.timeoutMs ?? config.defaultTimeoutMs,
    })
    return { outcome, requestId }
  }

  let { outcome, requestId } = await attempt(token)
  const unauthorized = outcome.kind === 'response' && outcome.status === 401
  if (unauthorized && auth !== 'none') {
    // Exactly one replay with a fresh token; a second 401 is reported, never looped on.
    const fresh = await reloginOnce()
    if (fresh) ({ outcome, requestId } = await attempt(fresh))
  }
  return toResult<T>(outcome, requestId)
}

/** For callers that prefer exceptions (store actions with try/finally). */
export async function requestOrThrow<T>(spec: RequestSpec): Promise<T> {
  const result = await request<T>(spec)
  if (!result.ok) throw result.error
  return result.data
}
