import { cloudErrorOf, cloudFor, intent, loginAs } from './helpers'

function restocker(scenario: Parameters<typeof cloudFor>[0] = 'restocker', settings = {}) {
  const { cloud, clock } = cloudFor(scenario, settings)
  return { cloud, clock, me: loginAs(cloud, 'u_staff') }
}

describe('my devices', () => {
  test('given the restocker, their devices show role, alarms, stock alerts and service expiry', () => {
    const { cloud, me } = restocker()
    const devices = cloud.listStaffDevices(me).items
    expect(devices.map((d) => [d.code, d.role])).toEqual([
      ['GZ0001A', 'restocker'],
      ['SM0002D', 'restocker'],
      ['SJ0001V', 'ops'],
    ])
    const gz = devices[0]
    expect(gz).toMatchObject({
      online: true,
      state: 'ok',
      temperatureC: 4.5,
      expiryWarning: null,
      serviceExpiresAt: expect.any(String),
    })
    expect(gz?.stockAlerts.map((a) => [a.productId, a.stockState])).toEqual([
      ['p_milk', 'low'],
      ['p_chips', 'sold_out'],
    ])
    expect(gz?.alarms.map((a) => [a.kind, a.productId]).sort()).toEqual([
      ['low_stock', 'p_milk'],
      ['sold_out', 'p_chips'],
    ])
  })

  test('service expiry warns 30, 7 and 1 days ahead, then says expired', () => {
    const { cloud, me } = restocker('demo')
    const warning = () => cloud.listStaffDevices(me).items.find((d) => d.code === 'GZ0004E')?.expiryWarning
    expect(warning()).toBe(7) // 5 days left
    cloud.setServiceExpiry('GZ0004E', Date.parse('2026-12-10T12:00:00+08:00'))
    expect(warning()).toBe(30)
    cloud.setServiceExpiry('GZ0004E', Date.parse('2026-11-21T06:00:00+08:00'))
    expect(warning()).toBe(1)
    cloud.setServiceExpiry('GZ0004E', Date.parse('2026-11-20T11:00:00+08:00'))
    expect(warning()).toBe('expired')
  })

  test('a device’s detail lists its goods with system stock and capacity', () => {
    const { cloud, me } = restocker()
    const detail = cloud.getStaffDevice(me, 'GZ0001A')
    expect(detail.goods.find((g) => g.productId === 'p_chips')).toMatchObject({
      systemStock: 0,
      capacity: 10,
      stockState: 'sold_out',
    })
  })

  test('a shopper is FORBIDDEN; a restocker not bound to a device gets the manual’s explanation; a removed one is told so', () => {
    const { cloud, me } = restocker()
    cloudErrorOf(() => cloud.listStaffDevices(loginAs(cloud, 'u_happy')), 'FORBIDDEN', 403)
    const err = cloudErrorOf(() => cloud.getStaffDevice(me, 'GZ0099Z'), 'STAFF_NOT_BOUND', 403)
    expect(err.message).toContain('补货员扫码补货无法开门')
    expect(err.hint).toBeTruthy()
    cloud.unbindStaff('u_staff', 'GZ0001A')
    cloudErrorOf(
      () => cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() }),
      'STAFF_REMOVED',
      403,
    )
    expect(cloud.getMe(me).roles.staffDeviceCodes).toEqual(['SM0002D', 'SJ0001V'])
  })
})

describe('alarms', () => {
  test('a lock fault raises an alarm; staff acknowledge it; fixing the lock clears it', () => {
    const { cloud, me } = restocker()
    cloud.injectFault('GZ0001A', 'lock_fault')
    const alarm = cloud
      .listAlarms(me, { deviceCode: 'GZ0001A', state: 'open' })
      .items.find((a) => a.kind === 'lock_fault')
    expect(alarm).toMatchObject({
      deviceCode: 'GZ0001A',
      state: 'open',
      raisedAt: '2026-11-20T12:00:00+08:00',
    })
    expect(cloud.acknowledgeAlarm(me, alarm?.id ?? '')).toMatchObject({
      state: 'acknowledged',
      acknowledgedAt: expect.any(String),
    })
    cloud.clearFault('GZ0001A', 'lock_fault')
    expect(cloud.listAlarms(me, { state: 'cleared' }).items.map((a) => a.id)).toContain(alarm?.id)
    cloudErrorOf(() => cloud.acknowledgeAlarm(me, 'alm_9999'), 'ALARM_NOT_FOUND', 404)
  })

  test('a temperature above 10 °C raises an alarm', () => {
    const { cloud, me } = restocker()
    cloud.setTemperature('SJ0001V', 12)
    expect(cloud.listAlarms(me, { deviceCode: 'SJ0001V' }).items.map((a) => a.kind)).toEqual(['temperature'])
  })

  test('alarms of devices the staff member is not bound to are not theirs', () => {
    const { cloud, me } = restocker()
    cloud.injectFault('GZ0099Z', 'offline')
    expect(cloud.listAlarms(me, { limit: 100 }).items.some((a) => a.deviceCode === 'GZ0099Z')).toBe(false)
    cloudErrorOf(() => cloud.listAlarms(me, { deviceCode: 'GZ0099Z' }), 'STAFF_NOT_BOUND', 403)
  })
})

describe('restocking', () => {
  test('free restock: open in restock mode, load and remove goods, close, adjust and confirm once', () => {
    const { cloud, clock, me } = restocker()
    const s = cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() })
    expect(s).toMatchObject({ state: 'opening', doorNo: 1 })
    clock.advance(300)
    expect(cloud.getRestockSession(me, s.id).state).toBe('open')
    // Shoppers wait while the cabinet is restocked.
    expect(
      cloud.getCabinetLanding(loginAs(cloud, 'u_happy'), 'GZ0001A').gate.reasons.map((r) => r.code),
    ).toEqual(['DEVICE_RESTOCKING'])
    cloud.putBack('GZ0001A', 1, 'p_chips', 10)
    cloud.take('GZ0001A', 1, 'p_milk', 1)
    cloudErrorOf(() => cloud.putBack('GZ0001A', 1, 'p_sandwich', 5), 'COUNT_ABOVE_CAPACITY', 422)
    cloudErrorOf(() => cloud.confirmRestockSession(me, s.id, { lines: [] }), 'SESSION_STATE_CONFLICT', 409)
    cloud.closeDoor('GZ0001A', 1)
    const closed = cloud.getRestockSession(me, s.id)
    expect(closed.state).toBe('closed')
    expect(closed.changes.filter((c) => c.delta !== 0)).toEqual([
      { productId: 'p_milk', name: '蒙牛纯牛奶 250ml', before: 2, delta: -1, after: 1 },
      { productId: 'p_chips', name: '乐事薯片 原味 70g', before: 0, delta: 10, after: 10 },
    ])
    // The restocker counts 3 milk (the shelf sensor missed two).
    const confirmed = cloud.confirmRestockSession(me, s.id, {
      lines: [{ productId: 'p_milk', after: 3, reason: 'other' }],
    })
    expect(confirmed).toMatchObject({ state: 'confirmed', confirmedAt: expect.any(String) })
    expect(confirmed.changes.find((c) => c.productId === 'p_milk')).toMatchObject({
      before: 2,
      delta: 1,
      after: 3,
    })
    const goods = cloud.getStaffDevice(me, 'GZ0001A').goods
    expect(goods.find((g) => g.productId === 'p_chips')?.systemStock).toBe(10)
    expect(goods.find((g) => g.productId === 'p_milk')?.systemStock).toBe(3)
    expect(cloud.listStaffDevices(me).items[0]?.stockAlerts).toEqual([])
    cloudErrorOf(() => cloud.confirmRestockSession(me, s.id, { lines: [] }), 'RESTOCK_ALREADY_CONFIRMED', 409)
    expect(cloud.getCabinetLanding('u_happy', 'GZ0001A').gate.mayOpen).toBe(true)
  })

  test('restock by 补货单: planned quantities show beside the changes and the order records what was actually loaded', () => {
    const { cloud, clock, me } = restocker()
    const orderId = cloud.scenario.refs.restockOrderId ?? ''
    expect(cloud.listRestockOrders(me, 'GZ0001A').items[0]).toMatchObject({
      id: orderId,
      state: 'open',
      lines: [
        { productId: 'p_chips', name: '乐事薯片 原味 70g', doorNo: 1, plannedQty: 10 },
        { productId: 'p_milk', name: '蒙牛纯牛奶 250ml', doorNo: 1, plannedQty: 8 },
      ],
    })
    const s = cloud.openRestockSession(me, {
      deviceCode: 'GZ0001A',
      intentId: intent(),
      restockOrderId: orderId,
    })
    clock.advance(300)
    cloud.putBack('GZ0001A', 1, 'p_chips', 10)
    cloud.putBack('GZ0001A', 1, 'p_milk', 6)
    cloud.closeDoor('GZ0001A', 1)
    const changes = cloud.getRestockSession(me, s.id).changes
    expect(changes.find((c) => c.productId === 'p_milk')).toMatchObject({ delta: 6, plannedQty: 8 })
    // Two milk short of the plan: a discrepancy the restocker has to explain.
    const err = cloudErrorOf(
      () => cloud.confirmRestockSession(me, s.id, { lines: [] }),
      'VALIDATION_FAILED',
      422,
    )
    expect(err.fields).toEqual({ 'reasons.p_milk': expect.stringContaining('蒙牛纯牛奶') })
    expect(cloud.getRestockSession(me, s.id).state).toBe('closed')
    cloud.confirmRestockSession(me, s.id, { lines: [{ productId: 'p_milk', after: 8, reason: 'lost' }] })
    expect(cloud.listRestockOrders(me, 'GZ0001A').items[0]).toMatchObject({
      state: 'done',
      lines: [
        { productId: 'p_chips', plannedQty: 10, actualQty: 10 },
        { productId: 'p_milk', plannedQty: 8, actualQty: 6, reason: 'lost' },
      ],
    })
  })

  test('confirmed counts are checked: negative is COUNT_INVALID, above capacity COUNT_ABOVE_CAPACITY', () => {
    const { cloud, clock, me } = restocker()
    const s = cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() })
    clock.advance(300)
    cloud.closeDoor('GZ0001A', 1)
    expect(
      cloudErrorOf(
        () => cloud.confirmRestockSession(me, s.id, { lines: [{ productId: 'p_milk', after: -1 }] }),
        'COUNT_INVALID',
        422,
      ).fields,
    ).toEqual({ 'lines.0.after': expect.any(String) })
    cloudErrorOf(
      () => cloud.confirmRestockSession(me, s.id, { lines: [{ productId: 'p_milk', after: 13 }] }),
      'COUNT_ABOVE_CAPACITY',
      422,
    )
  })

  test('one staff session per cabinet, none while a shopper is inside, the same intent answers the same session', () => {
    const { cloud, clock, me } = restocker()
    const id = intent()
    const s = cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: id })
    expect(cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: id }).id).toBe(s.id)
    cloudErrorOf(
      () => cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() }),
      'STAFF_SESSION_OPEN',
      409,
    )
    clock.advance(300)
    cloud.closeDoor('GZ0001A', 1)
    cloud.openDoor(loginAs(cloud, 'u_happy'), { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    cloudErrorOf(
      () => cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() }),
      'DEVICE_IN_USE',
      409,
    )
    cloudErrorOf(
      () =>
        cloud.openRestockSession(me, {
          deviceCode: 'SM0002D',
          intentId: intent(),
          restockOrderId: 'ro_9999',
        }),
      'RESTOCK_ORDER_NOT_FOUND',
      404,
    )
  })

  test('an intent is one door, for the restocker as for the shopper: asked again for any other door it is IDEMPOTENCY_CONFLICT naming its session', () => {
    const { cloud, me } = restocker()
    const shopper = loginAs(cloud, 'u_happy')
    const id = intent()
    const rs = cloud.openRestockSession(me, { deviceCode: 'SM0002D', doorNo: 2, intentId: id })
    const elsewhere: [string, Parameters<typeof cloud.openRestockSession>[1]][] = [
      ['the same cabinet, its default door', { deviceCode: 'SM0002D', intentId: id }],
      ['the same cabinet, door 1', { deviceCode: 'SM0002D', doorNo: 1, intentId: id }],
      ['a cabinet the restocker looks after', { deviceCode: 'GZ0001A', doorNo: 2, intentId: id }],
      ['a cabinet of another merchant', { deviceCode: 'GZ0099Z', doorNo: 2, intentId: id }],
      ['a cabinet that does not exist', { deviceCode: 'NOPE0000', doorNo: 2, intentId: id }],
      ['a 补货单', { deviceCode: 'SM0002D', doorNo: 2, intentId: id, restockOrderId: 'ro_0001' }],
    ]
    for (const [what, input] of elsewhere) {
      const err = cloudErrorOf(() => cloud.openRestockSession(me, input), 'IDEMPOTENCY_CONFLICT', 409)
      expect([what, err.toBody().sessionId]).toEqual([what, rs.id])
    }
    expect(cloud.openRestockSession(me, { deviceCode: 'SM0002D', doorNo: 2, intentId: id }).id).toBe(rs.id)
    // The shopper's door, through the same mechanism.
    const shopId = intent()
    const shop = cloud.openDoor(shopper, { deviceCode: 'GZ0001A', intentId: shopId, mode: 'shop' })
    expect(
      cloud.openDoor(shopper, { deviceCode: 'GZ0001A', doorNo: 1, intentId: shopId, mode: 'shop' }).id,
    ).toBe(shop.id)
    const shopConflict = cloudErrorOf(
      () => cloud.openDoor(shopper, { deviceCode: 'GZ0001A', doorNo: 2, intentId: shopId, mode: 'shop' }),
      'IDEMPOTENCY_CONFLICT',
      409,
    )
    expect(shopConflict.toBody().sessionId).toBe(shop.id)
  })

  test('a restocker can restock an expired cabinet but not an offline one', () => {
    const { cloud, me } = restocker()
    cloud.setServiceExpiry('GZ0001A', Date.parse('2026-11-01T00:00:00+08:00'))
    expect(cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() }).state).toBe('opening')
    cloud.injectFault('SM0002D', 'offline')
    cloudErrorOf(
      () => cloud.openRestockSession(me, { deviceCode: 'SM0002D', intentId: intent() }),
      'DEVICE_OFFLINE',
      409,
    )
  })

  test('given the restocking scenario, closing the restocker’s door lets shoppers in again', () => {
    const { cloud } = cloudFor('restocking')
    expect(cloud.getCabinetLanding('u_happy', 'GZ0001A').device.state).toBe('restocking')
    cloud.closeDoor('GZ0001A', 1)
    expect(cloud.getCabinetLanding('u_happy', 'GZ0001A').device.state).toBe('ok')
  })
})

describe('stocktakes', () => {
  test('counting each product corrects the system stock; a difference needs a reason', () => {
    const { cloud, me } = restocker()
    const err = cloudErrorOf(
      () => cloud.createStocktake(me, 'GZ0001A', { lines: [{ productId: 'p_cola', counted: 11 }] }),
      'VALIDATION_FAILED',
      422,
    )
    expect(err.fields).toEqual({ 'lines.0.reason': expect.any(String) })
    const st = cloud.createStocktake(me, 'GZ0001A', {
      lines: [
        { productId: 'p_cola', counted: 11, reason: 'damaged' },
        { productId: 'p_water', counted: 15 },
      ],
    })
    expect(st.lines).toEqual([
      {
        productId: 'p_cola',
        name: '可口可乐 330ml',
        systemStock: 12,
        counted: 11,
        diff: -1,
        reason: 'damaged',
      },
      { productId: 'p_water', name: '农夫山泉 550ml', systemStock: 15, counted: 15, diff: 0 },
    ])
    expect(cloud.getStaffDevice(me, 'GZ0001A').goods.find((g) => g.productId === 'p_cola')?.systemStock).toBe(
      11,
    )
    expect(cloud.listStocktakes(me, 'GZ0001A')).toEqual({ items: [st], nextCursor: null })
    cloudErrorOf(
      () => cloud.createStocktake(me, 'GZ0001A', { lines: [{ productId: 'p_cola', counted: -2 }] }),
      'COUNT_INVALID',
      422,
    )
    cloudErrorOf(
      () =>
        cloud.createStocktake(me, 'GZ0001A', {
          lines: [{ productId: 'p_cola', counted: 21, reason: 'other' }],
        }),
      'COUNT_ABOVE_CAPACITY',
      422,
    )
  })
})

describe('abnormal orders', () => {
  test('given an order under review, ops confirm it as recognized: it is charged', () => {
    const { cloud, me } = restocker()
    const orderId = cloud.scenario.refs.abnormalOrderId ?? ''
    const listed = cloud.listAbnormalOrders(me).items.find((o) => o.orderId === orderId)
    expect(listed).toMatchObject({ deviceCode: 'SJ0001V', reason: 'under_review', state: 'open' })
    expect(listed?.evidence.photoUrls).toHaveLength(2)
    const receipt = cloud.resolveAbnormalOrder(me, orderId, { action: 'confirm' })
    expect(receipt).toMatchObject({
      id: orderId,
      status: 'paid',
      channel: 'alipay',
      paidAt: expect.any(String),
    })
    cloudErrorOf(
      () => cloud.resolveAbnormalOrder(me, orderId, { action: 'confirm' }),
      'SESSION_STATE_CONFLICT',
      409,
    )
  })

  test('…or correct it: the corrected lines are re-priced at door-open time and charged', () => {
    const { cloud, me } = restocker()
    const orderId = cloud.scenario.refs.abnormalOrderId ?? ''
    const receipt = cloud.resolveAbnormalOrder(me, orderId, {
      action: 'correct',
      lines: [{ productId: 'p_icecream', qty: 1 }],
    })
    expect(receipt.lines.map((l) => [l.productId, l.qty])).toEqual([['p_icecream', 1]])
    expect(receipt).toMatchObject({ status: 'paid', totalFen: 600 })
    expect(cloud.getOrder('u_crowd_2', orderId).totalFen).toBe(600)
  })

  test('a live shopper’s session waiting for review settles when ops confirm it', () => {
    const { cloud, clock } = cloudFor('restocker')
    const shopper = loginAs(cloud, 'u_happy')
    cloud.injectFault('GZ0001A', 'under_review')
    const s = cloud.openDoor(shopper, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    cloud.take('GZ0001A', 1, 'p_water')
    cloud.closeDoor('GZ0001A', 1)
    clock.advance(500)
    const orderId = cloud.getDoorSession(shopper, s.id).orderId ?? ''
    cloud.resolveAbnormalOrder('u_staff', orderId, { action: 'confirm' })
    expect(cloud.getDoorSession(shopper, s.id).state).toBe('settled')
    expect(cloud.listDoorSessionEvents(shopper, s.id).items.at(-1)?.kind).toBe('settled')
  })
})

describe('device commands', () => {
  test('a temperature command is sending, then acknowledged; the cabinet takes the new temperature', () => {
    const { cloud, clock, me } = restocker()
    const cmd = cloud.updateDeviceSettings(me, 'GZ0001A', { kind: 'temperature', value: 6 })
    expect(cmd).toMatchObject({ kind: 'temperature', value: 6, state: 'sending' })
    clock.advance(1_000)
    expect(cloud.getDeviceCommand(me, 'GZ0001A', cmd.id)).toMatchObject({
      state: 'acknowledged',
      settledAt: expect.any(String),
    })
    expect(cloud.getStaffDevice(me, 'GZ0001A').temperatureC).toBe(6)
  })

  test('an offline cabinet refuses commands; one that does not answer fails them with a reason', () => {
    const { cloud, clock, me } = restocker()
    cloud.injectFault('GZ0001A', 'command_failure')
    const cmd = cloud.updateDeviceSettings(me, 'GZ0001A', { kind: 'light', value: true })
    clock.advance(1_000)
    expect(cloud.getDeviceCommand(me, 'GZ0001A', cmd.id)).toMatchObject({
      state: 'failed',
      reason: expect.any(String),
    })
    cloud.injectFault('GZ0001A', 'offline')
    cloudErrorOf(
      () => cloud.updateDeviceSettings(me, 'GZ0001A', { kind: 'light', value: false }),
      'DEVICE_OFFLINE',
      409,
    )
    cloudErrorOf(
      () => cloud.updateDeviceSettings(me, 'SM0002D', { kind: 'temperature', value: 40 }),
      'VALIDATION_FAILED',
      422,
    )
  })
})

describe('restock sessions are followed like door sessions', () => {
  test('every change is an event with the next seq, pushed to subscribers and kept for replay', () => {
    const { cloud, clock, me } = restocker()
    const pushed: { sessionId: string; seq: number; kind: string }[] = []
    cloud.subscribe((e) => {
      if (e.type === 'restock_event')
        pushed.push({ sessionId: e.sessionId, seq: e.event.seq, kind: e.event.kind })
    })
    const s = cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() })
    expect(s.seq).toBe(1)
    expect(s.counting).toBe('sensors')
    clock.advance(300)
    cloud.putBack('GZ0001A', 1, 'p_chips', 3)
    cloud.take('GZ0001A', 1, 'p_milk', 1)
    cloud.closeDoor('GZ0001A', 1)
    cloud.confirmRestockSession(me, s.id, { lines: [] })
    expect(pushed.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'opening'],
      [2, 'opened'],
      [3, 'loaded'],
      [4, 'removed'],
      [5, 'closed'],
      [6, 'confirmed'],
    ])
    expect(pushed.every((e) => e.sessionId === s.id)).toBe(true)
    const replay = cloud.listRestockSessionEvents(me, s.id, 2)
    expect(replay.seq).toBe(6)
    expect(replay.items[0]).toMatchObject({ seq: 3, kind: 'loaded', productId: 'p_chips', qty: 3 })
    expect(replay.items[0]?.session.changes.find((c) => c.productId === 'p_chips')).toMatchObject({
      before: 0,
      delta: 3,
      after: 3,
    })
    expect(cloud.getRestockSession(me, s.id).seq).toBe(6)
    cloudErrorOf(
      () => cloud.listRestockSessionEvents(loginAs(cloud, 'u_happy'), s.id),
      'SESSION_NOT_FOUND',
      404,
    )
    cloudErrorOf(() => cloud.listRestockSessionEvents(me, 'rs_9999'), 'SESSION_NOT_FOUND', 404)
  })

  test('a door that fails to open says so as an event', () => {
    const { cloud, clock, me } = restocker()
    cloud.injectFault('GZ0001A', 'open_fail')
    const s = cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() })
    clock.advance(300)
    const last = cloud.listRestockSessionEvents(me, s.id).items.at(-1)
    expect(last).toMatchObject({ kind: 'open_failed', session: { state: 'failed' } })
  })

  test('a vision cabinet cannot count while restocked: no live changes, and every product needs a count', () => {
    const { cloud, clock, me } = restocker()
    const s = cloud.openRestockSession(me, { deviceCode: 'SJ0001V', intentId: intent() })
    expect(s.counting).toBe('manual')
    clock.advance(300)
    cloud.putBack('SJ0001V', 1, 'p_chips', 2)
    cloud.closeDoor('SJ0001V', 1)
    const closed = cloud.getRestockSession(me, s.id)
    expect(closed.changes.every((c) => c.delta === 0)).toBe(true)
    expect(cloud.listRestockSessionEvents(me, s.id).items.map((e) => e.kind)).toEqual([
      'opening',
      'opened',
      'closed',
    ])
    const err = cloudErrorOf(
      () => cloud.confirmRestockSession(me, s.id, { lines: [{ productId: 'p_chips', after: 8 }] }),
      'VALIDATION_FAILED',
      422,
    )
    expect(err.fields?.lines).toContain('可口可乐')
    const counts = closed.changes.map((c) => ({
      productId: c.productId,
      after: c.productId === 'p_chips' ? 8 : c.before,
    }))
    const confirmed = cloud.confirmRestockSession(me, s.id, { lines: counts })
    expect(confirmed.changes.find((c) => c.productId === 'p_chips')).toMatchObject({ before: 6, after: 8 })
    expect(
      cloud.getStaffDevice(me, 'SJ0001V').goods.find((g) => g.productId === 'p_chips')?.systemStock,
    ).toBe(8)
  })

  test('confirming someone else’s session, or after being removed, changes nothing', () => {
    const { cloud, clock, me } = restocker()
    const s = cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() })
    clock.advance(300)
    cloud.putBack('GZ0001A', 1, 'p_chips', 4)
    cloud.closeDoor('GZ0001A', 1)
    const other = loginAs(cloud, 'u_other')
    cloud.bindStaff(other, {
      inviteCode: cloud.createStaffInvite(loginAs(cloud, 'u_merchant'), { deviceCodes: ['GZ0001A'] })
        .inviteCode,
    })
    // To another restocker of the same cabinet the session is as missing as an id never issued.
    const theirs = cloudErrorOf(
      () => cloud.confirmRestockSession(other, s.id, { lines: [] }),
      'SESSION_NOT_FOUND',
    )
    const missing = cloudErrorOf(
      () => cloud.confirmRestockSession(other, 'rs_9999', { lines: [] }),
      'SESSION_NOT_FOUND',
    )
    expect([theirs.status, theirs.toBody()]).toEqual([404, missing.toBody()])
    const read = cloudErrorOf(() => cloud.getRestockSession(other, s.id), 'SESSION_NOT_FOUND', 404)
    expect(read.toBody()).toEqual(
      cloudErrorOf(() => cloud.getRestockSession(other, 'rs_9999'), 'SESSION_NOT_FOUND').toBody(),
    )
    cloud.unbindStaff('u_staff', 'GZ0001A')
    cloudErrorOf(() => cloud.confirmRestockSession(me, s.id, { lines: [] }), 'STAFF_REMOVED', 403)
    expect(
      cloud.getStaffDevice(other, 'GZ0001A').goods.find((g) => g.productId === 'p_chips')?.systemStock,
    ).toBe(0)
  })
})

describe('staff rights', () => {
  test('every staff operation answers 403 to a shopper and to staff of another device', () => {
    const { cloud, clock, me } = restocker()
    const s = cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() })
    clock.advance(300)
    cloud.closeDoor('GZ0001A', 1)
    const orderId = cloud.scenario.refs.abnormalOrderId ?? ''
    const alarmId = cloud.listAlarms(me).items[0]?.id ?? ''
    const cmd = cloud.updateDeviceSettings(me, 'GZ0001A', { kind: 'light', value: false })
    const calls: [string, (caller: string) => unknown][] = [
      ['listStaffDevices', (c) => cloud.listStaffDevices(c)],
      ['getStaffDevice', (c) => cloud.getStaffDevice(c, 'GZ0001A')],
      ['listAlarms', (c) => cloud.listAlarms(c, { deviceCode: 'GZ0001A' })],
      ['acknowledgeAlarm', (c) => cloud.acknowledgeAlarm(c, alarmId)],
      [
        'openRestockSession',
        (c) => cloud.openRestockSession(c, { deviceCode: 'GZ0001A', intentId: intent() }),
      ],
      ['getRestockSession', (c) => cloud.getRestockSession(c, s.id)],
      ['confirmRestockSession', (c) => cloud.confirmRestockSession(c, s.id, { lines: [] })],
      ['listRestockOrders', (c) => cloud.listRestockOrders(c, 'GZ0001A')],
      ['listStocktakes', (c) => cloud.listStocktakes(c, 'GZ0001A')],
      [
        'createStocktake',
        (c) => cloud.createStocktake(c, 'GZ0001A', { lines: [{ productId: 'p_cola', counted: 12 }] }),
      ],
      ['listAbnormalOrders', (c) => cloud.listAbnormalOrders(c)],
      ['resolveAbnormalOrder', (c) => cloud.resolveAbnormalOrder(c, orderId, { action: 'confirm' })],
      [
        'updateDeviceSettings',
        (c) => cloud.updateDeviceSettings(c, 'GZ0001A', { kind: 'light', value: true }),
      ],
      ['getDeviceCommand', (c) => cloud.getDeviceCommand(c, 'GZ0001A', cmd.id)],
    ]
    const shopper = loginAs(cloud, 'u_happy')
    // A restocker of the other merchant's cabinet only.
    const stranger = loginAs(cloud, 'u_other')
    cloud.bindStaff(stranger, {
      inviteCode: cloud.createStaffInvite(loginAs(cloud, 'u_merchant2'), { deviceCodes: ['GZ0099Z'] })
        .inviteCode,
    })
    for (const [name, call] of calls) {
      for (const caller of [shopper, stranger]) {
        if (name === 'listStaffDevices' && caller === stranger) continue // their own devices
        if (name === 'listAbnormalOrders' && caller === stranger) continue // none of GZ0001A's
        let status = 0
        try {
          call(caller)
        } catch (e) {
          status = (e as { status?: number }).status ?? 0
        }
        // Another restocker's session is not theirs to know of: "not found", as for an id never issued.
        const mine = name === 'getRestockSession' || name === 'confirmRestockSession'
        expect([name, caller, status]).toEqual([name, caller, mine && caller === stranger ? 404 : 403])
      }
    }
    expect(cloud.listStaffDevices(stranger).items.map((d) => d.code)).toEqual(['GZ0099Z'])
    expect(cloud.listAbnormalOrders(stranger).items).toEqual([])
  })

  test('the landing tells staff of other devices and removed staff why they cannot restock here', () => {
    const { cloud, me } = restocker()
    expect(cloud.getCabinetLanding(me, 'GZ0001A')).toMatchObject({
      staffActions: ['shop', 'restock', 'stocktake'],
    })
    expect(cloud.getCabinetLanding(me, 'GZ0001A').staffNotice).toBeUndefined()
    expect(cloud.getCabinetLanding(me, 'GZ0099Z')).toMatchObject({
      staffActions: [],
      staffNotice: 'STAFF_NOT_BOUND',
    })
    cloud.unbindStaff('u_staff', 'GZ0001A')
    expect(cloud.getCabinetLanding(me, 'GZ0001A')).toMatchObject({
      staffActions: [],
      staffNotice: 'STAFF_REMOVED',
    })
    expect(cloud.getCabinetLanding(loginAs(cloud, 'u_happy'), 'GZ0001A').staffNotice).toBeUndefined()
  })
})

describe('evidence and settings', () => {
  test('an abnormal order shows door times and the cabinet’s before/after readings', () => {
    const { cloud, clock } = cloudFor('restocker')
    const shopper = loginAs(cloud, 'u_happy')
    cloud.injectFault('GZ0001A', 'under_review')
    const s = cloud.openDoor(shopper, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    cloud.take('GZ0001A', 1, 'p_cola', 2)
    cloud.putBack('GZ0001A', 1, 'p_cola', 1)
    clock.advance(5_000)
    cloud.closeDoor('GZ0001A', 1)
    clock.advance(500)
    const orderId = cloud.getDoorSession(shopper, s.id).orderId ?? ''
    const order = cloud.listAbnormalOrders('u_staff').items.find((o) => o.orderId === orderId)
    expect(order?.evidence).toMatchObject({
      doorOpenedAt: '2026-11-20T12:00:00+08:00',
      doorClosedAt: '2026-11-20T12:00:05+08:00',
      readings: [{ productId: 'p_cola', name: '可口可乐 330ml', before: 12, after: 11 }],
      weightLog: [
        { productId: 'p_cola', deltaQty: -2 },
        { productId: 'p_cola', deltaQty: 1 },
      ],
    })
  })

  test('a light schedule is sent, acknowledged and shown as the device’s light; a bad time is refused', () => {
    const { cloud, clock, me } = restocker()
    expect(cloud.getStaffDevice(me, 'GZ0001A').light).toEqual({ on: true, schedule: null })
    const cmd = cloud.updateDeviceSettings(me, 'GZ0001A', {
      kind: 'light',
      value: true,
      schedule: { from: '07:00', to: '23:30' },
    })
    expect(cmd).toMatchObject({ state: 'sending', schedule: { from: '07:00', to: '23:30' } })
    clock.advance(1_000)
    expect(cloud.getStaffDevice(me, 'GZ0001A').light).toEqual({
      on: true,
      schedule: { from: '07:00', to: '23:30' },
    })
    cloudErrorOf(
      () =>
        cloud.updateDeviceSettings(me, 'GZ0001A', {
          kind: 'light',
          value: true,
          schedule: { from: '7点', to: '23:00' },
        }),
      'VALIDATION_FAILED',
      422,
    )
  })

  test('a target temperature above the alarm line raises the temperature alarm once acknowledged', () => {
    const { cloud, clock, me } = restocker()
    cloud.updateDeviceSettings(me, 'GZ0001A', { kind: 'temperature', value: 12 })
    clock.advance(1_000)
    expect(cloud.listAlarms(me, { deviceCode: 'GZ0001A', state: 'open' }).items.map((a) => a.kind)).toContain(
      'temperature',
    )
  })
})
