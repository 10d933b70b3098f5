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
