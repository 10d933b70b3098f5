import { http, HttpResponse, delay, type HttpHandler } from 'msw'
import { CloudError, isCloudError, type CloudErrorBody, type CloudErrorCode } from '../model/errors'
import type { ContractOperation } from './contract'
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

async function readJson(request: Request, op: ContractOperation): Promise<unknown> {
  const text = await request.text()
  if (text.trim() === '') {
    if (op.bodyRequired) fail(422, 'VALIDATION_FAILED', '缺少请求内容', { body: '必填' })
    return undefined
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

// Operations whose answer is a session the key made: a conflicting replay names that session.
const SESSION_OPENS: ReadonlySet<string> = new Set(['openDoor', 'openRestockSession'])

function sessionIdOf(reply: Reply): string | undefined {
  const id = (reply.body as { id?: unknown } | null)?.id
  return typeof id === 'string' ? id : undefined
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
 * JSON / multipart parsing, contract validation, the Idempotency-Key on every POST (replay or 409 through
 * the cloud's idempotency record), CloudError → the contract's Error body, anything else → 500.
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
              SESSION_OPENS.has(op.operationId) ? sessionIdOf : undefined,
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
