import { cloudError, validationError } from './errors'
import type { CreditChannel, AccountChannel } from './state'
import type { CreditMethod, OrderChannel, Page, Platform } from './types'

/** The fields under `keys` that a record has set: the contract's optional fields, left out rather than null. */
export function definedIn<R, K extends keyof R>(record: R, keys: readonly K[]): Partial<Pick<R, K>> {
  const out: Partial<Pick<R, K>> = {}
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key]
  return out
}

/** FNV-1a, 32 bit, hex: enough to make fake signatures and tokens look random yet stay deterministic. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/** A stable JSON form (sorted keys) so equal bodies hash equally whatever the key order. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined'
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
}

export function hashBody(body: unknown): string {
  const text = stableStringify(body ?? null)
  return `${fnv1a(text)}${fnv1a(`${text.length}:${text}`)}`
}

/** Plain-JSON deep copy: what leaves the model never aliases its state. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

export const PLATFORMS: Platform[] = ['weapp', 'alipay', 'h5']

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as string[]).includes(value)
}

/** H5 is the browser demo of the WeChat build: it uses the WeChat credit and payment flows. */
export function channelOfPlatform(platform: Platform): CreditChannel {
  return platform === 'alipay' ? 'alipay' : 'wechat'
}

export function channelOfMethod(method: CreditMethod): CreditChannel {
  return method.startsWith('wxpay') ? 'wechat' : 'alipay'
}

/** How an order of a session opened with this method is charged: Pay Score, plain WeChat Pay, or Alipay. */
export function orderChannelOfMethod(method: CreditMethod): OrderChannel {
  if (method.startsWith('wxpay_score')) return 'wxpay_score'
  return method.startsWith('wxpay') ? 'wxpay' : 'alipay'
}

export function accountChannelOf(channel: OrderChannel): AccountChannel {
  return channel === 'alipay' ? 'alipay' : 'wxpay'
}

/** Per-order Pay Score confirmations and deposits serve one door session at the cabinet they were made for. */
export const SINGLE_USE_METHODS: CreditMethod[] = ['wxpay_score_use', 'wxpay_deposit', 'alipay_preauth']

export function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
}

export function isNonNegativeInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

/** Characters as people count them (code points), for length limits on Chinese text. */
export function charCount(text: string): number {
  return [...text].length
}

/**
 * Cursor pagination over an already ordered list. The cursor is the id of the last item of the previous
 * page, so inserting new items at the head never shifts or repeats a page.
 */
export function paginate<T>(
  items: T[],
  idOf: (item: T) => string,
  input: { cursor?: string | null; limit?: number },
): Page<T> {
  const limit = input.limit ?? 20
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw validationError({ limit: '每页数量须为 1–100' })
  }
  let start = 0
  if (input.cursor) {
    const index = items.findIndex((item) => idOf(item) === input.cursor)
    if (index < 0) throw validationError({ cursor: '分页位置无效' })
    start = index + 1
  }
  const page = items.slice(start, start + limit)
  const last = page[page.length - 1]
  const nextCursor = start + limit < items.length && last !== undefined ? idOf(last) : null
  return { items: page, nextCursor }
}

export function requireString(value: unknown, field: string, max = 64): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw validationError({ [field]: '必填' })
  }
  return value
}

export function notFound(code: Parameters<typeof cloudError>[0] = 'NOT_FOUND'): Error {
  return cloudError(code)
}

/** Nearest-rank percentile of durations; null for no data. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1] ?? null
}

/** The contract's IntentId: 8–64 characters, made by the client per tap on 开门. */
export function isIntentId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 8 && value.length <= 64
}

/**
 * A small deterministic PRNG (mulberry32): the same numbers for the same seed, so the generated history is
 * the same on every load and the network loses the same packets run after run.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
