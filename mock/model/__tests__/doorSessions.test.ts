import type { CloudEvent } from '../state'
import { cloudErrorOf, cloudFor, intent, loginAs } from './helpers'

function happyOpen(settings = {}) {
  const { cloud, clock } = cloudFor('happy', settings)
  const me = loginAs(cloud, 'u_happy')
  const events: CloudEvent[] = []
  cloud.subscribe((e) => events.push(e))
  return { cloud, clock, me, events }
}

describe('opening a door', () => {
  test('given a cleared shopper, when they tap 开门, the session is opening, then open after the emulated door delay', () => {
    const { cloud, clock, me } = happyOpen()
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    expect(s).toMatchObject({
      deviceCode: 'GZ0001A',
      doorNo: 1,
      mode: 'shop',
      state: 'opening',
      seq: 1,
      openDeadlineAt: '2026-11-20T12:00:20+08:00',
      orderId: null,
      recognition: 'live',
      cart: { lines: [], promotions: [], subtotalFen: 0, discountFen: 0, totalFen: 0 },
    })
    clock.advance(299)
    expect(cloud.getDoorSession(me, s.id).state).toBe('opening')
    clock.advance(1)
    expect(cloud.getDoorSession(me, s.id)).toMatchObject({
      state: 'open',
      seq: 2,
      openedAt: '2026-11-20T12:00:00+08:00',
    })
  })

  test('the door delay is a setting', () => {
    const { cloud, clock, me } = happyOpen({ doorDelayMs: 2_000 })
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(1_999)
    expect(cloud.getDoorSession(me, s.id).state).toBe('opening')
    cloud.configure({ settlementDelayMs: 100 })
    clock.advance(1)
    expect(cloud.getDoorSession(me, s.id).state).toBe('open')
  })

  test('the same intent (a double tap, a retry) never opens twice: it answers with the same session', () => {
    const { cloud, clock, me } = happyOpen()
    const id = intent()
    const first = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: id, mode: 'shop' })
    const again = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: id, mode: 'shop' })
    expect(again.id).toBe(first.id)
    clock.advance(300)
    expect(cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: id, mode: 'shop' })).toMatchObject({
      id: first.id,
      state: 'open',
    })
    cloudErrorOf(
      () => cloud.openDoor(me, { deviceCode: 'SM0002D', intentId: id, mode: 'shop' }),
      'IDEMPOTENCY_CONFLICT',
      409,
    )
  })

  test('a new intent while the shopper’s door is still open is SESSION_ACTIVE, naming that session', () => {
    const { cloud, clock, me } = happyOpen()
    const first = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    const err = cloudErrorOf(
      () => cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' }),
      'SESSION_ACTIVE',
      409,
    )
    expect(err.toBody().sessionId).toBe(first.id)
    // At another cabinet too: the shopper's one open door comes first.
    const elsewhere = cloudErrorOf(
      () => cloud.openDoor(me, { deviceCode: 'SM0002D', intentId: intent(), mode: 'shop' }),
      'SESSION_ACTIVE',
      409,
    )
    expect(elsewhere.toBody().sessionId).toBe(first.id)
  })

  test('only one shopper at a time: another shopper meets DEVICE_IN_USE until the door closes', () => {
    const { cloud, clock, me } = happyOpen()
    const other = loginAs(cloud, 'u_other')
    cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    cloudErrorOf(
      () => cloud.openDoor(other, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' }),
      'DEVICE_IN_USE',
      409,
    )
    clock.advance(300)
    cloud.closeDoor('GZ0001A', 1)
    expect(cloud.openDoor(other, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' }).state).toBe(
      'opening',
    )
  })

  test('a closed gate refuses the open with its first reason', () => {
    const offline = cloudFor('offline_device').cloud
    const err = cloudErrorOf(
      () =>
        offline.openDoor(loginAs(offline, 'u_happy'), {
          deviceCode: 'GZ0001A',
          intentId: intent(),
          mode: 'shop',
        }),
      'DEVICE_OFFLINE',
      409,
    )
    expect(err.hint).toBeTruthy()
    const first = cloudFor('first_time').cloud
    cloudErrorOf(
      () =>
        first.openDoor(loginAs(first, 'u_first'), {
          deviceCode: 'GZ0001A',
          intentId: intent(),
          mode: 'shop',
        }),
      'PHONE_REQUIRED',
      403,
    )
    const unpaid = cloudFor('unpaid_order').cloud
    cloudErrorOf(
      () =>
        unpaid.openDoor(loginAs(unpaid, 'u_happy'), {
          deviceCode: 'GZ0001A',
          intentId: intent(),
          mode: 'shop',
        }),
      'UNPAID_ORDER',
      403,
    )
    cloudErrorOf(
      () => offline.openDoor(null, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' }),
      'AUTH_REQUIRED',
      401,
    )
  })

  test('given three opens within two minutes, the fourth is RATE_LIMITED with when to retry', () => {
    const { cloud, clock, me } = happyOpen()
    for (let i = 0; i < 3; i += 1) {
      cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
      clock.advance(300)
      cloud.closeDoor('GZ0001A', 1)
      clock.advance(10_000)
    }
    const err = cloudErrorOf(
      () => cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' }),
      'RATE_LIMITED',
      429,
    )
    expect(err.retryAfterSec).toBe(90)
  })

  test('a bad intent id or door number is a validation error naming the field', () => {
    const { cloud, me } = happyOpen()
    expect(
      cloudErrorOf(
        () => cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: 'short', mode: 'shop' }),
        'VALIDATION_FAILED',
        422,
      ).fields,
    ).toHaveProperty('intentId')
    expect(
      cloudErrorOf(
        () => cloud.openDoor(me, { deviceCode: 'GZ0001A', doorNo: 2, intentId: intent(), mode: 'shop' }),
        'VALIDATION_FAILED',
      ).fields,
    ).toHaveProperty('doorNo')
    cloudErrorOf(
      () => cloud.openDoor(me, { deviceCode: 'NOPE000', intentId: intent(), mode: 'shop' }),
      'DEVICE_NOT_FOUND',
      404,
    )
  })

  test('given the lock does not answer, the session fails with DOOR_OPEN_FAILED', () => {
    const { cloud, clock, me } = happyOpen()
    cloud.injectFault('GZ0001A', 'open_fail')
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    expect(cloud.getDoorSession(me, s.id)).toMatchObject({
      state: 'failed',
      failure: { code: 'DOOR_OPEN_FAILED', message: expect.any(String) },
    })
    expect(cloud.listDoorSessionEvents(me, s.id).items.map((e) => e.kind)).toEqual(['opening', 'open_failed'])
  })

  test('given the lock never reports, the session fails with DOOR_OPEN_TIMEOUT at the deadline, 20 s after the tap', () => {
    const { cloud, clock, me } = happyOpen()
    cloud.injectFault('GZ0001A', 'open_timeout')
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(19_999)
    expect(cloud.getDoorSession(me, s.id).state).toBe('opening')
    clock.advance(1)
    expect(cloud.getDoorSession(me, s.id).failure?.code).toBe('DOOR_OPEN_TIMEOUT')
  })
})

describe('the live cart (gravity)', () => {
  test('given an open door, each take and return is an event with the cloud’s price and a snapshot', () => {
    const { cloud, clock, me, events } = happyOpen()
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    cloud.take('GZ0001A', 1, 'p_cola', 2)
    cloud.take('GZ0001A', 1, 'p_sandwich')
    cloud.putBack('GZ0001A', 1, 'p_cola', 1)
    const session = cloud.getDoorSession(me, s.id)
    expect(session.seq).toBe(5)
    expect(session.cart.lines.map((l) => [l.productId, l.qty, l.paidUnitPriceFen, l.lineTotalFen])).toEqual([
      ['p_cola', 1, 250, 250],
      ['p_sandwich', 1, 1097, 1097],
    ])
    expect(session.cart).toMatchObject({ subtotalFen: 1640, discountFen: 293, totalFen: 1347 })
    const kinds = events.map((e) =>
      e.type === 'session_event' ? [e.event.seq, e.event.kind, e.event.productId, e.event.qty] : [],
    )
    expect(kinds).toEqual([
      [1, 'opening', undefined, undefined],
      [2, 'opened', undefined, undefined],
      [3, 'taken', 'p_cola', 2],
      [4, 'taken', 'p_sandwich', 1],
      [5, 'returned', 'p_cola', 1],
    ])
    const taken = events[2]
    expect(taken?.type === 'session_event' && taken.event.session.cart.lines[0]).toMatchObject({
      productId: 'p_cola',
      qty: 2,
    })
    expect(taken?.type === 'session_event' && taken.userId).toBe('u_happy')
  })

  test('polling replays the events after a sequence number', () => {
    const { cloud, clock, me } = happyOpen()
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    cloud.take('GZ0001A', 1, 'p_water')
    const page = cloud.listDoorSessionEvents(me, s.id, 1)
    expect(page.seq).toBe(3)
    expect(page.items.map((e) => [e.seq, e.kind])).toEqual([
      [2, 'opened'],
      [3, 'taken'],
    ])
    expect(cloud.listDoorSessionEvents(me, s.id, 3).items).toEqual([])
  })

  test('an unsubscribed listener hears nothing more', () => {
    const { cloud, clock, me } = happyOpen()
    const heard: CloudEvent[] = []
    const off = cloud.subscribe((e) => heard.push(e))
    cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    off()
    clock.advance(300)
    expect(heard).toHaveLength(1)
  })

  test('taking what is not there, or returning what was not taken, is refused', () => {
    const { cloud, clock, me } = happyOpen()
    cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    cloudErrorOf(() => cloud.take('GZ0001A', 1, 'p_chips'), 'VALIDATION_FAILED') // sold out
    cloudErrorOf(() => cloud.take('GZ0001A', 1, 'p_milk', 3), 'VALIDATION_FAILED') // only 2
    cloudErrorOf(() => cloud.putBack('GZ0001A', 1, 'p_water'), 'VALIDATION_FAILED')
    cloudErrorOf(() => cloud.take('GZ0001A', 1, 'p_unknown'), 'VALIDATION_FAILED')
  })

  test('nobody else reads the session: to them it is as missing as an id never issued', () => {
    const { cloud, me } = happyOpen()
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    const missing = cloudErrorOf(() => cloud.getDoorSession('u_other', 'sess_9999'), 'SESSION_NOT_FOUND', 404)
    for (const read of [
      () => cloud.getDoorSession('u_other', s.id),
      () => cloud.listDoorSessionEvents('u_other', s.id),
      () => cloud.objectToCartLine('u_other', s.id, { productId: 'p_cola' }),
    ]) {
      expect(cloudErrorOf(read, 'SESSION_NOT_FOUND', 404).toBody()).toEqual(missing.toBody())
    }
  })

  test('a door left open longer than a minute raises door_left_open and a staff alarm', () => {
    const { cloud, clock, me } = happyOpen()
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300 + 60_000)
    expect(cloud.listDoorSessionEvents(me, s.id).items.map((e) => e.kind)).toEqual([
      'opening',
      'opened',
      'door_left_open',
    ])
    expect(
      cloud
        .listAlarms(loginAs(cloud, 'u_staff'), { deviceCode: 'GZ0001A', state: 'open' })
        .items.map((a) => a.kind),
    ).toContain('door_open')
    cloud.closeDoor('GZ0001A', 1)
    expect(
      cloud.listAlarms('u_staff', { deviceCode: 'GZ0001A', state: 'open' }).items.map((a) => a.kind),
    ).not.toContain('door_open')
  })

  test('the shopper can object to a live-cart line; the order then waits for a person', () => {
    const { cloud, clock, me } = happyOpen()
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    cloud.take('GZ0001A', 1, 'p_coffee')
    const after = cloud.objectToCartLine(me, s.id, { productId: 'p_coffee', note: '我没拿咖啡' })
    expect(after.cart.lines[0]?.objected).toBe(true)
    expect(after.seq).toBe(4)
    cloudErrorOf(() => cloud.objectToCartLine(me, s.id, { productId: 'p_water' }), 'VALIDATION_FAILED', 422)
    cloud.closeDoor('GZ0001A', 1)
    clock.advance(500)
    expect(cloud.getDoorSession(me, s.id).state).toBe('under_review')
    cloudErrorOf(
      () => cloud.objectToCartLine(me, s.id, { productId: 'p_coffee' }),
      'SESSION_STATE_CONFLICT',
      409,
    )
  })
})

describe('closing and settlement', () => {
  function shopAndClose(
    settings = {},
    faults: Parameters<ReturnType<typeof cloudFor>['cloud']['injectFault']>[1][] = [],
  ) {
    const ctx = happyOpen(settings)
    for (const f of faults) ctx.cloud.injectFault('GZ0001A', f)
    const s = ctx.cloud.openDoor(ctx.me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    ctx.clock.advance(300)
    ctx.cloud.take('GZ0001A', 1, 'p_cola', 2)
    ctx.cloud.take('GZ0001A', 1, 'p_yogurt', 3)
    ctx.clock.advance(20_000)
    ctx.cloud.closeDoor('GZ0001A', 1)
    return { ...ctx, sessionId: s.id }
  }

  test('given goods taken, closing settles after the emulated 500 ms: an order charged through Pay Score', () => {
    const { cloud, clock, me, sessionId } = shopAndClose()
    expect(cloud.getDoorSession(me, sessionId)).toMatchObject({
      state: 'closed',
      closedAt: '2026-11-20T12:00:20+08:00',
    })
    clock.advance(500)
    const s = cloud.getDoorSession(me, sessionId)
    expect(s.state).toBe('settled')
    expect(cloud.listDoorSessionEvents(me, sessionId).items.map((e) => e.kind)).toEqual([
      'opening',
      'opened',
      'taken',
      'taken',
      'closed',
      'settling',
      'settled',
    ])
    const receipt = cloud.getOrder(me, s.orderId ?? '')
    // cola 2 × 2.50 + yogurt 3 × 5.59 = 21.77 ≥ 20 → 满20减3
    expect(receipt).toMatchObject({
      status: 'paid',
      channel: 'wxpay_score',
      subtotalFen: 700 + 2097,
      totalFen: 2177 - 300,
      promotions: [{ promotionId: 'pr_full', kind: 'full_reduction', amountFen: 300 }],
      doorOpenedAt: '2026-11-20T12:00:00+08:00',
      doorClosedAt: '2026-11-20T12:00:20+08:00',
      paidAt: '2026-11-20T12:00:20+08:00',
      servicePhone: '400-820-8820',
    })
    expect(s.cart.totalFen).toBe(receipt.totalFen)
    // Stock left the cabinet.
    expect(cloud.getCabinetLanding(me, 'GZ0001A').goods.find((g) => g.productId === 'p_yogurt')?.stock).toBe(
      2,
    )
  })

  test('given nothing taken, the session ends empty: no order, no charge', () => {
    const { cloud, clock, me } = happyOpen()
    const before = cloud.listOrders(me).items.length
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    cloud.take('GZ0001A', 1, 'p_water')
    cloud.putBack('GZ0001A', 1, 'p_water')
    cloud.closeDoor('GZ0001A', 1)
    clock.advance(500)
    expect(cloud.getDoorSession(me, s.id)).toMatchObject({ state: 'empty', orderId: null })
    expect(cloud.listOrders(me).items).toHaveLength(before)
  })

  test('prices are those of the door-open time: opened in the lunch window, closed after it', () => {
    const { cloud, clock } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    clock.set('2026-11-20T13:59:50+08:00')
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    clock.set('2026-11-20T14:01:00+08:00')
    cloud.take('GZ0001A', 1, 'p_sandwich')
    cloud.closeDoor('GZ0001A', 1)
    clock.advance(500)
    const line = cloud.getOrder(me, cloud.getDoorSession(me, s.id).orderId ?? '').lines[0]
    expect(line).toMatchObject({
      paidUnitPriceFen: 1097,
      discounts: [{ promotionId: 'pr_lunch', amountFen: 193 }],
    })
  })

  test('given a payment failure, the session ends payment_pending and the unpaid order gates the next open until paid', () => {
    const { cloud, clock, me, sessionId } = shopAndClose({}, ['payment_failure'])
    clock.advance(500)
    const s = cloud.getDoorSession(me, sessionId)
    expect(s.state).toBe('payment_pending')
    expect(cloud.listDoorSessionEvents(me, sessionId).items.at(-1)?.kind).toBe('payment_failed')
    const orderId = s.orderId ?? ''
    expect(cloud.listUnpaidOrders(me).items.map((o) => [o.id, o.status])).toEqual([[orderId, 'unpaid']])
    expect(cloud.getCabinetLanding(me, 'GZ0001A').gate.reasons[0]).toMatchObject({
      code: 'UNPAID_ORDER',
      unpaidOrder: { orderId, amountFen: 1877 },
    })
  })

  test('given a settlement failure, the order waits for review with no charge and shows in the abnormal orders', () => {
    const { cloud, clock, me, sessionId } = shopAndClose({}, ['settlement_failure'])
    clock.advance(500)
    const s = cloud.getDoorSession(me, sessionId)
    expect(s.state).toBe('under_review')
    const receipt = cloud.getOrder(me, s.orderId ?? '')
    expect(receipt.status).toBe('under_review')
    expect(receipt.paidAt).toBeUndefined()
    const abnormal = cloud
      .listAbnormalOrders(loginAs(cloud, 'u_staff'))
      .items.find((o) => o.orderId === s.orderId)
    expect(abnormal).toMatchObject({ reason: 'settlement_failed', state: 'open' })
    expect(abnormal?.evidence.weightLog.map((w) => [w.productId, w.deltaQty])).toEqual([
      ['p_cola', -2],
      ['p_yogurt', -3],
    ])
  })

  test('given recognition under review, the session says under_review', () => {
    const { cloud, clock, me, sessionId } = shopAndClose({}, ['under_review'])
    clock.advance(500)
    expect(cloud.getDoorSession(me, sessionId).state).toBe('under_review')
  })

  test('given a slow settlement, the receipt comes after the slow delay', () => {
    const { cloud, clock, me, sessionId } = shopAndClose({}, ['slow_settlement'])
    clock.advance(500)
    expect(cloud.getDoorSession(me, sessionId).state).toBe('closed')
    clock.advance(7_500)
    expect(cloud.getDoorSession(me, sessionId).state).toBe('settled')
  })

  test('closing a door that is not open is refused', () => {
    const { cloud } = happyOpen()
    cloudErrorOf(() => cloud.closeDoor('GZ0001A', 1), 'SESSION_STATE_CONFLICT', 409)
  })
})

describe('dual-door and vision cabinets', () => {
  test('given a dual-door cabinet, the shopper opens the right door and takes from it; the left door’s goods are not there', () => {
    const { cloud, clock } = cloudFor('dual_door')
    const me = loginAs(cloud, 'u_happy')
    const s = cloud.openDoor(me, { deviceCode: 'SM0002D', doorNo: 2, intentId: intent(), mode: 'shop' })
    clock.advance(300)
    expect(cloud.getDoorSession(me, s.id).doorNo).toBe(2)
    cloud.take('SM0002D', 2, 'p_cake')
    cloudErrorOf(() => cloud.take('SM0002D', 2, 'p_cola'), 'VALIDATION_FAILED')
    cloudErrorOf(() => cloud.take('SM0002D', 1, 'p_cola'), 'SESSION_STATE_CONFLICT')
    expect(cloud.getDoorSession(me, s.id).cart.lines[0]).toMatchObject({
      productId: 'p_cake',
      paidUnitPriceFen: 990,
    })
  })

  test('without a door number the default (left) door opens', () => {
    const { cloud } = cloudFor('dual_door')
    const me = loginAs(cloud, 'u_happy')
    expect(cloud.openDoor(me, { deviceCode: 'SM0002D', intentId: intent(), mode: 'shop' }).doorNo).toBe(1)
  })

  test('given a vision cabinet, the cart stays empty while the door is open, then recognition fills it after close', () => {
    const { cloud, clock } = cloudFor('vision')
    const me = loginAs(cloud, 'u_happy')
    const s = cloud.openDoor(me, { deviceCode: 'SJ0001V', intentId: intent(), mode: 'shop' })
    expect(s.recognition).toBe('after_close')
    clock.advance(300)
    cloud.take('SJ0001V', 1, 'p_coffee')
    cloud.take('SJ0001V', 1, 'p_icecream', 2)
    const open = cloud.getDoorSession(me, s.id)
    expect(open.cart.lines).toEqual([])
    expect(open.seq).toBe(2) // no take events before recognition
    cloud.closeDoor('SJ0001V', 1)
    clock.advance(500)
    const settled = cloud.getDoorSession(me, s.id)
    expect(settled.state).toBe('settled')
    // coffee 9折 585 + 2 × 600 = 1785 ≥ 1500 → 满15减2
    expect(settled.cart).toMatchObject({ subtotalFen: 1850, totalFen: 1585 })
    expect(settled.cart.lines.map((l) => [l.productId, l.qty])).toEqual([
      ['p_coffee', 1],
      ['p_icecream', 2],
    ])
  })

  test('each vision visit uses one recognition; at zero the cabinet is quota_exhausted', () => {
    const { cloud, clock } = cloudFor('vision')
    const me = loginAs(cloud, 'u_happy')
    cloud.setRecognitionQuota('SJ0001V', 1)
    cloud.openDoor(me, { deviceCode: 'SJ0001V', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    cloud.closeDoor('SJ0001V', 1)
    clock.advance(500)
    expect(cloud.getCabinetLanding(me, 'SJ0001V').device.state).toBe('quota_exhausted')
  })
})
