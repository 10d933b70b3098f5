/**
 * Each platform's Taro.request settles differently; this turns every shape into one outcome:
 * - WeChat resolves with `statusCode` for any HTTP status and rejects with `errMsg` on network failure.
 * - Alipay (Taro's adapter) resolves only on 2xx and rejects with `{ error, errorMessage, status, data }`
 *   otherwise; offline it may even resolve with `statusCode: undefined`.
 * - H5 resolves with any status and rejects with a fetch TypeError, or an AbortError on timeout.
 * The shapes are told apart by what they carry, not by which build runs, so one path serves all three.
 */
export type RawOutcome =
  | { kind: 'response'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'network'; detail: string }
  | { kind: 'timeout'; detail: string }

type Loose = Record<string, unknown>

// Alipay's documented fail codes: 12 network, 13 timeout, 14 decode failure, 19 HTTP error, 20 aborted.
const ALIPAY_TIMEOUT = 13
const ALIPAY_DECODE_FAILED = 14

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data ?? null
  if (data === '') return null
  try {
    return JSON.parse(data)
  } catch {
    return data
  }
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (headers && typeof headers === 'object') {
    for (const [key, value] of Object.entries(headers as Loose)) {
      if (value !== undefined && value !== null) out[key.toLowerCase()] = String(value)
    }
  }
  return out
}

function statusOf(res: Loose): number | undefined {
  const status = res.statusCode ?? res.status
  return typeof status === 'number' && status > 0 ? status : undefined
}

export function fromResolved(res: unknown): RawOutcome {
  if (!res || typeof res !== 'object') return { kind: 'network', detail: 'empty result' }
  const loose = res as Loose
  const status = statusOf(loose)
  if (status === undefined) return { kind: 'network', detail: 'resolved without a status' }
  return {
    kind: 'response',
    status,
    body: parseBody(loose.data),
    headers: lowerCaseHeaders(loose.header ?? loose.headers),
  }
}

export function fromRejected(err: unknown): RawOutcome {
  if (!err || typeof err !== 'object') return { kind: 'network', detail: String(err) }
  const loose = err as Loose
  const text = String(loose.errMsg ?? loose.errorMessage ?? loose.message ?? '')
  if (
    loose.error === ALIPAY_TIMEOUT ||
    loose.name === 'AbortError' ||
    /timeout|timed out|aborted/i.test(text)
  ) {
    return { kind: 'timeout', detail: text }
  }
  const status = statusOf(loose)
  // Alipay rejects a 2xx whose body is not JSON with code 14; that is a broken response, not a dead network.
  if (status !== undefined && (loose.error !== ALIPAY_DECODE_FAILED || status >= 300)) {
    return {
      kind: 'response',
      status,
      body: parseBody(loose.data),
      headers: lowerCaseHeaders(loose.header ?? loose.headers),
    }
  }
  if (loose.error === ALIPAY_DECODE_FAILED) {
    return { kind: 'response', status: status ?? 200, body: parseBody(loose.data ?? ''), headers: {} }
  }
  return { kind: 'network', detail: text }
}
