import type { AlarmKind, AlarmState, DeviceState, ExpiryWarning, StaffDevice } from '@/api/types'
import { formatDate } from '@/domain/time'
import { ALARM_KIND_LABEL } from './labels'

export interface ExpiryNotice {
  date: string
  level: ExpiryWarning
  /** The warning to show, or null when the service runs for more than 30 days. */
  text: string | null
  /** An expired device does not open for shoppers (restockers can still open it). */
  blocksShoppers: boolean
}

const WARNING_TEXT: Record<'30' | '7' | '1', string> = {
  '30': '30天内到期，请及时续费',
  '7': '7天内到期，请尽快续费',
  '1': '1天内到期，到期后顾客将无法开门',
}

/**
 * The cloud decides the warning level (30 / 7 / 1 days, expired) by its own clock; the app only words it
 * (a phone's clock may be days off, so it counts nothing itself).
 */
export function expiryNotice(device: Pick<StaffDevice, 'serviceExpiresAt' | 'expiryWarning'>): ExpiryNotice {
  const level = device.expiryWarning
  const notice: ExpiryNotice = {
    date: formatDate(device.serviceExpiresAt),
    level,
    text: null,
    blocksShoppers: level === 'expired',
  }
  if (level === 'expired') notice.text = '服务已到期，顾客无法开门'
  else if (level !== null) notice.text = WARNING_TEXT[String(level) as '30' | '7' | '1']
  return notice
}

/** Alarms about the cabinet itself (stock alerts are shown apart). */
const FAULT_KINDS: readonly AlarmKind[] = [
  'lock_fault',
  'camera_fault',
  'offline',
  'door_open',
  'temperature',
]

export interface DeviceHealth {
  faults: { id: string; kind: AlarmKind; label: string; state: AlarmState }[]
  lowStock: number
  soldOut: number
  expiry: ExpiryNotice
  /** critical: shoppers are stopped or the cabinet needs someone; warning: act soon */
  severity: 'ok' | 'warning' | 'critical'
  /** 0 needs someone now, 1 service ends soon, 2 stock runs low, 3 fine: the order of the device list */
  urgency: 0 | 1 | 2 | 3
}

/** Device states in which shoppers cannot open the cabinet. */
const STOPPED: readonly DeviceState[] = [
  'offline',
  'expired',
  'not_activated',
  'lock_fault',
  'camera_fault',
  'quota_exhausted',
]

export function deviceHealth(device: StaffDevice): DeviceHealth {
  const faults = device.alarms
    .filter((a) => FAULT_KINDS.includes(a.kind))
    .map((a) => ({ id: a.id, kind: a.kind, label: ALARM_KIND_LABEL[a.kind], state: a.state }))
  if (!device.online && !faults.some((f) => f.kind === 'offline')) {
    faults.unshift({
      id: `${device.code}-offline`,
      kind: 'offline',
      label: ALARM_KIND_LABEL.offline,
      state: 'open',
    })
  }
  const lowStock = device.stockAlerts.filter((a) => a.stockState === 'low').length
  const soldOut = device.stockAlerts.filter((a) => a.stockState === 'sold_out').length
  const expiry = expiryNotice(device)
  const urgency =
    faults.length > 0 || STOPPED.includes(device.state) || expiry.level === 'expired' || expiry.level === 1
      ? 0
      : expiry.level !== null
        ? 1
        : lowStock + soldOut > 0
          ? 2
          : 3
  const severity = urgency === 0 ? 'critical' : urgency === 3 ? 'ok' : 'warning'
  return { faults, lowStock, soldOut, expiry, severity, urgency }
}

/** The devices that need someone first, in the cloud's order otherwise. */
export function byUrgency<D extends StaffDevice>(devices: readonly D[]): D[] {
  return devices
    .map((device, index) => ({ device, index, urgency: deviceHealth(device).urgency }))
    .sort((a, b) => a.urgency - b.urgency || a.index - b.index)
    .map((x) => x.device)
}
