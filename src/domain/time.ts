// Times are shown in Asia/Shanghai whatever the phone's timezone (a traveller's phone, an emulator in UTC).
// China has had no DST since 1991, so a fixed +08:00 offset is exact; it avoids dayjs's timezone plugin,
// which needs Intl time zone data that mini-program runtimes do not reliably have. ISO strings are parsed
// here too, because engines disagree on what `new Date(string)` accepts.
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)

/** ISO 8601 text (the cloud's `...At` fields) or epoch milliseconds. */
export type TimeInput = string | number

export const SHANGHAI_OFFSET_MINUTES = 8 * 60
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000
const DAY_MS = 86_400_000

/** What the formatters return for a missing or malformed time, so a page never shows "Invalid Date". */
export const TIME_PLACEHOLDER = '--'

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|z|[+-]\d{2}:?\d{2})?$/

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Epoch milliseconds of an ISO 8601 date-time, or null. Text without an offset is read as Shanghai time
 * (the cloud's zone); a bare date is Shanghai midnight.
 */
export function parseIso(iso: string): number | null {
  const m = ISO.exec(iso.trim())
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)]
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3))
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || second > 59) return null

  let offsetMinutes = SHANGHAI_OFFSET_MINUTES
  const zone = m[8]
  if (zone === 'Z' || zone === 'z') {
    offsetMinutes = 0
  } else if (zone !== undefined) {
    const digits = zone.replace(':', '')
    const oh = Number(digits.slice(1, 3))
    const om = Number(digits.slice(3, 5))
    if (oh > 14 || om > 59) return null
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om)
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000
}

function toMs(input: TimeInput | null | undefined): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null
  if (typeof input === 'string') return parseIso(input)
  return null
}

/**
 * A dayjs whose wall clock is Shanghai's, for formats the helpers below do not cover (e.g. 'M月D日 dddd').
 * Built in UTC mode from the shifted instant, so the phone's own zone and its DST never leak in. Only use
 * it to format: its offset tokens ('Z') and its instant are not meaningful.
 */
export function shanghaiWallClock(input: TimeInput | null | undefined): Dayjs | null {
  const ms = toMs(input)
  return ms === null ? null : dayjs.utc(ms + OFFSET_MS).locale('zh-cn')
}

/** Formats in Shanghai time with any dayjs template; TIME_PLACEHOLDER for a missing or bad input. */
export function formatShanghai(input: TimeInput | null | undefined, template: string): string {
  return shanghaiWallClock(input)?.format(template) ?? TIME_PLACEHOLDER
}

/** '2025-03-08 14:05' */
export function formatDateTime(input: TimeInput | null | undefined): string {
  return formatShanghai(input, 'YYYY-MM-DD HH:mm')
}

/** '14:05:09' */
export function formatTime(input: TimeInput | null | undefined): string {
  return formatShanghai(input, 'HH:mm:ss')
}

/** '2025-03-08' */
export function formatDate(input: TimeInput | null | undefined): string {
  return formatShanghai(input, 'YYYY-MM-DD')
}

/**
 * An elapsed time as 'mm:ss' (the open-door timer). Minutes keep counting past 59 ('75:03') rather than
 * switching format mid-session; negative or non-finite input shows '00:00'.
 */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
}

function shanghaiDayNumber(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS)
}

/**
 * Calendar days from now to the target, counted on Shanghai dates: 0 today, 1 tomorrow, negative once
 * past. Service expiry warnings (30 / 7 / 1 days) speak in calendar days, not 24-hour blocks. Null for a
 * missing or bad time.
 */
export function daysUntil(input: TimeInput | null | undefined, nowMs: number): number | null {
  const target = toMs(input)
  if (target === null || !Number.isFinite(nowMs)) return null
  return shanghaiDayNumber(target) - shanghaiDayNumber(nowMs)
}
