import type { LightSchedule } from '@/api/types'

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/

/** A light-strip window the cloud accepts: two HH:mm times that differ (to < from crosses midnight). */
export function lightScheduleProblem(schedule: LightSchedule): string | null {
  if (!HH_MM.test(schedule.from) || !HH_MM.test(schedule.to)) return '请选择开灯和关灯时间'
  if (schedule.from === schedule.to) return '开灯和关灯时间不能相同'
  return null
}

export function describeLight(light: { on: boolean; schedule: LightSchedule | null }): string {
  if (light.schedule) return `定时 ${light.schedule.from}–${light.schedule.to} 亮灯`
  return light.on ? '常亮' : '关闭'
}

/** The target temperatures the cloud accepts (°C), in half degrees. */
export const TEMPERATURE_RANGE = { min: -10, max: 30, step: 0.5 } as const

export function temperatureProblem(value: number): string | null {
  if (!Number.isFinite(value)) return '请输入温度'
  if (value < TEMPERATURE_RANGE.min || value > TEMPERATURE_RANGE.max) return '温度须在 -10–30℃ 之间'
  return null
}

/**
 * The times offered for the light strip, every half hour. A plain list (selector picker) rather than a
 * time picker: Alipay's picker has no time mode.
 */
export const LIGHT_TIMES: readonly string[] = Array.from(
  { length: 48 },
  (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}`,
)
