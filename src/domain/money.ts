// Money is integer fen everywhere; the cloud computes every amount and the app only formats and parses.
// Parsing works on the digit strings, never through floating point (0.29 * 100 !== 29).

/**
 * An amount in fen (分). Deliberately a plain number, not a brand, so the generated API types (`number`)
 * flow into the formatter without casts.
 */
export type Fen = number

export type ParseYuanResult = { ok: true; fen: Fen } | { ok: false; reason: string }

/** Up to 999,999,999.99 yuan: far above any withdrawal, far below Number.MAX_SAFE_INTEGER fen. */
const MAX_YUAN_DIGITS = 9

function assertFen(fen: unknown): asserts fen is Fen {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) {
    throw new TypeError(`money: expected an integer amount in fen, got ${String(fen)}`)
  }
}

/** `1250` → `12.50`, `-100` → `-1.00`. Throws on anything but a safe integer: a fractional fen is a bug. */
export function formatFenPlain(fen: Fen): string {
  assertFen(fen)
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  const sign = fen < 0 ? '-' : ''
  return `${sign}${yuan}.${cents < 10 ? '0' : ''}${cents}`
}

/** `1250` → `¥12.50`, `-100` → `-¥1.00`. */
export function formatFen(fen: Fen): string {
  const plain = formatFenPlain(fen)
  return plain.startsWith('-') ? `-¥${plain.slice(1)}` : `¥${plain}`
}

// JS \s covers ASCII whitespace, NBSP and the ideographic space (U+3000) that pasted text often carries.
const EDGE_SPACE = /^\s+|\s+$/g
const AMOUNT = /^(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?$/
// A Chinese keyboard in full-width mode types ５０ and ．; pasted statements carry them too. Each is the same
// character as its ASCII twin, so reading it as such guesses nothing. 。 is what the same keyboard gives
// for the decimal point.
const FULL_WIDTH = /[\uff10-\uff19\uff0e\u3002\uff0d]/g
const toHalfWidth = (c: string) =>
  c === '\u3002' || c === '\uff0e'
    ? '.'
    : c === '\uff0d'
      ? '-'
      : String.fromCharCode(c.charCodeAt(0) - 0xfee0)

/**
 * Strict money input (withdrawal amounts, corrected prices). Accepts `12`, `12.5`, `12.50`, with spaces
 * around and one leading ¥/￥ (people paste amounts copied from a statement), in full-width digits too
 * (`５０`, `１２．５`). Refuses everything that would need guessing: spaces or thousands separators inside,
 * a third decimal, signs, `12.`, `.5`, leading zeros.
 */
export function parseYuanToFen(text: unknown): ParseYuanResult {
  if (typeof text !== 'string') return { ok: false, reason: '请输入金额' }
  let s = text.replace(FULL_WIDTH, toHalfWidth).replace(EDGE_SPACE, '')
  if (s.startsWith('¥') || s.startsWith('￥')) s = s.slice(1).replace(EDGE_SPACE, '')
  if (s === '') return { ok: false, reason: '请输入金额' }
  if (s.startsWith('-')) return { ok: false, reason: '金额不能为负数' }
  if (/\s/.test(s)) return { ok: false, reason: '金额中不能有空格' }
  if (s.includes(',') || s.includes('，')) return { ok: false, reason: '金额中不能有逗号' }

  const m = AMOUNT.exec(s)
  if (!m) {
    if (/^[0-9]+\.[0-9]{3,}$/.test(s)) return { ok: false, reason: '金额最多两位小数' }
    return { ok: false, reason: '请输入正确的金额，如 12.50' }
  }
  const yuan = m[1] ?? '0'
  if (yuan.length > MAX_YUAN_DIGITS) return { ok: false, reason: '金额过大' }
  const cents = (m[2] ?? '').padEnd(2, '0')
  return { ok: true, fen: Number(yuan) * 100 + Number(cents) }
}

/** The cloud's refusal codes for a withdrawal amount; the app refuses with the same ones before sending. */
export type WithdrawalAmountCode =
  | 'WITHDRAW_AMOUNT_INVALID'
  | 'WITHDRAW_BELOW_MINIMUM'
  | 'WITHDRAW_ABOVE_AVAILABLE'

export type WithdrawalAmountCheck =
  | { ok: true; fen: Fen }
  | { ok: false; code: WithdrawalAmountCode; reason: string }

export interface WithdrawalLimits {
  minFen: Fen
  availableFen: Fen
}

/**
 * A withdrawal amount as typed or pasted, checked the way the cloud checks it (positive, at least the
 * account's minimum, at most what is available) so the merchant learns before sending. The cloud checks
 * again; these are its rules, not a second set.
 */
export function parseWithdrawalAmount(text: unknown, limits: WithdrawalLimits): WithdrawalAmountCheck {
  const parsed = parseYuanToFen(text)
  if (!parsed.ok) return { ok: false, code: 'WITHDRAW_AMOUNT_INVALID', reason: parsed.reason }
  const { fen } = parsed
  if (fen === 0) return { ok: false, code: 'WITHDRAW_AMOUNT_INVALID', reason: '提现金额须大于0' }
  if (fen < limits.minFen) {
    return { ok: false, code: 'WITHDRAW_BELOW_MINIMUM', reason: `最低提现${formatFen(limits.minFen)}` }
  }
  if (fen > limits.availableFen) {
    return {
      ok: false,
      code: 'WITHDRAW_ABOVE_AVAILABLE',
      reason: `最多可提现${formatFen(limits.availableFen)}`,
    }
  }
  return { ok: true, fen }
}
