// Who may do staff work: a staff role at all, and a binding to the device concerned (a removed binding
// says so).
import { activeBindings, bindingFor, requireDevice, requireUser } from '../access'
import { cloudError } from '../errors'
import type { Ctx, DeviceRecord, UserRecord } from '../state'

const NOT_BOUND_MESSAGE = '补货员扫码补货无法开门：您还没有绑定这台设备'
const NOT_BOUND_HINT = '请联系商户在后台把您绑定到该设备'

export function requireStaff(ctx: Ctx, caller: string | null): UserRecord {
  const user = requireUser(ctx, caller)
  if (activeBindings(ctx, user.id).length === 0) {
    const removed = ctx.world.staff.some((b) => b.userId === user.id && b.state === 'removed')
    throw removed ? cloudError('STAFF_REMOVED') : cloudError('FORBIDDEN', '您不是补货员或运维人员')
  }
  return user
}

export function requireStaffDevice(
  ctx: Ctx,
  caller: string | null,
  deviceCode: string,
): { user: UserRecord; device: DeviceRecord } {
  const user = requireUser(ctx, caller)
  const device = requireDevice(ctx, deviceCode)
  const binding = bindingFor(ctx, user.id, device.code)
  if (!binding) throw cloudError('STAFF_NOT_BOUND', NOT_BOUND_MESSAGE, undefined, { hint: NOT_BOUND_HINT })
  if (binding.state === 'removed') {
    throw cloudError('STAFF_REMOVED', '您已被移出该设备的补货员', undefined, { hint: '如有疑问请联系商户' })
  }
  return { user, device }
}
