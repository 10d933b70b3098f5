// China has one zone (UTC+8) and no DST, so the model formats and splits instants by arithmetic instead of
// relying on the host's TZ (the server and the tests may run anywhere).
export const CHINA_OFFSET_MS = 8 * 3_600_000
export const MINUTE_MS = 60_000
export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

export interface ChinaParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** ISO weekday: Monday 1 … Sunday 7 */
  weekday: number
  minuteOfDay: number
  /** YYYY-MM-DD in China */
  dateKey: string
}

export function chinaParts(ms: number): ChinaParts {
  const d = new Date(ms + CHINA_OFFSET_MS)
  const year = d.getUTCFullYear()
  const month = d.getUTCMonth() + 1
  const day = d.getUTCDate()
  const hour = d.getUTCHours()
  const minute = d.getUTCMinutes()
  const jsDay = d.getUTCDay()
  return {
    year,
    month,
    day,
    hour,
    minute,
    second: d.getUTCSeconds(),
    weekday: jsDay === 0 ? 7 : jsDay,
    minuteOfDay: hour * 60 + minute,
    dateKey: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
  }
}

/** ISO 8601 with the +08:00 offset, second precision (what the contract promises for every `…At` field). */
export function toIso(ms: number): string {
  const p = chinaParts(ms)
  return `${p.dateKey}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+08:00`
}

/**
 * The instants under `keys` that a record has, as ISO strings: the contract's optional times, where one
 * that has not happened yet is left out rather than sent as null.
 */
export function isoIfSet<R, K extends keyof R>(record: R, keys: readonly K[]): { [P in K]?: string } {
  const out: { [P in K]?: string } = {}
  for (const key of keys) {
    const value = record[key]
    if (typeof value === 'number') out[key] = toIso(value)
  }
  return out
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** Parses an ISO instant; an offset is required so a string never silently means the host's local time. */
export function parseIso(iso: string): number {
  if (!ISO_WITH_OFFSET.test(iso)) throw new Error(`not an ISO instant with offset: ${iso}`)
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new Error(`invalid instant: ${iso}`)
  return ms
}

export function isIsoInstant(value: string): boolean {
  return ISO_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value))
}

/** Start (ms) of the China calendar day that contains `ms`. */
export function startOfChinaDay(ms: number): number {
  const local = ms + CHINA_OFFSET_MS
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - CHINA_OFFSET_MS
}

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Start (ms) of a China calendar day given as YYYY-MM-DD, or null when the string is not a real date. */
export function dateKeyToMs(key: string): number | null {
  const m = DATE_KEY.exec(key)
  if (!m) return null
  const ms = Date.parse(`${key}T00:00:00+08:00`)
  if (Number.isNaN(ms) || chinaParts(ms).dateKey !== key) return null
  return ms
}

/** Minutes since midnight for 'HH:mm' (00:00–24:00), or null when malformed. */
export function parseHhMm(value: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(value)
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) return null
  return h * 60 + min
}
