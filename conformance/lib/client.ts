import { randomUUID } from 'node:crypto'
import { loadContract } from '../../mock/handlers/contract'

/** One request the kit made and what came back; every one is checked against the contract at the end. */
export interface Exchange {
  /** The operation the kit meant to call; null for requests that match none (a malformed path). */
  operationId: string | null
  method: string
  path: string
  status: number
  contentType: string
  body: unknown
  /** What the check was doing, for the report. */
  label: string
}

export interface CallOptions {
  /** Values for the template's `{name}` parts, escaped unless `rawPath` is given. */
  params?: Record<string, string>
  /** The path as sent, unescaped (bad-input checks). */
  rawPath?: string
  query?: Record<string, string | number>
  token?: string | null
  /** A JSON body; `rawBody` sends text as it is. */
  body?: unknown
  rawBody?: string
  contentType?: string
  /** Defaults to a fresh key on every POST/PUT/PATCH/DELETE, as the contract requires one. */
  idempotencyKey?: string | null
  headers?: Record<string, string>
  label?: string
}

export interface Answer {
  status: number
  contentType: string
  body: unknown
}

const contract = loadContract()

/** The HTTP side of the kit: calls operations by id, keeps every exchange. */
export class Client {
  readonly exchanges: Exchange[] = []

  constructor(readonly base: string) {}

  async call(operationId: string, options: CallOptions = {}): Promise<Answer> {
    const op = contract.byId.get(operationId)
    if (!op) throw new Error(`the contract has no operation ${operationId}`)
    const path =
      options.rawPath ??
      op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ''))
    return this.send(op.method, path, operationId, options)
  }

  async send(
    method: string,
    path: string,
    operationId: string | null,
    options: CallOptions,
  ): Promise<Answer> {
    const url = new URL(this.base.replace(/\/$/, '') + path)
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v))
    const headers: Record<string, string> = {
      'X-Request-Id': `conformance-${randomUUID()}`,
      ...options.headers,
    }
    if (options.token) headers.Authorization = `Bearer ${options.token}`
    const writes = method !== 'GET' && method !== 'HEAD'
    const key = options.idempotencyKey === undefined ? (writes ? randomUUID() : null) : options.idempotencyKey
    if (key) headers['Idempotency-Key'] = key
    let body: string | undefined
    if (options.rawBody !== undefined) body = options.rawBody
    else if (options.body !== undefined) body = JSON.stringify(options.body)
    if (body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json'
    const response = await fetch(url, { method, headers, body })
    const contentType = response.headers.get('content-type') ?? ''
    const text = await response.text()
    let parsed: unknown = text
    if (contentType.includes('json')) {
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = text
      }
    }
    this.exchanges.push({
      operationId,
      method,
      path: url.pathname + url.search,
      status: response.status,
      contentType,
      body: parsed,
      label: options.label ?? '',
    })
    return { status: response.status, contentType, body: parsed }
  }
}

/**
 * A path template filled for the sweeps: `{deviceCode}` with the run's cabinet (so a device check cannot
 * answer first), every other parameter with an id no server has.
 */
export function placeholderPath(template: string, deviceCode: string, id: string): string {
  return template.replace('{deviceCode}', encodeURIComponent(deviceCode)).replace(/\{\w+\}/g, id)
}
