// Where a cabinet stands (点位): ops staff correct it from the phone's map picker. Only ops staff bound to
// the device may move it; a point far from the saved one, or outside China, needs their confirmation; every
// change is kept with who made it and when.
import { cloudError, validationError } from '../errors'
import { nextId, type Ctx, type LocationPoint, type LocationRecord } from '../state'
import { toIso } from '../time'
import type { DeviceLocation, DeviceLocationChange, DeviceLocationRequest } from '../types'
import { requireStaffDevice } from './access'

/** A move farther than this from the saved point needs the staff member's confirmation. */
export const FAR_METRES = 1000

/** China's bounding box, roughly (GCJ-02 is only offset inside it). */
export const CHINA_BOUNDS = { minLat: 3.8, maxLat: 53.6, minLng: 73.5, maxLng: 135.1 }

const EARTH_RADIUS_M = 6_371_000

type Coordinates = Pick<LocationPoint, 'latitude' | 'longitude'>

/** Great-circle distance in whole metres (haversine; GCJ-02's offset is the same for two nearby points). */
export function distanceMetres(a: Coordinates, b: Coordinates): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.latitude - a.latitude)
  const dLng = rad(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))))
}

export function insideChina(p: Coordinates): boolean {
  const b = CHINA_BOUNDS
  return (
    p.latitude >= b.minLat && p.latitude <= b.maxLat && p.longitude >= b.minLng && p.longitude <= b.maxLng
  )
}

function distanceWords(metres: number): string {
  return metres >= 1000 ? `${(metres / 1000).toFixed(1)} 公里` : `${metres} 米`
}

function parsePoint(input: unknown): LocationPoint {
  const raw = (input ?? {}) as Record<string, unknown>
  const fields: Record<string, string> = {}
  const name = typeof raw.name === 'string' ? raw.name.trim() : ''
  const address = typeof raw.address === 'string' ? raw.address.trim() : ''
  if (name === '' || name.length > 60) fields.name = '请选择点位（名称 1–60 个字）'
  if (typeof raw.address !== 'string' || address.length > 200) fields.address = '地址不能超过 200 个字'
  const number = (value: unknown, min: number, max: number) =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
  if (!number(raw.latitude, -90, 90)) fields.latitude = '纬度须在 -90 到 90 之间'
  if (!number(raw.longitude, -180, 180)) fields.longitude = '经度须在 -180 到 180 之间'
  if (raw.confirmFar !== undefined && typeof raw.confirmFar !== 'boolean') fields.confirmFar = '须为是或否'
  if (Object.keys(fields).length > 0) throw validationError(fields)
  return { name, address, latitude: raw.latitude as number, longitude: raw.longitude as number }
}

export function toDeviceLocation(ctx: Ctx, record: LocationRecord): DeviceLocation {
  return {
    name: record.name,
    address: record.address,
    latitude: record.latitude,
    longitude: record.longitude,
    updatedAt: toIso(record.updatedAt),
    updatedBy: record.updatedBy === null ? null : (ctx.world.users.get(record.updatedBy)?.nickname ?? null),
  }
}

export function locationOps(ctx: Ctx) {
  return {
    updateDeviceLocation(
      caller: string | null,
      deviceCode: string,
      input: DeviceLocationRequest,
    ): DeviceLocationChange {
      const { user, device } = requireStaffDevice(ctx, caller, deviceCode)
      const binding = ctx.world.staff.find((b) => b.userId === user.id && b.deviceCode === device.code)
      if (binding?.role !== 'ops') {
        throw cloudError('STAFF_ROLE_REQUIRED', '只有运维人员可以修改设备定位', undefined, {
          hint: '如需开通运维权限，请联系商户',
        })
      }
      const point = parsePoint(input)
      const from = device.location ?? null
      const distanceM = from ? distanceMetres(from, point) : null
      const outside = !insideChina(point)
      const far = distanceM !== null && distanceM > FAR_METRES
      if ((outside || far) && input.confirmFar !== true) {
        const why = outside ? '新位置不在中国境内' : `新位置距原点位约 ${distanceWords(distanceM ?? 0)}`
        throw cloudError('LOCATION_NEEDS_CONFIRMATION', why, undefined, {
          hint: '请确认柜子确实在这个位置，确认后再保存',
        })
      }
      const to: LocationRecord = { ...point, updatedAt: ctx.clock.now(), updatedBy: user.id }
      device.location = to
      const change = {
        id: nextId(ctx, 'loc'),
        deviceCode: device.code,
        userId: user.id,
        from: from ? { ...from } : null,
        to: { ...to },
        distanceM,
        confirmedFar: outside || far,
        changedAt: to.updatedAt,
      }
      ctx.world.locationChanges.push(change)
      return {
        id: change.id,
        deviceCode: device.code,
        location: toDeviceLocation(ctx, to),
        previous: from ? toDeviceLocation(ctx, from) : null,
        distanceM,
        confirmedFar: change.confirmedFar,
      }
    },

    /** Every recorded change of one device's location, oldest first (the cloud's history; diagnostics). */
    locationHistory(deviceCode: string) {
      return ctx.world.locationChanges.filter((c) => c.deviceCode === deviceCode).map((c) => ({ ...c }))
    },
  }
}
