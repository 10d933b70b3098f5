import { barPercents } from '../bars'
import { formatSeconds, isSlow, slowestFirst } from '../latency'

test('bars are shares of the largest value; a small non-zero value stays visible, zero stays empty', () => {
  expect(barPercents([200, 100, 0, 1])).toEqual([100, 50, 0, 2])
  expect(barPercents([0, 0])).toEqual([0, 0])
  expect(barPercents([])).toEqual([])
})

describe('per-cabinet service latency', () => {
  const row = (deviceCode: string, openP95Ms: number | null, settleP95Ms: number | null) => ({
    deviceCode,
    openP50Ms: openP95Ms,
    openP95Ms,
    settleP50Ms: settleP95Ms,
    settleP95Ms,
  })

  test('the slowest cabinet against its budget comes first; cabinets without sessions come last', () => {
    const rows = [row('A', 500, 800), row('B', null, null), row('C', 1700, 900), row('D', 600, 2400)]
    expect(slowestFirst(rows).map((r) => r.deviceCode)).toEqual(['C', 'D', 'A', 'B'])
    expect(rows.map((r) => r.deviceCode)).toEqual(['A', 'B', 'C', 'D'])
  })

  test('a cabinet over 900 ms to open or 1.5 s to settle (p95) is flagged', () => {
    expect(
      [row('A', 900, 1500), row('B', 901, 0), row('C', 0, 1501), row('D', null, null)].map(isSlow),
    ).toEqual([false, true, true, false])
  })

  test('times read in seconds with one decimal: 494 ms is 0.5 秒', () => {
    expect([494, 420, 1850, 12_340, 0, 30].map(formatSeconds)).toEqual([
      '0.5 秒',
      '0.4 秒',
      '1.9 秒',
      '12.3 秒',
      '0.0 秒',
      '0.1 秒',
    ])
    expect(formatSeconds(null)).toBe('—')
  })
})
