// The receipts page's date ranges, as Shanghai calendar days (YYYY-MM-DD keys, both ends inclusive). "Today"
// is the cloud's day, which the store learns from the cloud: a phone's clock can be off by days.
import { formatDate, parseIso } from '@/domain/time'

export type RangePreset = 'today' | '7d' | '30d' | 'custom'

export interface DateRange {
  preset: RangePreset
  from: string
  to: string
}

/** The cloud answers at most 92 days at once (a quarter). */
export const MAX_RANGE_DAYS = 92

const DAY_MS = 86_400_000
const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/

function startOf(key: string): number | null {
  return DATE_KEY.test(key) ? parseIso(key) : null
}

/** `2026-11-20` shifted by `days` calendar days (negative goes back). */
export function shiftDateKey(key: string, days: number): string {
  const start = startOf(key)
  if (start === null) throw new RangeError(`shiftDateKey: "${key}" is not a date`)
  // Noon of the day, so that no rounding at midnight can slip a day.
  return formatDate(start + days * DAY_MS + DAY_MS / 2)
}

export const PRESET_DAYS: Record<Exclude<RangePreset, 'custom'>, number> = { today: 1, '7d': 7, '30d': 30 }

export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DateRange {
  return { preset, from: shiftDateKey(today, 1 - PRESET_DAYS[preset]), to: today }
}

/** Days from `from` to `to`, both counted. */
export function daysBetween(from: string, to: string): number {
  const a = startOf(from)
  const b = startOf(to)
  if (a === null || b === null) return Number.NaN
  return Math.round((b - a) / DAY_MS) + 1
}

export type RangeCheck = { ok: true; range: DateRange } | { ok: false; reason: string }

/** A range the merchant picked: real dates, in order, not after today, at most MAX_RANGE_DAYS long. */
export function checkCustomRange(from: string, to: string, today: string): RangeCheck {
  if (startOf(from) === null || startOf(to) === null) return { ok: false, reason: '请选择开始和结束日期' }
  if (from > to) return { ok: false, reason: '开始日期不能晚于结束日期' }
  if (to > today) return { ok: false, reason: '不能选择今天之后的日期' }
  if (daysBetween(from, to) > MAX_RANGE_DAYS) return { ok: false, reason: `最多查询${MAX_RANGE_DAYS}天` }
  return { ok: true, range: { preset: 'custom', from, to } }
}
