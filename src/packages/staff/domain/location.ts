import type { DeviceLocation, StaffRole } from '@/api/types'
import { formatDateTime } from '@/domain/time'

/**
 * Who may correct a cabinet's 点位: ops staff of the device (the cloud refuses a restocker with
 * STAFF_ROLE_REQUIRED; the button is not offered to one).
 */
export function mayCorrectLocation(role: StaffRole): boolean {
  return role === 'ops'
}

export interface LocationLines {
  name: string
  address: string
  /** Who set it and when, in Shanghai time; the platform's placement at installation names no one. */
  updated: string
}

/** The device page's 点位 card: the point, its address, and who set it when. */
export function describeLocation(location: DeviceLocation | null): LocationLines {
  if (!location) return { name: '未设置点位', address: '', updated: '' }
  const when = formatDateTime(location.updatedAt)
  return {
    name: location.name,
    address: location.address || '（无详细地址）',
    updated: location.updatedBy ? `${when} 由${location.updatedBy}修改` : `${when} 安装时设置`,
  }
}
