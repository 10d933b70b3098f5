/**
 * The ops side through the staff store against the emulated cloud: device health and alarms, a stocktake
 * with two differences, an abnormal order corrected (the shopper's order settles accordingly), remote
 * settings acknowledged or failed, binding by invite, and a shopper who gets 403 everywhere.
 */
import { callApi, ENDPOINTS } from '@/api/endpoints'
import { staffHarness, waitFor, type StaffHarness } from './helpers/harness'

jest.setTimeout(20_000)

let h: StaffHarness
afterEach(() => h?.stop())

test('my devices: a lock alarm, a camera alarm, a device 7 days from expiry; acknowledging an alarm', async () => {
  h = staffHarness('demo')
  h.control.fault({ deviceCode: 'SJ0001V', fault: 'camera_fault', on: true })
  await h.store.getState().loadDevices()
  const devices = h.store.getState().devices.items
  const byCode = (code: string) => devices.find((d) => d.code === code)
  expect(byCode('GZ0005L')?.alarms.map((a) => a.kind)).toContain('lock_fault')
  expect(byCode('SJ0001V')?.alarms.map((a) => a.kind)).toContain('camera_fault')
  expect(byCode('GZ0004E')?.expiryWarning).toBe(7)
  expect(byCode('GZ0003F')?.online).toBe(false)

  await h.store.getState().loadAlarms(null)
  const lock = h.store
    .getState()
    .alarms.items.find((a) => a.kind === 'lock_fault' && a.deviceCode === 'GZ0005L')!
  expect(lock.state).toBe('open')
  expect(await h.store.getState().acknowledgeAlarm(lock.id)).toBeNull()
  expect(h.store.getState().alarms.items.find((a) => a.id === lock.id)?.state).toBe('acknowledged')
  expect(
    h.store
      .getState()
      .devices.items.find((d) => d.code === 'GZ0005L')
      ?.alarms.find((a) => a.id === lock.id)?.state,
  ).toBe('acknowledged')
})

test('stocktake with two differences: each needs a reason; submit corrects the stock and records it', async () => {
  h = staffHarness('restocker')
  await h.store.getState().prepareStocktake('GZ0001A')
  expect(h.store.getState().stocktake.goods.find((g) => g.productId === 'p_cola')?.systemStock).toBe(12)
  h.store.getState().setStocktakeCount('p_cola', 10)
  h.store.getState().setStocktakeCount('p_yogurt', 6)
  expect(h.store.getState().submitStocktake()?.code).toBe('REASON_REQUIRED')
  h.store.getState().setStocktakeReason('p_cola', 'expired')
  h.store.getState().setStocktakeReason('p_yogurt', 'other')
  h.store.getState().setStocktakeCount('p_water', 99)
  expect(h.store.getState().submitStocktake()?.code).toBe('COUNT_ABOVE_CAPACITY')
  h.store.getState().acceptReadings('p_water')
  expect(h.store.getState().submitStocktake()).toBeNull()
  await waitFor(() => h.store.getState().stocktake.lastResult !== null, 4000, 'the stocktake')
  const result = h.store.getState().stocktake.lastResult!
  expect(
    result.lines.filter((l) => l.diff !== 0).map((l) => [l.productId, l.systemStock, l.counted, l.reason]),
  ).toEqual([
    ['p_cola', 12, 10, 'expired'],
    ['p_yogurt', 5, 6, 'other'],
  ])
  await h.store.getState().loadStocktakeHistory('GZ0001A')
  expect(h.store.getState().stocktakeHistory.items.map((s) => s.id)).toEqual([result.id])
  await waitFor(
    () => h.store.getState().stocktake.goods.find((g) => g.productId === 'p_cola')?.systemStock === 10,
  )
})

test('an abnormal order corrected: charged for what was really taken, and the shopper’s order shows it', async () => {
  h = staffHarness('restocker')
  await h.store.getState().loadAbnormalOrders()
  const order = h.store.getState().abnormal.items.find((o) => o.state === 'open')!
  expect(order.evidence).toMatchObject({ photoUrls: expect.any(Array), readings: expect.any(Array) })
  expect(order.evidence.doorOpenedAt < order.evidence.doorClosedAt).toBe(true)
  await h.store.getState().openAbnormalCase(order.orderId)
  expect(h.store.getState().abnormalCase.qty).toEqual({ p_coffee: 1, p_icecream: 2 })
  h.store.getState().setCaseQty('p_icecream', 1)
  h.store.getState().setCaseQty('p_coffee', 0)
  await Promise.all([
    h.store.getState().resolveAbnormal('correct'),
    h.store.getState().resolveAbnormal('correct'),
  ])
  const receipt = h.store.getState().abnormalCase.result!
  expect(receipt.lines.map((l) => [l.productId, l.qty])).toEqual([['p_icecream', 1]])
  expect(receipt.status).toBe('paid')
  const shopperOrder = h.cloud.getOrder('u_crowd_2', order.orderId)
  expect([shopperOrder.status, shopperOrder.totalFen]).toEqual(['paid', receipt.totalFen])
  expect(h.store.getState().abnormal.items.find((o) => o.orderId === order.orderId)?.state).toBe('resolved')
})

test('remote settings: a temperature acknowledged shows the new reading; one the cabinet does not take fails', async () => {
  h = staffHarness('restocker')
  await h.store.getState().loadDevice('GZ0001A')
  await h.store.getState().sendTemperature('GZ0001A', 6)
  expect(h.store.getState().commands.temperature?.command?.state).toBe('acknowledged')
  expect(h.store.getState().device.detail?.temperatureC).toBe(6)

  h.control.fault({ deviceCode: 'GZ0001A', fault: 'command_failure', on: true })
  await h.store.getState().sendTemperature('GZ0001A', 3)
  expect(h.store.getState().commands.temperature?.command).toMatchObject({
    state: 'failed',
    reason: expect.any(String),
  })
  expect(h.store.getState().device.detail?.temperatureC).toBe(6)

  await h.store.getState().sendTemperature('GZ0001A', 45)
  expect(h.store.getState().commands.temperature?.invalid).toContain('-10–30')
  h.control.fault({ deviceCode: 'GZ0001A', fault: 'command_failure', on: false })
  await h.store.getState().sendLight('GZ0001A', true, { from: '07:00', to: '23:00' })
  expect(h.store.getState().device.detail?.light).toEqual({
    on: true,
    schedule: { from: '07:00', to: '23:00' },
  })
})

test('binding by invite code makes a shopper staff of the merchant’s devices', async () => {
  h = staffHarness('happy', 'u_other')
  const invite = h.cloud.createStaffInvite('u_merchant', { deviceCodes: ['GZ0001A'] })
  expect((await h.store.getState().bindStaff('nope'))?.code).toBe('STAFF_INVITE_INVALID')
  expect(await h.store.getState().bindStaff(` ${invite.inviteCode.toLowerCase()} `)).toBeNull()
  expect(h.store.getState().devices.items.map((d) => d.code)).toEqual(['GZ0001A'])
  expect((await h.store.getState().bindStaff(invite.inviteCode))?.code).toBe('STAFF_INVITE_INVALID') // used
})

test('a shopper gets 403 from every staff endpoint of the emulator and no staff data in the store', async () => {
  h = staffHarness('restocker', 'u_happy')
  await h.store.getState().loadDevices()
  expect(h.store.getState().devices).toMatchObject({
    status: 'error',
    items: [],
    error: { code: 'FORBIDDEN', status: 403 },
  })
  await h.store.getState().prepareRestock('GZ0001A')
  expect(h.store.getState().device).toMatchObject({ detail: null, error: { status: 403 } })
  const staffOps = (Object.keys(ENDPOINTS) as (keyof typeof ENDPOINTS)[]).filter(
    (op) => ENDPOINTS[op][1].startsWith('/v1/staff/') && op !== 'bindStaff',
  )
  expect(staffOps).toHaveLength(15)
  const sample = {
    deviceCode: 'GZ0001A',
    sessionId: 'rs_0001',
    alarmId: 'alm_0001',
    orderId: h.cloud.scenario.refs.abnormalOrderId,
    commandId: 'cmd_0001',
  }
  const bodies: Record<string, unknown> = {
    openRestockSession: { deviceCode: 'GZ0001A', intentId: 'intent-shopper-1' },
    confirmRestockSession: { lines: [] },
    createStocktake: { lines: [{ productId: 'p_cola', counted: 12 }] },
    resolveAbnormalOrder: { action: 'confirm' },
    updateDeviceSettings: { kind: 'light', value: true },
    updateDeviceLocation: { name: '某处', address: '', latitude: 22.5, longitude: 113.9 },
  }
  // A restock session of the real restocker, so the shopper is refused for who they are, not a missing id.
  h.cloud.openRestockSession('u_staff', { deviceCode: 'GZ0001A', intentId: 'intent-staff-1' })
  for (const op of staffOps) {
    const result = await (callApi as (op: string, args: unknown) => ReturnType<typeof callApi>)(op, {
      path: sample,
      body: bodies[op],
    })
    expect([op, result.ok ? 200 : result.error.status]).toEqual([op, 403])
  }
})
