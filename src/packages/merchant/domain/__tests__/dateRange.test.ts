import { checkCustomRange, daysBetween, presetRange, shiftDateKey } from '../dateRange'

describe('the receipts date ranges, on the cloud’s day', () => {
  test('presets end today and count today in', () => {
    expect(presetRange('today', '2026-11-20')).toEqual({
      preset: 'today',
      from: '2026-11-20',
      to: '2026-11-20',
    })
    expect(presetRange('7d', '2026-11-20')).toEqual({ preset: '7d', from: '2026-11-14', to: '2026-11-20' })
    expect(presetRange('30d', '2026-11-20')).toEqual({ preset: '30d', from: '2026-10-22', to: '2026-11-20' })
    expect(daysBetween('2026-10-22', '2026-11-20')).toBe(30)
  })

  test('days shift across months and years, whatever the phone’s time zone', () => {
    expect(shiftDateKey('2026-03-01', -1)).toBe('2026-02-28')
    expect(shiftDateKey('2024-03-01', -1)).toBe('2024-02-29')
    expect(shiftDateKey('2026-12-31', 1)).toBe('2027-01-01')
    expect(() => shiftDateKey('2026-13-01', 1)).toThrow(RangeError)
  })

  test.each([
    ['2026-11-01', '2026-11-20', null],
    ['2026-11-20', '2026-11-20', null],
    ['2026-08-21', '2026-11-20', null],
    ['2026-08-20', '2026-11-20', '最多查询92天'],
    ['2026-11-21', '2026-11-20', '开始日期不能晚于结束日期'],
    ['2026-11-19', '2026-11-21', '不能选择今天之后的日期'],
    ['', '2026-11-20', '请选择开始和结束日期'],
    ['2026-02-30', '2026-11-20', '请选择开始和结束日期'],
  ])('custom %s → %s: %s', (from, to, reason) => {
    const check = checkCustomRange(from, to, '2026-11-20')
    expect(check).toEqual(
      reason === null ? { ok: true, range: { preset: 'custom', from, to } } : { ok: false, reason },
    )
  })
})
