import { CHINA_BOUNDS, distanceMetres, FAR_METRES } from '../staff/location'
import { cloudErrorOf, cloudFor, loginAs } from './helpers'

// u_staff is ops on SJ0001V (科技园C栋, 22.541862 / 113.952115) and a restocker on GZ0001A.
const C_BLOCK = { latitude: 22.541862, longitude: 113.952115 }
const north = (metres: number) => ({
  latitude: C_BLOCK.latitude + metres / 111_195,
  longitude: C_BLOCK.longitude,
})

function ops() {
  const { cloud, clock } = cloudFor('restocker')
  return { cloud, clock, me: loginAs(cloud, 'u_staff') }
}

const point = (at: { latitude: number; longitude: number }, name = '科技园C栋北门') => ({
  name,
  address: '广东省深圳市南山区科苑路15号',
  ...at,
})

test('the staff device detail shows the saved location (点位, address, who and when)', () => {
  const { cloud, me } = ops()
  expect(cloud.getStaffDevice(me, 'SJ0001V').location).toEqual({
    name: '科技园C栋',
    address: '广东省深圳市南山区科技园科苑路15号C栋',
    ...C_BLOCK,
    updatedAt: '2026-11-20T12:00:00+08:00',
    updatedBy: null,
  })
})

test('ops staff move the cabinet 200 m: saved with who and when, the history keeps from and to', () => {
  const { cloud, clock, me } = ops()
  clock.advance(60_000)
  const change = cloud.updateDeviceLocation(me, 'SJ0001V', point(north(200)))
  expect(change).toMatchObject({
    deviceCode: 'SJ0001V',
    previous: { name: '科技园C栋' },
    location: { name: '科技园C栋北门', updatedAt: '2026-11-20T12:01:00+08:00', updatedBy: '补货员小王' },
    confirmedFar: false,
  })
  expect(change.distanceM).toBeGreaterThanOrEqual(199)
  expect(change.distanceM).toBeLessThanOrEqual(201)
  expect(cloud.getStaffDevice(me, 'SJ0001V').location).toEqual(change.location)
  const history = cloud.locationHistory('SJ0001V')
  expect(history).toHaveLength(1)
  expect(history[0]).toMatchObject({
    userId: 'u_staff',
    from: { name: '科技园C栋' },
    to: { name: '科技园C栋北门' },
  })
})

test('a point more than 1 km away needs confirmation; confirmed, it is saved and marked so', () => {
  const { cloud, me } = ops()
  const far = point(north(3000), '科技园北区')
  const err = cloudErrorOf(
    () => cloud.updateDeviceLocation(me, 'SJ0001V', far),
    'LOCATION_NEEDS_CONFIRMATION',
    409,
  )
  expect(err.message).toBe('新位置距原点位约 3.0 公里')
  expect(cloud.getStaffDevice(me, 'SJ0001V').location?.name).toBe('科技园C栋')
  expect(cloud.locationHistory('SJ0001V')).toEqual([])
  const change = cloud.updateDeviceLocation(me, 'SJ0001V', { ...far, confirmFar: true })
  expect(change.confirmedFar).toBe(true)
  expect(cloud.getStaffDevice(me, 'SJ0001V').location?.name).toBe('科技园北区')
})

test('exactly at the 1 km edge needs no confirmation; just past it does', () => {
  expect(distanceMetres(C_BLOCK, north(FAR_METRES))).toBe(FAR_METRES)
  const { cloud, me } = ops()
  expect(cloud.updateDeviceLocation(me, 'SJ0001V', point(north(999))).confirmedFar).toBe(false)
  const { cloud: other, me: me2 } = ops()
  cloudErrorOf(
    () => other.updateDeviceLocation(me2, 'SJ0001V', point(north(1010))),
    'LOCATION_NEEDS_CONFIRMATION',
  )
})

test('a point outside China needs confirmation too, whatever the distance', () => {
  const { cloud, me } = ops()
  const tokyo = point({ latitude: 35.68, longitude: 139.76 }, '东京站')
  const err = cloudErrorOf(
    () => cloud.updateDeviceLocation(me, 'SJ0001V', tokyo),
    'LOCATION_NEEDS_CONFIRMATION',
  )
  expect(err.message).toBe('新位置不在中国境内')
  expect(tokyo.longitude).toBeGreaterThan(CHINA_BOUNDS.maxLng)
  expect(cloud.updateDeviceLocation(me, 'SJ0001V', { ...tokyo, confirmFar: true }).confirmedFar).toBe(true)
})

test('a device never placed takes its first point without a distance', () => {
  const { cloud } = cloudFor('demo')
  const me = loginAs(cloud, 'u_staff')
  expect(cloud.getStaffDevice(me, 'GZ0003F').location).toBeNull()
  const change = cloud.updateDeviceLocation(me, 'GZ0003F', point(C_BLOCK, '科技园D栋'))
  expect(change).toMatchObject({ previous: null, distanceM: null, confirmedFar: false })
})

test('a restocker of the device may not move it (STAFF_ROLE_REQUIRED); staff of other devices are not bound', () => {
  const { cloud, me } = ops()
  const err = cloudErrorOf(
    () => cloud.updateDeviceLocation(me, 'GZ0001A', point(north(10))),
    'STAFF_ROLE_REQUIRED',
    403,
  )
  expect(err.message).toBe('只有运维人员可以修改设备定位')
  cloudErrorOf(() => cloud.updateDeviceLocation(me, 'GZ0099Z', point(north(10))), 'STAFF_NOT_BOUND', 403)
  const shopper = loginAs(cloud, 'u_happy')
  cloudErrorOf(() => cloud.updateDeviceLocation(shopper, 'SJ0001V', point(north(10))), 'STAFF_NOT_BOUND', 403)
  expect(cloud.locationHistory('GZ0001A')).toEqual([])
})

test('invalid numbers and an empty name are refused field by field, nothing saved', () => {
  const { cloud, me } = ops()
  const err = cloudErrorOf(
    () =>
      cloud.updateDeviceLocation(me, 'SJ0001V', {
        name: ' ',
        address: 'x',
        latitude: 91,
        longitude: Number.NaN,
      }),
    'VALIDATION_FAILED',
    422,
  )
  expect(Object.keys(err.fields ?? {}).sort()).toEqual(['latitude', 'longitude', 'name'])
  expect(cloud.getStaffDevice(me, 'SJ0001V').location?.name).toBe('科技园C栋')
})
