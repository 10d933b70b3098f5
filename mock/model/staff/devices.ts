// Staff's devices: binding by invite, the device list and detail (state, alarms, stock alerts, service
// expiry, light), and device commands (light, temperature) that the cabinet acknowledges later.
import {
  activeBindings,
  bindingFor,
  clearAlarms,
  deviceState,
  imageUrl,
  raiseAlarm,
  requireUser,
  stockStateOf,
  toUser,
} from '../access'
import { cloudError, validationError } from '../errors'
import { nextId, type CommandRecord, type Ctx, type DeviceRecord } from '../state'
import { DAY_MS, isoIfSet, toIso } from '../time'
import type {
  DeviceCommand,
  DeviceLight,
  ExpiryWarning,
  LightSchedule,
  StaffDevice,
  StaffDeviceDetail,
  User,
} from '../types'
import { clone, definedIn } from '../util'
import { requireStaff, requireStaffDevice } from './access'
import { toAlarm } from './alarms'
import { toDeviceLocation } from './location'

export function expiryWarningOf(expiresAt: number, now: number): ExpiryWarning {
  const days = (expiresAt - now) / DAY_MS
  if (days <= 0) return 'expired'
  if (days <= 1) return 1
  if (days <= 7) return 7
  if (days <= 30) return 30
  return null
}

function toStaffDevice(ctx: Ctx, device: DeviceRecord, userId: string): StaffDevice {
  const binding = bindingFor(ctx, userId, device.code)
  const alarms = [...ctx.world.alarms.values()]
    .filter((a) => a.deviceCode === device.code && a.state !== 'cleared')
    .sort((a, b) => b.raisedAt - a.raisedAt)
    .flatMap((a) => toAlarm(ctx, a.id) ?? [])
  const out: StaffDevice = {
    code: device.code,
    name: device.name,
    place: device.place,
    kind: device.kind,
    doorCount: device.doorCount,
    role: binding?.role ?? 'restocker',
    online: !device.faults.has('offline'),
    state: deviceState(ctx, device),
    temperatureC: device.temperatureC,
    alarms,
    stockAlerts: device.goods.flatMap((g) => {
      const state = stockStateOf(ctx, g.stock)
      return state === 'in_stock'
        ? []
        : [{ productId: g.productId, name: g.name, doorNo: g.doorNo, stock: g.stock, stockState: state }]
    }),
    serviceExpiresAt: toIso(device.serviceExpiresAt),
    expiryWarning: expiryWarningOf(device.serviceExpiresAt, ctx.clock.now()),
    light: clone(device.light ?? DEFAULT_LIGHT),
  }
  return out
}

const DEFAULT_LIGHT: DeviceLight = { on: true, schedule: null }

function toStaffDeviceDetail(ctx: Ctx, device: DeviceRecord, userId: string): StaffDeviceDetail {
  return {
    ...toStaffDevice(ctx, device, userId),
    goods: device.goods.map((g) => ({
      productId: g.productId,
      name: g.name,
      imageUrl: g.imageUrl || imageUrl(ctx, g.productId),
      doorNo: g.doorNo,
      priceFen: g.priceFen,
      systemStock: g.stock,
      capacity: g.capacity,
      stockState: stockStateOf(ctx, g.stock),
    })),
    location: device.location ? toDeviceLocation(ctx, device.location) : null,
  }
}

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/

function parseLightSchedule(input: unknown): LightSchedule {
  const raw = (input ?? {}) as { from?: unknown; to?: unknown }
  const from = typeof raw.from === 'string' ? raw.from : ''
  const to = typeof raw.to === 'string' ? raw.to : ''
  if (!HH_MM.test(from)) throw validationError({ 'schedule.from': '开灯时间格式须为 HH:mm' })
  if (!HH_MM.test(to)) throw validationError({ 'schedule.to': '关灯时间格式须为 HH:mm' })
  if (from === to) throw validationError({ 'schedule.to': '开灯和关灯时间不能相同' })
  return { from, to }
}

function toCommand(cmd: CommandRecord): DeviceCommand {
  const out: DeviceCommand = {
    id: cmd.id,
    deviceCode: cmd.deviceCode,
    kind: cmd.kind,
    value: cmd.value,
    state: cmd.state,
    createdAt: toIso(cmd.createdAt),
  }
  if (cmd.schedule !== undefined) out.schedule = { ...cmd.schedule }
  return Object.assign(out, definedIn(cmd, ['reason']), isoIfSet(cmd, ['settledAt']))
}

export function deviceOps(ctx: Ctx) {
  return {
    bindStaff(caller: string | null, input: { inviteCode: string }): User {
      const user = requireUser(ctx, caller)
      const invite =
        typeof input?.inviteCode === 'string'
          ? ctx.world.invites.get(input.inviteCode.trim().toUpperCase())
          : undefined
      if (!invite || invite.usedBy !== null || invite.expiresAt <= ctx.clock.now())
        throw cloudError('STAFF_INVITE_INVALID')
      invite.usedBy = user.id
      for (const code of invite.deviceCodes) {
        const existing = bindingFor(ctx, user.id, code)
        if (existing) existing.state = 'active'
        else ctx.world.staff.push({ userId: user.id, deviceCode: code, role: 'restocker', state: 'active' })
      }
      return toUser(ctx, user)
    },

    listStaffDevices(caller: string | null): { items: StaffDevice[] } {
      const user = requireStaff(ctx, caller)
      const items = activeBindings(ctx, user.id).flatMap((b) => {
        const device = ctx.world.devices.get(b.deviceCode)
        return device ? [toStaffDevice(ctx, device, user.id)] : []
      })
      return { items }
    },

    getStaffDevice(caller: string | null, deviceCode: string): StaffDeviceDetail {
      const { user, device } = requireStaffDevice(ctx, caller, deviceCode)
      return toStaffDeviceDetail(ctx, device, user.id)
    },

    updateDeviceSettings(
      caller: string | null,
      deviceCode: string,
      input: { kind: 'light' | 'temperature'; value: number | boolean; schedule?: LightSchedule },
    ): DeviceCommand {
      const { user, device } = requireStaffDevice(ctx, caller, deviceCode)
      let schedule: LightSchedule | undefined
      if (input?.kind === 'light') {
        if (typeof input.value !== 'boolean') throw validationError({ value: '请选择开或关' })
        if (input.schedule !== undefined) schedule = parseLightSchedule(input.schedule)
      } else if (input?.kind === 'temperature') {
        if (typeof input.value !== 'number' || input.value < -10 || input.value > 30) {
          throw validationError({ value: '温度须在-10–30℃之间' })
        }
      } else throw validationError({ kind: '不支持的设置' })
      if (device.faults.has('offline')) throw cloudError('DEVICE_OFFLINE', '设备离线，无法下发指令')
      const id = nextId(ctx, 'cmd')
      const cmd: CommandRecord = {
        id,
        deviceCode: device.code,
        userId: user.id,
        kind: input.kind,
        value: input.value,
        state: 'sending',
        createdAt: ctx.clock.now(),
      }
      if (schedule) cmd.schedule = schedule
      ctx.world.commands.set(id, cmd)
      ctx.clock.setTimeout(() => {
        // The device went offline meanwhile, or never answered.
        if (device.faults.has('offline') || device.faults.has('command_failure')) {
          cmd.state = 'failed'
          cmd.reason = device.faults.has('offline') ? '设备离线，指令未送达' : '设备未响应'
        } else {
          cmd.state = 'acknowledged'
          if (cmd.kind === 'temperature' && typeof cmd.value === 'number') {
            device.temperatureC = cmd.value
            if (cmd.value > ctx.settings.maxTemperatureC) raiseAlarm(ctx, device.code, 'temperature')
            else clearAlarms(ctx, device.code, 'temperature')
          }
          if (cmd.kind === 'light' && typeof cmd.value === 'boolean') {
            device.light = { on: cmd.value, schedule: cmd.schedule ? { ...cmd.schedule } : null }
          }
        }
        cmd.settledAt = ctx.clock.now()
      }, ctx.settings.commandDelayMs)
      return toCommand(cmd)
    },

    getDeviceCommand(caller: string | null, deviceCode: string, commandId: string): DeviceCommand {
      const { device } = requireStaffDevice(ctx, caller, deviceCode)
      const cmd = ctx.world.commands.get(commandId)
      if (!cmd || cmd.deviceCode !== device.code) throw cloudError('NOT_FOUND')
      return toCommand(cmd)
    },

    /** Control: the merchant removes a staff member from a device. */
    unbindStaff(userId: string, deviceCode: string): void {
      const binding = bindingFor(ctx, userId, deviceCode)
      if (!binding) throw cloudError('NOT_FOUND')
      binding.state = 'removed'
    },
  }
}
