import { execFileSync } from 'node:child_process'
import path from 'node:path'
import {
  TIME_PLACEHOLDER,
  daysUntil,
  formatDate,
  formatDateTime,
  formatDuration,
  formatShanghai,
  formatTime,
  parseIso,
} from '../time'

// A door session the cloud reports in its own zone, and the same instant in UTC.
const OPENED_AT = '2025-03-08T14:05:09+08:00'
const OPENED_AT_UTC = '2025-03-08T06:05:09Z'
const TIME_MODULE = path.resolve(__dirname, '..', 'time.ts')

describe('a receipt shows door times in China time', () => {
  test('the cloud time is shown as the wall clock in Shanghai', () => {
    expect(formatDateTime(OPENED_AT)).toBe('2025-03-08 14:05')
    expect(formatTime(OPENED_AT)).toBe('14:05:09')
    expect(formatDate(OPENED_AT)).toBe('2025-03-08')
  })

  test('the same instant written in UTC or another offset shows the same Shanghai time', () => {
    expect(formatDateTime(OPENED_AT_UTC)).toBe('2025-03-08 14:05')
    expect(formatDateTime('2025-03-08T01:05:09-05:00')).toBe('2025-03-08 14:05')
    expect(formatTime('2025-03-08T06:05:09.999Z')).toBe('14:05:09')
  })

  test('a late-night UTC time falls on the next Shanghai date', () => {
    expect(formatDateTime('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30')
  })

  test('epoch milliseconds are accepted', () => {
    expect(formatDateTime(Date.UTC(2025, 2, 8, 6, 5, 9))).toBe('2025-03-08 14:05')
  })

  test('a phone set to New York (with DST), UTC or +14:00 still shows Shanghai time', () => {
    // Jest hands tests a copy of process.env, so TZ can only be changed for a separate Node process.
    const script = `import(${JSON.stringify(TIME_MODULE)}).then((t) => console.log(JSON.stringify({
      offset: new Date(Date.UTC(2025, 2, 10)).getTimezoneOffset(),
      opened: t.formatDateTime('2025-03-08T14:05:09+08:00'),
      gap: t.formatDateTime('2025-03-09T07:30:00Z'),
      weekday: t.formatShanghai('2025-03-08T14:05:09+08:00', 'dddd'),
      days: t.daysUntil('2025-03-10T00:00:00+08:00', Date.parse('2025-03-09T23:59:00+08:00')),
    })))`
    const expectedOffsets: Record<string, number> = {
      'America/New_York': 240,
      UTC: 0,
      'Pacific/Kiritimati': -840,
    }
    for (const [tz, offset] of Object.entries(expectedOffsets)) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      })
      expect(JSON.parse(out)).toEqual({
        // Proves the zone really differs from Shanghai, so the rest is not vacuous.
        offset,
        opened: '2025-03-08 14:05',
        // 02:30 on 2025-03-09 does not exist in New York (spring forward); Shanghai must not care.
        gap: '2025-03-09 15:30',
        weekday: '星期六',
        days: 1,
      })
    }
  }, 20_000)

  test('other formats use Chinese words (zh-cn)', () => {
    expect(formatShanghai(OPENED_AT, 'M月D日 dddd')).toBe('3月8日 星期六')
  })

  test('a missing or malformed time shows a placeholder, never "Invalid Date"', () => {
    for (const bad of [
      undefined,
      null,
      '',
      'yesterday',
      '2025-02-30T10:00:00+08:00',
      '2025-13-01',
      '2025-03-08T24:00:00Z',
      '2025-03-08T10:00:00+25:00',
      Number.NaN,
    ]) {
      expect(formatDateTime(bad)).toBe(TIME_PLACEHOLDER)
      expect(formatTime(bad)).toBe(TIME_PLACEHOLDER)
      expect(formatDate(bad)).toBe(TIME_PLACEHOLDER)
    }
  })
})

describe('parseIso', () => {
  test('reads offsets, Z, fractions and the cloud zone for offset-less text', () => {
    const instant = Date.UTC(2025, 2, 8, 6, 5, 9)
    expect(parseIso(OPENED_AT)).toBe(instant)
    expect(parseIso(OPENED_AT_UTC)).toBe(instant)
    expect(parseIso('2025-03-08T14:05:09+0800')).toBe(instant)
    expect(parseIso('2025-03-08T14:05:09')).toBe(instant)
    expect(parseIso('2025-03-08 14:05:09')).toBe(instant)
    expect(parseIso('2025-03-08T06:05:09.5Z')).toBe(instant + 500)
    expect(parseIso('2025-03-08T06:05:09.123456Z')).toBe(instant + 123)
    expect(parseIso('2025-03-08')).toBe(Date.UTC(2025, 2, 7, 16))
    expect(parseIso('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29))
    expect(parseIso('2025-02-29T00:00:00Z')).toBeNull()
  })
})

describe('the open-door timer', () => {
  test('shows minutes and seconds', () => {
    expect(formatDuration(0)).toBe('00:00')
    expect(formatDuration(999)).toBe('00:00')
    expect(formatDuration(65_000)).toBe('01:05')
    expect(formatDuration(59 * 60_000 + 59_999)).toBe('59:59')
  })

  test('keeps counting minutes past an hour instead of switching format', () => {
    expect(formatDuration(75 * 60_000 + 3_000)).toBe('75:03')
  })

  test('a clock skew that makes the elapsed time negative shows 00:00', () => {
    expect(formatDuration(-5_000)).toBe('00:00')
    expect(formatDuration(Number.NaN)).toBe('00:00')
  })
})

describe('service expiry warnings count calendar days in China', () => {
  const now = Date.parse('2025-03-08T23:00:00+08:00')

  test('expiring later today is 0 days, just after midnight is 1 day', () => {
    expect(daysUntil('2025-03-08T23:59:59+08:00', now)).toBe(0)
    expect(daysUntil('2025-03-09T00:30:00+08:00', now)).toBe(1)
  })

  test('the 30 / 7 / 1 day warnings line up with dates', () => {
    expect(daysUntil('2025-04-07T10:00:00+08:00', now)).toBe(30)
    expect(daysUntil('2025-03-15T00:00:00+08:00', now)).toBe(7)
    expect(daysUntil('2025-03-09', now)).toBe(1)
  })

  test('an expired device has a negative count', () => {
    expect(daysUntil('2025-03-07T12:00:00+08:00', now)).toBe(-1)
  })

  test('a UTC expiry time is counted on its Shanghai date', () => {
    // 2025-03-08T16:30Z is 2025-03-09 00:30 in Shanghai.
    expect(daysUntil('2025-03-08T16:30:00Z', now)).toBe(1)
  })

  test('a missing or malformed time gives null', () => {
    expect(daysUntil(null, now)).toBeNull()
    expect(daysUntil('soon', now)).toBeNull()
    expect(daysUntil('2025-03-09', Number.NaN)).toBeNull()
  })
})
