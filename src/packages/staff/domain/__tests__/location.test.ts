import { describeLocation, mayCorrectLocation } from '../location'

test('only ops staff are offered 修改定位', () => {
  expect(mayCorrectLocation('ops')).toBe(true)
  expect(mayCorrectLocation('restocker')).toBe(false)
})

test('a point set by a staff member says who and when, in Shanghai time', () => {
  expect(
    describeLocation({
      name: '科技园C栋北门',
      address: '科苑路15号',
      latitude: 22.5437,
      longitude: 113.952115,
      updatedAt: '2026-11-20T04:01:00Z',
      updatedBy: '补货员小王',
    }),
  ).toEqual({ name: '科技园C栋北门', address: '科苑路15号', updated: '2026-11-20 12:01 由补货员小王修改' })
})

test('the platform’s placement names no one; a missing address and a missing point say so', () => {
  const placed = describeLocation({
    name: '科技园C栋',
    address: '',
    latitude: 1,
    longitude: 2,
    updatedAt: '2026-11-20T12:00:00+08:00',
    updatedBy: null,
  })
  expect(placed).toEqual({
    name: '科技园C栋',
    address: '（无详细地址）',
    updated: '2026-11-20 12:00 安装时设置',
  })
  expect(describeLocation(null)).toEqual({ name: '未设置点位', address: '', updated: '' })
})
