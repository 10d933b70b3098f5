// Device alarms as staff see them: listed for their devices, acknowledged one by one.
import { activeBindings } from '../access'
import { cloudError } from '../errors'
import type { Ctx } from '../state'
import { isoIfSet, toIso } from '../time'
import type { Alarm, AlarmState, Page } from '../types'
import { definedIn, paginate } from '../util'
import { requireStaff, requireStaffDevice } from './access'

export function toAlarm(ctx: Ctx, id: string): Alarm | null {
  const a = ctx.world.alarms.get(id)
  if (!a) return null
  const out: Alarm = {
    id: a.id,
    deviceCode: a.deviceCode,
    kind: a.kind,
    state: a.state,
    raisedAt: toIso(a.raisedAt),
  }
  return Object.assign(out, definedIn(a, ['productId']), isoIfSet(a, ['acknowledgedAt', 'clearedAt']))
}

export function alarmOps(ctx: Ctx) {
  return {
    listAlarms(
      caller: string | null,
      input: { deviceCode?: string; state?: AlarmState; cursor?: string | null; limit?: number } = {},
    ): Page<Alarm> {
      const user = requireStaff(ctx, caller)
      if (input.deviceCode !== undefined) requireStaffDevice(ctx, caller, input.deviceCode)
      const codes = new Set(activeBindings(ctx, user.id).map((b) => b.deviceCode))
      const alarms = [...ctx.world.alarms.values()]
        .filter(
          (a) =>
            codes.has(a.deviceCode) &&
            (input.deviceCode === undefined || a.deviceCode === input.deviceCode) &&
            (input.state === undefined || a.state === input.state),
        )
        .sort((a, b) => b.raisedAt - a.raisedAt || (a.id < b.id ? 1 : -1))
      const page = paginate(alarms, (a) => a.id, input)
      return { items: page.items.flatMap((a) => toAlarm(ctx, a.id) ?? []), nextCursor: page.nextCursor }
    },

    acknowledgeAlarm(caller: string | null, alarmId: string): Alarm {
      requireStaff(ctx, caller)
      const alarm = ctx.world.alarms.get(alarmId)
      if (!alarm) throw cloudError('ALARM_NOT_FOUND')
      requireStaffDevice(ctx, caller, alarm.deviceCode)
      if (alarm.state === 'open') {
        alarm.state = 'acknowledged'
        alarm.acknowledgedAt = ctx.clock.now()
      }
      return toAlarm(ctx, alarm.id) as Alarm
    },
  }
}
