import { SCENARIO_NAMES } from '../fixtures'
import { cloudErrorOf, cloudFor, loginAs } from './helpers'

describe('login with a platform code', () => {
  test('given the happy scenario, when the shopper logs in with code:u_happy, they get a token and their user', () => {
    const { cloud, clock } = cloudFor('happy')
    const res = cloud.login({ platform: 'weapp', code: 'code:u_happy' })
    expect(res.user).toEqual({
      id: 'u_happy',
      nickname: '小鲜',
      phoneBound: true,
      phoneMasked: '138****0001',
      roles: { shopper: true, staffDeviceCodes: [], merchantId: null },
    })
    expect(res.expiresAt).toBe('2026-11-20T14:00:00+08:00')
    expect(cloud.authenticate(res.token)).toBe('u_happy')
    clock.advance(2 * 3_600_000)
    expect(cloud.authenticate(res.token)).toBeNull()
  })

  test('any other code makes a new first-time user, and the same code finds them again', () => {
    const { cloud } = cloudFor('happy')
    const a = cloud.login({ platform: 'alipay', code: 'AUTH-abc' })
    const b = cloud.login({ platform: 'alipay', code: 'AUTH-abc' })
    expect(a.user.id).toBe(b.user.id)
    expect(a.user).toMatchObject({ phoneBound: false, phoneMasked: null, nickname: '支付宝用户' })
    expect(cloud.login({ platform: 'weapp', code: 'other' }).user.id).not.toBe(a.user.id)
  })

  test('a code the platform refuses is AUTH_CODE_INVALID; an unknown token is no user', () => {
    const { cloud } = cloudFor('happy')
    cloudErrorOf(() => cloud.login({ platform: 'weapp', code: 'invalid-123' }), 'AUTH_CODE_INVALID', 400)
    cloudErrorOf(() => cloud.login({ platform: 'weapp', code: '' }), 'AUTH_CODE_INVALID')
    expect(cloud.authenticate('nope')).toBeNull()
    expect(cloud.authenticate(null)).toBeNull()
    cloudErrorOf(() => cloud.getMe(null), 'AUTH_REQUIRED', 401)
  })

  test('the staff and merchant roles show in the user', () => {
    const { cloud } = cloudFor('happy')
    expect(cloud.getMe(loginAs(cloud, 'u_staff')).roles.staffDeviceCodes).toEqual([
      'GZ0001A',
      'SM0002D',
      'SJ0001V',
    ])
    expect(cloud.getMe(loginAs(cloud, 'u_merchant')).roles.merchantId).toBe('M001')
  })
})

describe('binding a phone', () => {
  test('given a first-time shopper, when they bind a phone, the user shows it masked', () => {
    const { cloud } = cloudFor('first_time')
    const me = loginAs(cloud, 'u_first')
    expect(cloud.bindPhone(me, { platform: 'weapp', code: 'phone:13912345678' })).toMatchObject({
      phoneBound: true,
      phoneMasked: '139****5678',
    })
  })
  test('an invalid code is PHONE_CODE_INVALID; Alipay needs the encrypted response', () => {
    const { cloud } = cloudFor('first_time')
    const me = loginAs(cloud, 'u_first', 'alipay')
    cloudErrorOf(() => cloud.bindPhone(me, { platform: 'weapp', code: 'invalid' }), 'PHONE_CODE_INVALID', 400)
    const err = cloudErrorOf(() => cloud.bindPhone(me, { platform: 'alipay' }), 'VALIDATION_FAILED', 422)
    expect(err.fields).toHaveProperty('encryptedData')
    expect(cloud.bindPhone(me, { platform: 'alipay', encryptedData: 'ENC…' }).phoneBound).toBe(true)
  })
})

describe('the cabinet landing', () => {
  test('given the happy scenario on Friday noon, the cabinet page gets device, goods, promotions in force, phone and an open gate', () => {
    const { cloud } = cloudFor('happy')
    const landing = cloud.getCabinetLanding(loginAs(cloud, 'u_happy'), 'GZ0001A')
    expect(landing.device).toMatchObject({
      code: 'GZ0001A',
      kind: 'gravity',
      doorCount: 1,
      online: true,
      state: 'ok',
    })
    expect(landing.doors).toEqual([{ no: 1, name: '柜门', isDefault: true }])
    expect(landing.goods).toHaveLength(8)
    expect(landing.merchant).toEqual({ id: 'M001', name: '鲜享便利', servicePhone: '400-820-8820' })
    expect(landing.gate).toEqual({ mayOpen: true, reasons: [], credit: null })
    expect(landing.staffActions).toEqual([])
    // The night promotion (22:00–02:00) is announced for later today but not in force at noon.
    expect(landing.promotions.map((p) => [p.id, p.kind, p.activeNow])).toEqual([
      ['pr_cola_special', 'limited_time', true],
      ['pr_yogurt_80', 'limited_time', true],
      ['pr_lunch', 'time_slot', true],
      ['pr_night', 'time_slot', false],
      ['pr_full', 'full_reduction', true],
    ])
    const price = Object.fromEntries(landing.goods.map((g) => [g.productId, [g.priceFen, g.promoPriceFen]]))
    expect(price).toEqual({
      p_cola: [350, 250],
      p_sprite: [350, null],
      p_water: [200, null],
      p_milk: [450, 383], // 382.5 rounds half-up
      p_coffee: [650, 553], // 552.5
      p_yogurt: [699, 559], // 559.2
      p_sandwich: [1290, 1097], // 1096.5
      p_chips: [790, null],
    })
    const stock = Object.fromEntries(landing.goods.map((g) => [g.productId, g.stockState]))
    expect(stock).toMatchObject({ p_cola: 'in_stock', p_milk: 'low', p_chips: 'sold_out' })
    // Device-wide promotions count for every product.
    expect(landing.goods.find((g) => g.productId === 'p_sandwich')?.promotionIds).toEqual([
      'pr_lunch',
      'pr_full',
    ])
    expect(landing.goods.find((g) => g.productId === 'p_water')?.promotionIds).toEqual(['pr_full'])
  })

  test('at night the whole-device time-slot is in force and the lunch one is not', () => {
    const { cloud, clock } = cloudFor('happy')
    clock.set('2026-11-20T23:00:00+08:00')
    const landing = cloud.getCabinetLanding(null, 'GZ0001A')
    expect(landing.promotions.map((p) => p.id)).toEqual([
      'pr_cola_special',
      'pr_yogurt_80',
      'pr_night',
      'pr_full',
    ])
    // cola: 2.5 fixed beats 10% off (315); water: 10% off 200 = 180
    const promo = Object.fromEntries(landing.goods.map((g) => [g.productId, g.promoPriceFen]))
    expect(promo).toMatchObject({ p_cola: 250, p_water: 180, p_sandwich: 1161 })
  })

  test('a dual-door cabinet lists both doors and its goods split per door', () => {
    const { cloud } = cloudFor('dual_door')
    const landing = cloud.getCabinetLanding(null, cloud.scenario.deviceCode)
    expect(landing.doors).toEqual([
      { no: 1, name: '左门', isDefault: true },
      { no: 2, name: '右门', isDefault: false },
    ])
    expect(new Set(landing.goods.filter((g) => g.doorNo === 2).map((g) => g.productId))).toEqual(
      new Set(['p_sandwich', 'p_onigiri', 'p_salad', 'p_cake']),
    )
  })

  test('an unknown or malformed device code is DEVICE_NOT_FOUND', () => {
    const { cloud } = cloudFor('happy')
    cloudErrorOf(() => cloud.getCabinetLanding(null, 'ZZ9999Z'), 'DEVICE_NOT_FOUND', 404)
    cloudErrorOf(() => cloud.getCabinetLanding(null, 'gz0001a'), 'DEVICE_NOT_FOUND', 404)
  })

  test('a restocker bound to the cabinet is offered shop / restock / stocktake', () => {
    const { cloud } = cloudFor('restocker')
    expect(cloud.getCabinetLanding(loginAs(cloud, 'u_staff'), 'GZ0001A').staffActions).toEqual([
      'shop',
      'restock',
      'stocktake',
    ])
    expect(cloud.getCabinetLanding(loginAs(cloud, 'u_staff'), 'GZ0099Z').staffActions).toEqual([])
  })
})

describe('the gate', () => {
  const codes = (gate: { reasons: { code: string }[] }): string[] => gate.reasons.map((r) => r.code)

  test('without login it says LOGIN_REQUIRED and offers no credit', () => {
    const { cloud } = cloudFor('happy')
    expect(cloud.getCabinetLanding(null, 'GZ0001A').gate).toMatchObject({
      mayOpen: false,
      reasons: [{ code: 'LOGIN_REQUIRED', message: '请先登录' }],
      credit: null,
    })
  })

  test('a first-time WeChat shopper must bind a phone, then choose: Pay Score (免确认 first), 免密支付, 押金开门', () => {
    const { cloud } = cloudFor('first_time')
    const gate = cloud.getCabinetLanding(loginAs(cloud, 'u_first'), 'GZ0001A').gate
    expect(codes(gate)).toEqual(['PHONE_REQUIRED', 'CREDIT_REQUIRED'])
    expect(gate.reasons[0]?.hint).toBeTruthy()
    expect(gate.credit?.methods.map((m) => m.method)).toEqual([
      'wxpay_score_enable',
      'wxpay_score_use',
      'wxpay_contract',
      'wxpay_deposit',
    ])
    expect(gate.credit?.methods.find((m) => m.method === 'wxpay_deposit')?.depositFen).toBe(5000)
    expect(gate.credit?.ineligible).toEqual([])
  })

  test('at a merchant without the 免确认 mode, WeChat starts with the per-order confirmation', () => {
    const { cloud } = cloudFor('first_time')
    const gate = cloud.getCabinetLanding(loginAs(cloud, 'u_first'), 'GZ0099Z').gate
    expect(gate.credit?.methods.map((m) => m.method)).toEqual([
      'wxpay_score_use',
      'wxpay_contract',
      'wxpay_deposit',
    ])
  })

  test('a first-time Alipay shopper is offered 芝麻先享, then the agreement, then the pre-authorization', () => {
    const { cloud } = cloudFor('first_time')
    const gate = cloud.getCabinetLanding(loginAs(cloud, 'u_first', 'alipay'), 'GZ0001A').gate
    expect(gate.credit?.methods.map((m) => m.method)).toEqual([
      'alipay_pay_after_use',
      'alipay_agreement',
      'alipay_preauth',
    ])
  })

  test('a cabinet whose merchant set no deposit offers none, and says why', () => {
    const { cloud } = cloudFor('first_time')
    cloud.setDeposit('GZ0001A', 0)
    const gate = cloud.getCabinetLanding(loginAs(cloud, 'u_first'), 'GZ0001A').gate
    expect(gate.credit?.methods.map((m) => m.method)).not.toContain('wxpay_deposit')
    expect(gate.credit?.ineligible).toEqual([{ method: 'wxpay_deposit', reason: '这台柜子暂未开通押金' }])
    expect(codes(gate)).toContain('CREDIT_REQUIRED')
  })

  test.each([
    ['offline_device', 'GZ0001A', 'DEVICE_OFFLINE', 'offline'],
    ['expired_device', 'GZ0001A', 'DEVICE_SERVICE_EXPIRED', 'expired'],
    ['not_activated', 'GZ0001A', 'DEVICE_NOT_ACTIVATED', 'not_activated'],
    ['lock_fault', 'GZ0001A', 'DEVICE_LOCK_FAULT', 'lock_fault'],
    ['camera_fault', 'GZ0001A', 'DEVICE_CAMERA_FAULT', 'camera_fault'],
    ['restocking', 'GZ0001A', 'DEVICE_RESTOCKING', 'restocking'],
    ['in_use', 'GZ0001A', 'DEVICE_IN_USE', 'in_use'],
    ['quota_exhausted', 'SJ0001V', 'DEVICE_QUOTA_EXHAUSTED', 'quota_exhausted'],
  ] as const)(
    'given the %s scenario, the happy shopper at %s is told %s',
    (scenario, device, code, state) => {
      const { cloud } = cloudFor(scenario)
      expect(cloud.scenario.deviceCode).toBe(device)
      const landing = cloud.getCabinetLanding(loginAs(cloud, 'u_happy'), device)
      expect(landing.device.state).toBe(state)
      expect(codes(landing.gate)).toEqual([code])
      expect(landing.gate.mayOpen).toBe(false)
    },
  )

  test('the offline cabinet says it is not online', () => {
    const { cloud } = cloudFor('offline_device')
    expect(cloud.getCabinetLanding(null, 'GZ0001A').device.online).toBe(false)
  })

  test('device states come before login: an expired cabinet tells an anonymous visitor both', () => {
    const { cloud } = cloudFor('expired_device')
    expect(codes(cloud.getCabinetLanding(null, 'GZ0001A').gate)).toEqual([
      'DEVICE_SERVICE_EXPIRED',
      'LOGIN_REQUIRED',
    ])
  })

  test('reasons come most important first: device, blacklist, phone, unpaid, credit, rate limit', () => {
    const { cloud } = cloudFor('first_time')
    cloud.injectFault('GZ0001A', 'offline')
    cloud.setBlacklisted('u_first', true)
    expect(codes(cloud.getCabinetLanding(loginAs(cloud, 'u_first'), 'GZ0001A').gate)).toEqual([
      'DEVICE_OFFLINE',
      'USER_BLACKLISTED',
      'PHONE_REQUIRED',
      'CREDIT_REQUIRED',
    ])
  })

  test('the shopper who is using the cabinet is not told it is in use', () => {
    const { cloud } = cloudFor('in_use')
    expect(
      cloud.getCabinetLanding(loginAs(cloud, 'u_other'), 'GZ0001A').gate.reasons.map((r) => r.code),
    ).not.toContain('DEVICE_IN_USE')
  })

  test('given the blacklisted scenario, the shopper is USER_BLACKLISTED', () => {
    const { cloud } = cloudFor('blacklisted')
    expect(codes(cloud.getCabinetLanding(loginAs(cloud, 'u_happy'), 'GZ0001A').gate)).toEqual([
      'USER_BLACKLISTED',
    ])
  })

  test('given an unpaid order, the gate names it with its amount', () => {
    const { cloud } = cloudFor('unpaid_order')
    const gate = cloud.getCabinetLanding(loginAs(cloud, 'u_happy'), 'GZ0001A').gate
    expect(codes(gate)).toEqual(['UNPAID_ORDER'])
    const orderId = cloud.scenario.refs.unpaidOrderId
    expect(gate.reasons[0]?.unpaidOrder).toEqual({
      orderId,
      amountFen: cloud.getOrder('u_happy', orderId ?? '').totalFen,
    })
  })

  test('given a WeChat Pay Score rejection, the gate says CREDIT_REJECTED and offers the rest of the chain', () => {
    const { cloud } = cloudFor('credit_rejected')
    const gate = cloud.getCabinetLanding(loginAs(cloud, 'u_happy'), 'GZ0001A').gate
    expect(codes(gate)).toEqual(['CREDIT_REJECTED'])
    expect(gate.credit?.methods.map((m) => m.method)).toEqual(['wxpay_contract', 'wxpay_deposit'])
    expect(gate.credit?.ineligible).toEqual([
      { method: 'wxpay_score_enable', reason: '微信支付分暂不满足使用条件' },
      { method: 'wxpay_score_use', reason: '微信支付分暂不满足使用条件' },
    ])
  })

  test('…on Alipay the same shopper is offered the agreement and the pre-authorization, with why not 芝麻先享', () => {
    const { cloud } = cloudFor('credit_rejected')
    const gate = cloud.getCabinetLanding(loginAs(cloud, 'u_happy', 'alipay'), 'GZ0001A').gate
    expect(codes(gate)).toEqual(['CREDIT_REJECTED'])
    expect(gate.credit?.methods).toEqual([
      expect.objectContaining({ method: 'alipay_agreement' }),
      expect.objectContaining({ method: 'alipay_preauth', depositFen: 5000 }),
    ])
    expect(gate.credit?.ineligible).toEqual([
      { method: 'alipay_pay_after_use', reason: '芝麻信用暂不满足先享条件' },
    ])
  })

  test('with every method refused and no deposit here, nothing is offered: CREDIT_REJECTED', () => {
    const { cloud } = cloudFor('credit_rejected')
    const me = loginAs(cloud, 'u_happy')
    cloud.inspect().users.get('u_happy')!.refused.wxpay_contract = '未能签约'
    cloud.setDeposit('GZ0001A', 0)
    const gate = cloud.getCabinetLanding(me, 'GZ0001A').gate
    expect(codes(gate)).toEqual(['CREDIT_REJECTED'])
    expect(gate.credit?.methods).toEqual([])
    expect(gate.credit?.ineligible.map((i) => i.method)).toEqual([
      'wxpay_score_enable',
      'wxpay_score_use',
      'wxpay_contract',
      'wxpay_deposit',
    ])
  })

  test('given three opens in the last two minutes, the gate says RATE_LIMITED and when to retry', () => {
    const { cloud, clock } = cloudFor('rate_limited')
    const me = loginAs(cloud, 'u_happy')
    const reason = cloud.getCabinetLanding(me, 'GZ0001A').gate.reasons[0]
    expect(reason).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSec: 30,
      availableAt: '2026-11-20T12:00:30+08:00',
    })
    clock.advance(30_000)
    expect(cloud.getCabinetLanding(me, 'GZ0001A').gate.mayOpen).toBe(true)
  })
})

describe('fixtures', () => {
  test.each(SCENARIO_NAMES)('the %s scenario loads, and its user can log in and see its cabinet', (name) => {
    const { cloud } = cloudFor(name)
    expect(cloud.scenario.name).toBe(name)
    expect(cloud.scenario.deviceCode).toMatch(/^[A-Z0-9]{6,16}$/)
    expect(cloud.scenario.loginCode).toBe(`code:${cloud.scenario.userId}`)
    const { user } = cloud.login({ platform: 'weapp', code: cloud.scenario.loginCode })
    expect(user.id).toBe(cloud.scenario.userId)
    expect(cloud.getCabinetLanding(user.id, cloud.scenario.deviceCode).device.code).toBe(
      cloud.scenario.deviceCode,
    )
  })

  test('the same scenario loads the same way twice (ids included)', () => {
    const a = cloudFor('demo').cloud
    const b = cloudFor('demo').cloud
    expect(a.scenario).toEqual(b.scenario)
    expect(a.listOrders('u_crowd_1', { limit: 100 })).toEqual(b.listOrders('u_crowd_1', { limit: 100 }))
  })

  test('the demo scenario has cabinets in several states', () => {
    const { cloud } = cloudFor('demo')
    const state = (code: string): string => cloud.getCabinetLanding(null, code).device.state
    expect([state('GZ0001A'), state('GZ0003F'), state('GZ0005L'), state('SJ0002Q')]).toEqual([
      'ok',
      'offline',
      'lock_fault',
      'quota_exhausted',
    ])
  })
})
