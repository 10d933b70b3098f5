/**
 * The caller's unfinished business (DESIGN §7): what a killed, reinstalled or answer-less app asks the cloud
 * to find its user again. Only the caller's own records, and each only while it is unfinished.
 */
import { cloudErrorOf, cloudFor, intent, loginAs } from './helpers'

const NOTHING = { doorSession: null, restockSession: null, creditAuthorization: null, payment: null }

describe('getActiveState', () => {
  test('a shopper with nothing going on gets four nulls', () => {
    const { cloud } = cloudFor('happy')
    expect(cloud.getActiveState(loginAs(cloud, 'u_happy'))).toEqual(NOTHING)
  })

  test('a door session is returned from opening through settling, then no more', () => {
    const { cloud, clock } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', doorNo: 1, intentId: intent(), mode: 'shop' })
    expect(cloud.getActiveState(me).doorSession).toMatchObject({ id: s.id, state: 'opening', doorNo: 1 })
    clock.advance(cloud.settings().doorDelayMs)
    cloud.take('GZ0001A', 1, 'p_cola', 1)
    const open = cloud.getActiveState(me).doorSession
    expect(open).toMatchObject({ id: s.id, state: 'open', openedAt: '2026-11-20T12:00:00+08:00' })
    expect(open?.cart.lines).toEqual([expect.objectContaining({ productId: 'p_cola', qty: 1 })])
    cloud.closeDoor('GZ0001A', 1)
    expect(cloud.getActiveState(me).doorSession).toMatchObject({ id: s.id, state: 'closed' })
    clock.advance(cloud.settings().settlementDelayMs)
    expect(cloud.getActiveState(me).doorSession).toBeNull()
  })

  test('an open door outranks an older one that is still settling', () => {
    const { cloud, clock } = cloudFor('dual_door', { settlementDelayMs: 60_000 })
    const me = loginAs(cloud, 'u_happy')
    cloud.openDoor(me, { deviceCode: 'SM0002D', doorNo: 1, intentId: intent(), mode: 'shop' })
    clock.advance(cloud.settings().doorDelayMs)
    cloud.take('SM0002D', 1, 'p_cola', 1)
    cloud.closeDoor('SM0002D', 1)
    clock.advance(1_000)
    const second = cloud.openDoor(me, { deviceCode: 'GZ0001A', doorNo: 1, intentId: intent(), mode: 'shop' })
    expect(cloud.getActiveState(me).doorSession?.id).toBe(second.id)
  })

  test('never another user’s session', () => {
    const { cloud } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    const other = loginAs(cloud, 'u_other')
    cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    expect(cloud.getActiveState(other)).toEqual(NOTHING)
    cloudErrorOf(() => cloud.getActiveState(null), 'AUTH_REQUIRED', 401)
  })

  test('a pending credit authorization, with the cabinet it was started at, until the platform answers', () => {
    const { cloud } = cloudFor('first_time', { creditAutoCompleteMs: null })
    const me = loginAs(cloud, 'u_first')
    cloud.bindPhone(me, { platform: 'weapp', code: 'phone:13912345678' })
    const started = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_use' })
    expect(cloud.getActiveState(me).creditAuthorization).toMatchObject({
      id: started.id,
      deviceCode: 'GZ0001A',
      state: 'pending',
    })
    cloud.completeCreditAuthorization(started.id, 'authorized')
    expect(cloud.getActiveState(me).creditAuthorization).toBeNull()
  })

  test('a pending payment comes with its order (amount, cabinet) until it ends', () => {
    const { cloud } = cloudFor('unpaid_order', { paymentAutoCompleteMs: null })
    const me = loginAs(cloud, 'u_happy')
    const unpaid = cloud.listUnpaidOrders(me).items[0]!
    const payment = cloud.payOrder(me, unpaid.id, { platform: 'weapp' })
    expect(cloud.getActiveState(me).payment).toEqual({
      payment: expect.objectContaining({ id: payment.id, state: 'pending' }),
      order: expect.objectContaining({ id: unpaid.id, deviceCode: 'GZ0001A', totalFen: unpaid.totalFen }),
    })
    cloud.completePayment(payment.id, true)
    expect(cloud.getActiveState(me).payment).toBeNull()
  })

  test('a restocker’s session is returned until it is confirmed', () => {
    const { cloud, clock } = cloudFor('restocker')
    const me = loginAs(cloud, 'u_staff')
    const rs = cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() })
    clock.advance(cloud.settings().doorDelayMs)
    expect(cloud.getActiveState(me).restockSession).toMatchObject({ id: rs.id, state: 'open' })
    cloud.closeDoor('GZ0001A', 1)
    expect(cloud.getActiveState(me).restockSession).toMatchObject({ id: rs.id, state: 'closed' })
    cloud.confirmRestockSession(me, rs.id, { lines: [] })
    expect(cloud.getActiveState(me).restockSession).toBeNull()
  })
})

describe('the landing and the conflicts say which session is yours', () => {
  test('the shopper’s own open door: resume, not open, and the cabinet is not "in use" for them', () => {
    const { cloud, clock } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    const other = loginAs(cloud, 'u_other')
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(cloud.settings().doorDelayMs)
    const mine = cloud.getCabinetLanding(me, 'GZ0001A')
    expect(mine.gate.mayOpen).toBe(false)
    expect(mine.gate.reasons[0]).toMatchObject({
      code: 'SESSION_ACTIVE',
      session: { id: s.id, deviceCode: 'GZ0001A', doorNo: 1, state: 'open' },
    })
    expect(mine.device.state).toBe('ok')
    const theirs = cloud.getCabinetLanding(other, 'GZ0001A')
    expect(theirs.device.state).toBe('in_use')
    expect(theirs.gate.reasons.map((r) => r.code)).toContain('DEVICE_IN_USE')
    expect(JSON.stringify(theirs)).not.toContain(s.id)
  })

  test('the shopper’s open door at another cabinet is named on this one’s gate', () => {
    const { cloud } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    const elsewhere = cloud.getCabinetLanding(me, 'SM0002D')
    expect(elsewhere.gate.reasons[0]).toMatchObject({
      code: 'SESSION_ACTIVE',
      session: { id: s.id, deviceCode: 'GZ0001A' },
    })
  })

  test('an intent reused for another cabinet is a conflict that names the session it made', () => {
    const { cloud } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    const id = intent()
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: id, mode: 'shop' })
    const err = cloudErrorOf(
      () => cloud.openDoor(me, { deviceCode: 'SM0002D', intentId: id, mode: 'shop' }),
      'IDEMPOTENCY_CONFLICT',
      409,
    )
    expect(err.toBody().sessionId).toBe(s.id)
  })

  test('a restocker’s own open restock is named, and so is the one an intent made', () => {
    const { cloud } = cloudFor('restocker')
    const me = loginAs(cloud, 'u_staff')
    const id = intent()
    const rs = cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: id })
    const own = cloudErrorOf(
      () => cloud.openRestockSession(me, { deviceCode: 'GZ0001A', intentId: intent() }),
      'STAFF_SESSION_OPEN',
      409,
    )
    expect(own.toBody().sessionId).toBe(rs.id)
    const reused = cloudErrorOf(
      () => cloud.openRestockSession(me, { deviceCode: 'GZ0001A', doorNo: 2, intentId: id }),
      'IDEMPOTENCY_CONFLICT',
      409,
    )
    expect(reused.toBody().sessionId).toBe(rs.id)
  })
})
