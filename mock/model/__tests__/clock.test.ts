import { ManualClock, SystemClock } from '../clock'
import { chinaParts, dateKeyToMs, parseHhMm, parseIso, startOfChinaDay, toIso } from '../time'

describe('ManualClock', () => {
  test('given timers at 300 and 100 ms, when time advances, they run in due order, each seeing its own time', () => {
    const clock = new ManualClock('2026-11-20T12:00:00+08:00')
    const seen: string[] = []
    clock.setTimeout(() => seen.push(`b@${toIso(clock.now())}`), 3000)
    clock.setTimeout(() => seen.push(`a@${toIso(clock.now())}`), 1000)
    clock.advance(2000)
    expect(seen).toEqual(['a@2026-11-20T12:00:01+08:00'])
    clock.advance(5000)
    expect(seen).toEqual(['a@2026-11-20T12:00:01+08:00', 'b@2026-11-20T12:00:03+08:00'])
    expect(toIso(clock.now())).toBe('2026-11-20T12:00:07+08:00')
  })

  test('a timer scheduled by a timer runs within the same advance when it falls due', () => {
    const clock = new ManualClock(0)
    const seen: number[] = []
    clock.setTimeout(() => {
      seen.push(clock.now())
      clock.setTimeout(() => seen.push(clock.now()), 100)
    }, 100)
    clock.advance(250)
    expect(seen).toEqual([100, 200])
  })

  test('timers due at the same instant run in creation order; a cleared timer never runs', () => {
    const clock = new ManualClock(0)
    const seen: string[] = []
    clock.setTimeout(() => seen.push('first'), 10)
    const h = clock.setTimeout(() => seen.push('cleared'), 10)
    clock.setTimeout(() => seen.push('second'), 10)
    clock.clearTimeout(h)
    clock.advance(10)
    expect(seen).toEqual(['first', 'second'])
    expect(clock.pendingTimers()).toBe(0)
  })

  test('set() forward runs due timers; set() backward just moves the hands', () => {
    const clock = new ManualClock('2026-11-20T12:00:00+08:00')
    let ran = false
    clock.setTimeout(() => (ran = true), 60_000)
    clock.set('2026-11-20T12:05:00+08:00')
    expect(ran).toBe(true)
    clock.set('2026-11-20T08:00:00+08:00')
    expect(toIso(clock.now())).toBe('2026-11-20T08:00:00+08:00')
  })

  test('runAll() drains every timer', () => {
    const clock = new ManualClock(0)
    let n = 0
    clock.setTimeout(() => (n += 1), 5_000)
    clock.setTimeout(() => (n += 1), 50_000)
    clock.runAll()
    expect(n).toBe(2)
    expect(clock.now()).toBe(50_000)
  })
})

describe('SystemClock', () => {
  test('travelTo() shifts now() to the instant and real time keeps flowing from there', () => {
    const clock = new SystemClock()
    clock.travelTo('2030-01-01T00:00:00+08:00')
    const delta = clock.now() - parseIso('2030-01-01T00:00:00+08:00')
    expect(delta).toBeGreaterThanOrEqual(0)
    expect(delta).toBeLessThan(1000)
    clock.setOffset(0)
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000)
  })

  test('its timers are real timers', async () => {
    const clock = new SystemClock()
    await new Promise<void>((resolve) => clock.setTimeout(resolve, 5))
    const h = clock.setTimeout(() => {
      throw new Error('must not run')
    }, 5)
    clock.clearTimeout(h)
    await new Promise((r) => setTimeout(r, 20))
  })
})

describe('China time helpers (UTC+8, no DST, independent of the host TZ)', () => {
  test('toIso formats with +08:00', () => {
    expect(toIso(Date.UTC(2026, 10, 20, 4, 0, 0))).toBe('2026-11-20T12:00:00+08:00')
    expect(toIso(Date.UTC(2026, 10, 20, 16, 30, 5))).toBe('2026-11-21T00:30:05+08:00')
  })
  test('parseIso requires an offset', () => {
    expect(parseIso('2026-11-20T04:00:00Z')).toBe(Date.UTC(2026, 10, 20, 4))
    expect(() => parseIso('2026-11-20T12:00:00')).toThrow()
  })
  test('weekday and minute of day are China-local', () => {
    // 2026-11-22 is a Sunday; 23:30 in China is still Sunday although it is 15:30 UTC
    const p = chinaParts(parseIso('2026-11-22T23:30:00+08:00'))
    expect(p).toMatchObject({ weekday: 7, minuteOfDay: 23 * 60 + 30, dateKey: '2026-11-22' })
    expect(chinaParts(parseIso('2026-11-23T00:10:00+08:00')).weekday).toBe(1)
  })
  test('start of day and date keys', () => {
    expect(toIso(startOfChinaDay(parseIso('2026-11-20T07:59:00+08:00')))).toBe('2026-11-20T00:00:00+08:00')
    expect(dateKeyToMs('2026-11-20')).toBe(parseIso('2026-11-20T00:00:00+08:00'))
    expect(dateKeyToMs('2026-02-30')).toBeNull()
  })
  test('HH:mm parsing', () => {
    expect(parseHhMm('22:00')).toBe(1320)
    expect(parseHhMm('24:00')).toBe(1440)
    expect(parseHhMm('24:30')).toBeNull()
    expect(parseHhMm('7:00')).toBeNull()
  })
})
