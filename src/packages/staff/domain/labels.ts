import type {
  AbnormalOrderReason,
  AlarmKind,
  AlarmState,
  DeviceCommandState,
  DeviceState,
  StaffRole,
  StockAdjustReason,
} from '@/api/types'

/** Chinese names for the staff contract's enums, as the operator manual words them. */
export const ALARM_KIND_LABEL: Record<AlarmKind, string> = {
  lock_fault: '门锁异常',
  camera_fault: '摄像头异常',
  offline: '离线',
  door_open: '门未关',
  temperature: '温度异常',
  low_stock: '库存不足',
  sold_out: '已售罄',
}

export const ALARM_STATE_LABEL: Record<AlarmState, string> = {
  open: '未处理',
  acknowledged: '已确认',
  cleared: '已恢复',
}

/** The order the reasons are offered in (the contract's StockAdjustReason). */
export const ADJUST_REASONS: readonly StockAdjustReason[] = ['damaged', 'expired', 'lost', 'other']

export const ADJUST_REASON_LABEL: Record<StockAdjustReason, string> = {
  damaged: '损坏',
  expired: '过期',
  lost: '丢失',
  other: '其他',
}

export const STAFF_ROLE_LABEL: Record<StaffRole, string> = { restocker: '补货员', ops: '运维' }

export const DEVICE_STATE_LABEL: Record<DeviceState, string> = {
  ok: '正常',
  offline: '离线',
  expired: '服务已到期',
  not_activated: '未激活',
  lock_fault: '门锁异常',
  camera_fault: '摄像头异常',
  restocking: '补货中',
  in_use: '顾客购物中',
  quota_exhausted: '识别次数已用完',
}

export const ABNORMAL_REASON_LABEL: Record<AbnormalOrderReason, string> = {
  under_review: '识别待审核',
  settlement_failed: '结算失败',
  objection: '顾客有异议',
}

export const COMMAND_STATE_LABEL: Record<DeviceCommandState, string> = {
  sending: '下发中',
  acknowledged: '已生效',
  failed: '下发失败',
}

/** A signed change as restockers write it: +3, −1, 0. */
export function formatDelta(delta: number): string {
  if (delta > 0) return `+${delta}`
  if (delta < 0) return `−${Math.abs(delta)}`
  return '0'
}
