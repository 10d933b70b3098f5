import { LIGHT_TIMES, describeLight, lightScheduleProblem, temperatureProblem } from '../lightSchedule'

test('a light window needs two different HH:mm times; one across midnight is fine', () => {
  expect(lightScheduleProblem({ from: '07:00', to: '23:00' })).toBeNull()
  expect(lightScheduleProblem({ from: '22:00', to: '02:00' })).toBeNull()
  expect(lightScheduleProblem({ from: '07:00', to: '07:00' })).toBe('开灯和关灯时间不能相同')
  expect(lightScheduleProblem({ from: '7:00', to: '23:00' })).toBe('请选择开灯和关灯时间')
})

test('the light as the device reports it, in words', () => {
  expect(describeLight({ on: true, schedule: null })).toBe('常亮')
  expect(describeLight({ on: false, schedule: null })).toBe('关闭')
  expect(describeLight({ on: true, schedule: { from: '07:00', to: '23:00' } })).toBe('定时 07:00–23:00 亮灯')
})

test('target temperatures outside −10–30 ℃ are refused', () => {
  expect(temperatureProblem(6)).toBeNull()
  expect(temperatureProblem(-11)).toContain('-10–30')
  expect(temperatureProblem(31)).toContain('-10–30')
  expect(temperatureProblem(Number.NaN)).toBe('请输入温度')
})

test('the times offered are every half hour of the day, each one the cloud accepts', () => {
  expect(LIGHT_TIMES).toHaveLength(48)
  expect([LIGHT_TIMES[0], LIGHT_TIMES[15], LIGHT_TIMES[47]]).toEqual(['00:00', '07:30', '23:30'])
  expect(
    LIGHT_TIMES.every(
      (t) => lightScheduleProblem({ from: t, to: t === '00:00' ? '01:00' : '00:00' }) === null,
    ),
  ).toBe(true)
})
