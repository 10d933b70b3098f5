import Taro from '@tarojs/taro'
import { AppError, isErrorCode, type ErrorCode } from '@/domain/errors'
import { noteServerDate } from './cloudClock'
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
  | {
      ok: true
      data: T
      status: number
      requestId: string
      /** The cloud's clock when it answered (its `Date` header), for rules the phone's clock must not judge. */
      serverTime?: number
    }
  | { ok: false; error: AppError }

interface RawRequest {
  url: string
  method: HttpMethod
  header: Record<string, string>
  data?: unknown
  timeout: number
}

/** One file as Taro.uploadFile takes it (multipart POST; the platform writes the Content-Type). */
export interface RawUpload {
  url: string
  filePath: string
  /** The multipart field; Taro's Alipay adapter renames it to Alipay's `fileName`. */
  name: string
  /** Alipay requires the kind of file; WeChat and H5 ignore it. */
  fileType: 'image'
  header: Record<string, string>
  timeout: number
}

/** Upload progress in percent (0–100), as the platform reports it. */
export type ProgressListener = (percent: number) => void

export interface TransportConfig {
  baseUrl: string
  getToken: () => string | null
  /** Obtains a fresh token (silent platform login); null when login is impossible right now. */
  relogin: () => Promise<string | null>
  /** The raw platform call; Taro.request unless a test stands in for it. */
  send: (raw: RawRequest) => Promise<unknown>
  /** The raw platform upload; Taro.uploadFile unless a test stands in for it. */
  sendUpload: (raw: RawUpload, onProgress: ProgressListener) => Promise<unknown>
  defaultTimeoutMs: number
}

const UNSAFE: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const config: TransportConfig = {
  baseUrl: process.env.CABINET_API_BASE,
  getToken: () => null,
  relogin: async () => null,
  send: (raw) => Taro.request({ ...raw, dataType: 'json' }) as Promise<unknown>,
  sendUpload: (raw, onProgress) => {
    const task = Taro.uploadFile(raw)
    try {
      task.progress((res) => onProgress(res.progress))
    } catch {
      // An old base library without UploadTask.onProgressUpdate: the upload still runs, without a bar.
    }
    return task as Promise<unknown>
  },
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

async function sendOnce(timeout: number, perform: () => Promise<unknown>): Promise<RawOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined
  // Some runtimes ignore the timeout option, so the transport keeps its own clock too.
  const deadline = new Promise<RawOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout', detail: 'transport deadline' }), timeout + 500)
  })
  const settled = perform().then(fromResolved, fromRejected)
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
  const sessionId = typeof loose.sessionId === 'string' && loose.sessionId ? loose.sessionId : undefined
  return new AppError(code, {
    status,
    fields,
    requestId,
    sessionId,
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
        const serverTime = Date.parse(outcome.headers.date ?? '')
        return Number.isFinite(serverTime)
          ? { ok: true, data: body as T, status, requestId, serverTime }
          : { ok: true, data: body as T, status, requestId }
      }
      return { ok: false, error: errorFromResponse(status, body, requestId) }
    }
  }
}

interface CallSpec {
  auth: NonNullable<RequestSpec['auth']>
  idempotencyKey?: string
  /** JSON calls say so; an upload leaves the multipart Content-Type to the platform. */
  contentType?: string
  timeoutMs?: number
}

/**
 * What every call shares: the token (a silent login first when one is needed), a fresh request id per
 * attempt, the idempotency key, the deadline, one normalized result, and exactly one replay with a fresh
 * token after a 401.
 */
async function call<T>(
  spec: CallSpec,
  perform: (header: Record<string, string>, timeout: number) => Promise<unknown>,
): Promise<ApiResult<T>> {
  const { auth, idempotencyKey } = spec
  const timeout = spec.timeoutMs ?? config.defaultTimeoutMs
  let token = auth === 'none' ? null : config.getToken()
  if (auth === 'required' && !token) token = await reloginOnce()

  const attempt = async (bearer: string | null): Promise<{ outcome: RawOutcome; requestId: string }> => {
    const requestId = newId('req-')
    const header: Record<string, string> = { 'X-Request-Id': requestId }
    if (spec.contentType) header['Content-Type'] = spec.contentType
    if (bearer) header.Authorization = `Bearer ${bearer}`
    if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey
    const sentAt = Date.now()
    const outcome = await sendOnce(timeout, () => perform(header, timeout))
    if (outcome.kind === 'response') {
      const serverTime = Date.parse(outcome.headers.date ?? '')
      if (Number.isFinite(serverTime)) noteServerDate(serverTime, sentAt, Date.now())
    }
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

/** The one way the app talks to the cloud. Never throws: every failure is an AppError in the result. */
export function request<T>(spec: RequestSpec): Promise<ApiResult<T>> {
  const url = buildUrl(spec.path, spec.query)
  return call<T>(
    {
      auth: spec.auth ?? 'required',
      idempotencyKey: UNSAFE.has(spec.method) ? (spec.idempotencyKey ?? newId('idem-')) : undefined,
      contentType: 'application/json',
      timeoutMs: spec.timeoutMs,
    },
    (header, timeout) => config.send({ url, method: spec.method, header, data: spec.body, timeout }),
  )
}

export interface UploadSpec {
  /** Path under the API base, e.g. `/v1/uploads`. */
  path: string
  /** A temp file path from the platform's media picker (a blob URL on H5). */
  filePath: string
  /** The multipart field the contract names. */
  fieldName: string
  /** A retry of the same photo passes the same key, so a lost answer never stores it twice. */
  idempotencyKey: string
  onProgress?: ProgressListener
  timeoutMs?: number
}

/**
 * A multipart upload through the same path as every JSON call (token, request id, idempotency key,
 * deadline, the platforms' result shapes normalized, errors from the catalogue, one re-login on 401).
 */
export function upload<T>(spec: UploadSpec): Promise<ApiResult<T>> {
  const url = buildUrl(spec.path, undefined)
  const onProgress: ProgressListener = (percent) => {
    if (Number.isFinite(percent)) spec.onProgress?.(Math.max(0, Math.min(100, Math.round(percent))))
  }
  return call<T>(
    { auth: 'required', idempotencyKey: spec.idempotencyKey, timeoutMs: spec.timeoutMs ?? 60_000 },
    (header, timeout) =>
      config.sendUpload(
        { url, filePath: spec.filePath, name: spec.fieldName, fileType: 'image', header, timeout },
        onProgress,
      ),
  )
}

/** For callers that prefer exceptions (store actions with try/finally). */
export async function requestOrThrow<T>(spec: RequestSpec): Promise<T> {
  const result = await request<T>(spec)
  if (!result.ok) throw result.error
  return result.data
}
