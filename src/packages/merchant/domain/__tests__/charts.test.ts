import { barPercents } from '../bars'
import { formatMs, isSlow, slowestFirst } from '../latency'

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

  test('times read as ms below a second and as seconds above', () => {
    expect([formatMs(420), formatMs(1850), formatMs(null)]).toEqual(['420 ms', '1.85 s', '—'])
  })
})
