import { http, HttpResponse, delay, type HttpHandler } from 'msw'
import {
  cloudError,
  CloudError,
  isCloudError,
  type CloudErrorBody,
  type CloudErrorCode,
} from '../model/errors'
import type { ContractOperation } from './contract'
import type { ReplayRules } from '../model/idempotency'
import type { Cloud, Runtime } from './runtime'
import { SILENCE_MS } from './network'

/** What an operation handler gets: the caller, the parsed path, query and body. */
export interface Call {
  runtime: Runtime
  cloud: Cloud
  /** The user id behind the bearer token; null only where auth is optional or not needed. */
  caller: string | null
  request: Request
  params: Record<string, string>
  /** Query values coerced to the contract's types (numbers are numbers). */
  query: Record<string, unknown>
  /** The parsed JSON body, or the uploaded file for multipart operations. */
  body: unknown
}

export interface Reply {
  status: number
  body: unknown
}

/** Handlers run synchronously inside the cloud's idempotency record, so a replay is the stored answer. */
export type OperationHandler = (call: Call) => Reply

export const REQUEST_HEADERS = 'Authorization, Content-Type, X-Request-Id, Idempotency-Key'
export const EXPOSED_HEADERS = 'X-Request-Id, Retry-After, X-Emulator-Operation, Date'

/** CORS for the H5 dev server and the mini-program IDEs, which call the emulator from another origin. */
export function corsHeaders(request: Request): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': request.headers.get('Access-Control-Request-Headers') ?? REQUEST_HEADERS,
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  }
}

export function errorBody(
  code: CloudErrorCode,
  message: string,
  fields?: Record<string, string>,
): CloudErrorBody {
  return fields ? { code, message, fields } : { code, message }
}

/** A code's body with the model's own default words. */
function cloudErrorBody(code: CloudErrorCode): CloudErrorBody {
  return cloudError(code).toBody()
}

function fail(status: number, code: CloudErrorCode, message: string, fields?: Record<string, string>): never {
  throw new CloudError(status, code, message, fields)
}

let serverRequestSeq = 0

function requestIdOf(request: Request): string {
  const given = request.headers.get('X-Request-Id')
  if (given) return given
  serverRequestSeq += 1
  return `srv-${Date.now().toString(36)}-${serverRequestSeq}`
}

function bearerOf(request: Request): string | null | undefined {
  const header = request.headers.get('Authorization')
  if (header === null) return undefined
  const match = /^Bearer\s+(.+)$/i.exec(header.trim())
  return match?.[1] ?? null
}

function authenticate(runtime: Runtime, request: Request, mode: ContractOperation['auth']): string | null {
  if (mode === 'none') return null
  const token = bearerOf(request)
  // Without a token an optional-auth call is anonymous; a token that is there but dead is always a 401,
  // so the app logs in again instead of silently being treated as a stranger.
  if (token === undefined && mode === 'optional') return null
  const userId = token ? runtime.cloud.authenticate(token) : null
  if (!userId) fail(401, 'AUTH_REQUIRED', token ? '登录已过期，请重新登录' : '请先登录')
  return userId
}

/** `application/json`, with or without parameters (`; charset=utf-8`): what the contract's bodies are. */
function isJsonType(contentType: string | null): boolean {
  return contentType !== null && /^\s*application\/json\s*(;|$)/i.test(contentType)
}

async function readJson(request: Request, op: ContractOperation): Promise<unknown> {
  const text = await request.text()
  if (text.trim() === '') {
    if (op.bodyRequired) fail(422, 'VALIDATION_FAILED', '缺少请求内容', { body: '必填' })
    return undefined
  }
  // Text that happens to parse is still not what the contract takes: a real gateway would not read it.
  if (!isJsonType(request.headers.get('Content-Type'))) {
    fail(415, 'VALIDATION_FAILED', '请求内容须为 JSON', { 'Content-Type': '须为 application/json' })
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    return fail(422, 'VALIDATION_FAILED', '请求内容不是有效的 JSON', { body: 'JSON 格式错误' })
  }
}

export interface UploadedFile {
  fileName: string
  contentType: string
  sizeBytes: number
  data: Uint8Array
}

function sniffImageType(data: Uint8Array): string | null {
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg'
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'image/png'
  return null
}

async function readUpload(request: Request): Promise<UploadedFile> {
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return fail(422, 'VALIDATION_FAILED', '请上传图片', { file: '必填' })
  }
  const file = form.get('file')
  if (!file || typeof file === 'string') return fail(422, 'VALIDATION_FAILED', '请上传图片', { file: '必填' })
  const data = new Uint8Array(await file.arrayBuffer())
  const declared = file.type || 'application/octet-stream'
  // Mini-program uploads often arrive as octet-stream; the bytes say what the picture really is.
  const contentType = declared === 'application/octet-stream' ? (sniffImageType(data) ?? declared) : declared
  return { fileName: (file as File).name ?? 'upload', contentType, sizeBytes: data.byteLength, data }
}

function errorReply(
  error: unknown,
  runtime: Runtime,
  op: ContractOperation,
): Reply & { retryAfterSec?: number } {
  if (isCloudError(error)) {
    return { status: error.status, body: error.toBody(), retryAfterSec: error.retryAfterSec }
  }
  runtime.log(`${op.operationId} failed unexpectedly`, error)
  return { status: 500, body: errorBody('SERVER_ERROR', '服务暂时不可用，请稍后再试') }
}

function sessionIdOf(reply: Reply): string | undefined {
  const id = (reply.body as { id?: unknown } | null)?.id
  return typeof id === 'string' ? id : undefined
}

/** How a stored answer of these operations is replayed (the rest replay as stored). */
const REPLAY_RULES: Partial<Record<string, (cloud: Cloud) => ReplayRules<Reply>>> = {
  // A conflicting replay names the session the key made.
  openDoor: () => ({ sessionOf: sessionIdOf }),
  openRestockSession: () => ({ sessionOf: sessionIdOf }),
  // A replayed login must still let the app in: an expired token is no answer to "log me in".
  login: (cloud) => ({
    isStale: (reply) => {
      const token = (reply.body as { token?: unknown } | null)?.token
      return typeof token !== 'string' || !cloud.isTokenLive(token)
    },
  }),
}

/** The role an operation needs beyond a login; becoming staff by invite is open to any shopper. */
function roleOf(op: ContractOperation): 'staff' | 'merchant' | null {
  if (op.path.startsWith('/v1/merchant/')) return 'merchant'
  if (op.path.startsWith('/v1/staff/') && op.operationId !== 'bindStaff') return 'staff'
  return null
}

/** Hash input for idempotency: which operation, on what, with what. */
function idempotencySubject(op: ContractOperation, call: Call): unknown {
  const body = call.body as UploadedFile | undefined
  const payload =
    op.bodyType === 'multipart/form-data' && body
      ? {
          fileName: body.fileName,
          contentType: body.contentType,
          sizeBytes: body.sizeBytes,
          sample: sample(body.data),
        }
      : call.body
  return { operation: op.operationId, params: call.params, body: payload ?? null }
}

function sample(data: Uint8Array): string {
  // Enough of the bytes to tell two different photos apart without hashing megabytes.
  const step = Math.max(1, Math.floor(data.byteLength / 64))
  let out = ''
  for (let i = 0; i < data.byteLength; i += step) out += (data[i] ?? 0).toString(16).padStart(2, '0')
  return out
}

/** msw's `:param` path from the contract's `{param}` template, for any origin. */
export function mswPath(template: string): string {
  return `*${template.replace(/\{(\w+)\}/g, ':$1')}`
}

/**
 * A lost packet: no answer for a long while, then the connection is let go. The timer does not keep a
 * Node process (a jest worker, a bench) alive.
 */
async function silence(): Promise<Response> {
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, SILENCE_MS) as unknown as { unref?: () => void }
    timer.unref?.()
  })
  return HttpResponse.error()
}

/**
 * The one wrapper around every operation: injected network faults and latency, X-Request-Id, CORS, auth,
 * the caller's role, JSON / multipart parsing, contract validation, the Idempotency-Key on every POST
 * (replay or 409 through the cloud's idempotency record), CloudError → the contract's Error body,
 * anything else → 500.
 */
export function operationHandler(
  runtime: Runtime,
  op: ContractOperation,
  handler: OperationHandler,
): HttpHandler {
  const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'
  return http[method](mswPath(op.path), async ({ request, params }) => {
    // The app's own id of this attempt, which a browser's resend of it repeats (see network.ts).
    const attemptId = request.headers.get('X-Request-Id')
    if (runtime.network.shouldDrop('request', op.operationId, attemptId)) return HttpResponse.error()
    const lost = runtime.network.randomLoss(attemptId)
    if (lost === 'request') return silence()
    if (runtime.network.latencyMs > 0) await delay(runtime.network.latencyMs)
    const requestId = requestIdOf(request)
    let reply: Reply & { retryAfterSec?: number }
    try {
      const caller = authenticate(runtime, request, op.auth)
      // Who may call comes before what was sent: a stranger must not learn an operation's rules from its 422s.
      const role = roleOf(op)
      if (role) runtime.cloud.requireRole(caller, role)
      const search = new URL(request.url).searchParams
      let query: Record<string, unknown> = Object.fromEntries(search)
      if (runtime.validator) {
        const checked = runtime.validator.query(op.operationId, search)
        if (!checked.ok) fail(422, 'VALIDATION_FAILED', '请求参数有误', checked.fields)
        query = checked.values
      }
      const idempotencyKey = request.headers.get('Idempotency-Key')
      if (op.method !== 'GET') {
        if (!idempotencyKey) fail(422, 'VALIDATION_FAILED', '缺少幂等键', { 'Idempotency-Key': '必填' })
        if (idempotencyKey.length < 8 || idempotencyKey.length > 128) {
          fail(422, 'VALIDATION_FAILED', '幂等键格式不正确', { 'Idempotency-Key': '长度须为 8–128' })
        }
      }
      let body: unknown
      if (op.bodyType === 'multipart/form-data') body = await readUpload(request)
      else if (op.bodyType === 'application/json') {
        body = await readJson(request, op)
        const fields = body === undefined ? null : (runtime.validator?.body(op.operationId, body) ?? null)
        if (fields) fail(422, 'VALIDATION_FAILED', '填写的内容有误', fields)
      }
      const cloud = runtime.cloud
      const call: Call = { runtime, cloud, caller, request, params: stringParams(params), query, body }
      reply =
        op.method === 'GET'
          ? handler(call)
          : cloud.withIdempotency(
              caller,
              idempotencyKey,
              idempotencySubject(op, call),
              () => handler(call),
              REPLAY_RULES[op.operationId]?.(cloud),
            )
    } catch (error) {
      reply = errorReply(error, runtime, op)
    }
    // The cloud has done the work; only the answer is lost (what a retry with the same key must survive).
    if (runtime.network.shouldDrop('answer', op.operationId, attemptId)) return HttpResponse.error()
    if (lost === 'answer') return silence()
    const headers: Record<string, string> = {
      ...corsHeaders(request),
      'X-Request-Id': requestId,
      'X-Emulator-Operation': op.operationId,
      'Cache-Control': 'no-store',
      // The cloud's clock, not the host's: with time travel the two differ, and a client that corrects its
      // timers by the server's Date must see the time the cloud's own timestamps are in.
      Date: new Date(runtime.clock.now()).toUTCString(),
    }
    if (reply.retryAfterSec !== undefined) headers['Retry-After'] = String(reply.retryAfterSec)
    if (reply.status === 204 || reply.body === undefined)
      return new HttpResponse(null, { status: reply.status, headers })
    return HttpResponse.json(reply.body as Record<string, unknown>, { status: reply.status, headers })
  })
}

function stringParams(
  params: Record<string, string | readonly string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    // msw has already decoded the path segments.
    if (typeof value === 'string') out[key] = value
    else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0]
  }
  return out
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text)
    return true
  } catch {
    return false
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The contract path as a pattern over the raw (still escaped) path, capturing each parameter. */
function rawPattern(template: string): { pattern: RegExp; names: string[] } {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)
  const literal = template.split(/\{\w+\}/).map(escapeRegExp)
  return { pattern: new RegExp(`^${literal.join('([^/]+)')}$`), names }
}

/**
 * The operation's own not-found code for a parameter that names nothing: the device's for a device code,
 * else the first other one the contract lists for the operation's 404.
 */
function notFoundCode(op: ContractOperation, param: string): CloudErrorCode {
  const listed = (op.errorCodes.get(404) ?? []) as CloudErrorCode[]
  if (param === 'deviceCode' && listed.includes('DEVICE_NOT_FOUND')) return 'DEVICE_NOT_FOUND'
  return listed.find((code) => code !== 'DEVICE_NOT_FOUND') ?? listed[0] ?? 'NOT_FOUND'
}

/**
 * Requests whose path has a malformed percent-escape (`/v1/devices/abc%/landing`). msw decodes path
 * parameters while it matches and throws on these before any operation runs, so this goes first in every
 * host. Such a path can name nothing, for anyone: it is 404, before the token is even looked at, with the
 * code the operation gives a missing id (DEVICE_NOT_FOUND, ORDER_NOT_FOUND, …) and the usual CORS, so
 * every operation is covered the same way, today's and tomorrow's.
 */
export function malformedPathHandler(operations: readonly ContractOperation[]): HttpHandler {
  const routes = operations.map((op) => ({ op, ...rawPattern(op.path) }))
  // A RegExp path has no parameters for msw to decode; requests without a '%' are never looked at.
  return http.all(/%/, ({ request }) => {
    const path = new URL(request.url).pathname
    if (decodes(path)) return undefined
    const cors = path.startsWith('/__control/') ? {} : corsHeaders(request)
    if (request.method === 'OPTIONS') return new HttpResponse(null, { status: 204, headers: cors })
    const headers: Record<string, string> = {
      ...cors,
      'X-Request-Id': requestIdOf(request),
      'Cache-Control': 'no-store',
    }
    for (const { op, pattern, names } of routes) {
      const match = op.method === request.method ? pattern.exec(path) : null
      if (!match) continue
      const bad = names.find((_, i) => !decodes(match[i + 1] ?? '')) ?? names[0] ?? ''
      const code = notFoundCode(op, bad)
      return HttpResponse.json(cloudErrorBody(code), {
        status: 404,
        headers: { ...headers, 'X-Emulator-Operation': op.operationId },
      })
    }
    return HttpResponse.json(errorBody('NOT_FOUND', '接口不存在'), { status: 404, headers })
  })
}

/**
 * The answer to an exception nothing else caught (a bug, or a library throwing on odd input): the
 * contract's error body with CORS, so the app shows the catalogue's words and a browser can read it.
 */
export function unexpectedErrorResponse(request: Request): Response {
  const path = new URL(request.url).pathname
  return HttpResponse.json(errorBody('SERVER_ERROR', '服务暂时不可用，请稍后再试'), {
    status: 500,
    headers: {
      ...(path.startsWith('/__control/') ? {} : corsHeaders(request)),
      'X-Request-Id': requestIdOf(request),
      'Cache-Control': 'no-store',
    },
  })
}

/** OPTIONS preflight for every API path, and a contract-shaped 404 for paths the contract does not have. */
export function plumbingHandlers(): HttpHandler[] {
  return [
    http.options(
      '*/v1/*',
      ({ request }) => new HttpResponse(null, { status: 204, headers: corsHeaders(request) }),
    ),
    http.all('*/v1/*', ({ request }) =>
      HttpResponse.json(errorBody('NOT_FOUND', '接口不存在'), {
        status: 404,
        headers: { ...corsHeaders(request), 'X-Request-Id': requestIdOf(request) },
      }),
    ),
  ]
}
