import { cloudErrorOf, cloudFor, intent, loginAs } from './helpers'

/** A first-time shopper who has already bound a phone: only credit stands between them and the door. */
function readyForCredit(platform: 'weapp' | 'alipay' = 'weapp', settings = {}) {
  const { cloud, clock } = cloudFor('first_time', settings)
  const me = loginAs(cloud, 'u_first', platform)
  cloud.bindPhone(me, { platform, code: 'phone:13912345678', encryptedData: 'phone:13912345678' })
  return { cloud, clock, me }
}

describe('credit authorization', () => {
  test('given a WeChat shopper, when they start 免确认 Pay Score, the app gets the extraData and the gate waits, then opens once WeChat confirms', () => {
    const { cloud, clock, me } = readyForCredit()
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_enable' })
    expect(auth).toMatchObject({ method: 'wxpay_score_enable', state: 'pending' })
    expect(auth.payload).toEqual({
      kind: 'wxpay_score_enable',
      businessType: 'wxpayScoreEnable',
      extraData: { apply_permissions_token: expect.stringMatching(/^mock_apt_/) },
    })
    expect(cloud.getCabinetLanding(me, 'GZ0001A').gate).toMatchObject({
      mayOpen: false,
      reasons: [{ code: 'CREDIT_PENDING' }],
      credit: null,
    })
    clock.advance(1_500)
    expect(cloud.getCreditAuthorization(me, auth.id).state).toBe('authorized')
    expect(cloud.getCabinetLanding(me, 'GZ0001A').gate).toEqual({ mayOpen: true, reasons: [], credit: null })
  })

  test('the per-order Pay Score payload carries the fields wx.openBusinessView needs', () => {
    const { cloud, me } = readyForCredit()
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_use' })
    expect(auth.payload).toEqual({
      kind: 'wxpay_score_use',
      businessType: 'wxpayScoreUse',
      extraData: {
        mch_id: '1601234567',
        package: expect.any(String),
        timestamp: String(Math.floor(Date.parse('2026-11-20T12:00:00+08:00') / 1000)),
        nonce_str: expect.any(String),
        sign_type: 'HMAC-SHA256',
        sign: expect.any(String),
      },
    })
  })

  test('the client result is never proof: with auto-completion off the state stays pending until the platform answers', () => {
    const { cloud, clock, me } = readyForCredit('weapp', { creditAutoCompleteMs: null })
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_enable' })
    clock.advance(10 * 60_000)
    expect(cloud.getCreditAuthorization(me, auth.id).state).toBe('pending')
    expect(cloud.completeCreditAuthorization(auth.id, 'authorized').state).toBe('authorized')
  })

  test('an authorization nobody completes expires after an hour', () => {
    const { cloud, clock, me } = readyForCredit('weapp', { creditAutoCompleteMs: null })
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_enable' })
    clock.advance(3_600_000)
    expect(cloud.getCreditAuthorization(me, auth.id).state).toBe('expired')
    expect(cloud.getCabinetLanding(me, 'GZ0001A').gate.reasons.map((r) => r.code)).toEqual([
      'CREDIT_REQUIRED',
    ])
  })

  test('tapping authorize again while pending continues the same authorization', () => {
    const { cloud, me } = readyForCredit()
    const a = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_enable' })
    const b = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_enable' })
    expect(b.id).toBe(a.id)
  })

  test('given WeChat rejects the shopper, the authorization says why and the gate turns to CREDIT_REJECTED', () => {
    const { cloud, clock, me } = readyForCredit()
    cloud.setCreditEligibility(me, 'wechat', false, '支付分不足')
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_enable' })
    clock.advance(1_500)
    expect(cloud.getCreditAuthorization(me, auth.id)).toMatchObject({
      state: 'rejected',
      reason: '支付分不足',
    })
    const gate = cloud.getCabinetLanding(me, 'GZ0001A').gate
    expect(gate.reasons.map((r) => r.code)).toEqual(['CREDIT_REJECTED'])
    // Both Pay Score modes are one score: neither is offered again; the rest of the chain is.
    expect(gate.credit?.methods.map((m) => m.method)).toEqual(['wxpay_contract', 'wxpay_deposit'])
    cloudErrorOf(
      () => cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_use' }),
      'VALIDATION_FAILED',
      422,
    )
  })

  test('with nothing left to offer, starting again is refused as CREDIT_REJECTED', () => {
    const { cloud, me } = readyForCredit()
    const user = cloud.inspect().users.get(me)!
    user.refused = { wxpay_score_enable: '未通过', wxpay_score_use: '未通过', wxpay_contract: '未能签约' }
    cloud.setDeposit('GZ0001A', 0)
    cloudErrorOf(
      () => cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_deposit' }),
      'CREDIT_REJECTED',
      403,
    )
  })

  test('the control side can reject or cancel a pending authorization', () => {
    const { cloud, me } = readyForCredit('weapp', { creditAutoCompleteMs: null })
    const a = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_use' })
    expect(cloud.completeCreditAuthorization(a.id, 'cancelled').state).toBe('cancelled')
    cloudErrorOf(() => cloud.completeCreditAuthorization(a.id, 'authorized'), 'SESSION_STATE_CONFLICT')
  })

  test('given Zhima finds an Alipay shopper ineligible, the agreement and the pre-authorized deposit still work', () => {
    const { cloud, clock, me } = readyForCredit('alipay')
    cloud.setCreditEligibility(me, 'alipay', false, '芝麻分不足')
    const offer = cloud.getCabinetLanding(me, 'GZ0001A').gate.credit
    expect(offer?.methods.map((m) => m.method)).toEqual(['alipay_agreement', 'alipay_preauth'])
    cloudErrorOf(
      () => cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'alipay_pay_after_use' }),
      'VALIDATION_FAILED',
      422,
    )
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'alipay_preauth' })
    expect(auth.payload).toEqual({ kind: 'alipay_trade', orderStr: expect.stringContaining('freeze') })
    clock.advance(1_500)
    expect(cloud.getCreditAuthorization(me, auth.id).state).toBe('authorized')
    expect(cloud.getCabinetLanding(me, 'GZ0001A').gate.mayOpen).toBe(true)
  })

  test('Alipay pay-after-use gives a sign string for my.paySignCenter', () => {
    const { cloud, me } = readyForCredit('alipay')
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'alipay_pay_after_use' })
    expect(auth.payload).toEqual({ kind: 'alipay_sign', signStr: expect.stringContaining('alipay_sdk=') })
  })

  test('a method of the other platform is refused with the field named', () => {
    const { cloud, me } = readyForCredit('weapp')
    const err = cloudErrorOf(
      () => cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'alipay_agreement' }),
      'VALIDATION_FAILED',
    )
    expect(err.fields).toHaveProperty('method')
  })

  test('a blacklisted shopper cannot start, and nobody reads another user’s authorization', () => {
    const { cloud, me } = readyForCredit()
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_enable' })
    cloudErrorOf(() => cloud.getCreditAuthorization('u_happy', auth.id), 'NOT_FOUND', 404)
    cloud.setBlacklisted(me, true)
    cloudErrorOf(
      () => cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_use' }),
      'USER_BLACKLISTED',
      403,
    )
  })

  test('a per-order confirmation (wxpay_score_use) is good for one door session', () => {
    const { cloud, clock, me } = readyForCredit('weapp')
    cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_use' })
    clock.advance(1_500)
    cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    cloud.closeDoor('GZ0001A', 1)
    clock.advance(500)
    expect(cloud.getCabinetLanding(me, 'GZ0001A').gate.reasons.map((r) => r.code)).toEqual([
      'CREDIT_REQUIRED',
    ])
  })

  test('…but a door that failed to open gives the confirmation back for the retry', () => {
    const { cloud, clock, me } = readyForCredit('weapp')
    cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_score_use' })
    clock.advance(1_500)
    cloud.injectFault('GZ0001A', 'open_fail')
    cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    expect(cloud.getCabinetLanding(me, 'GZ0001A').gate.mayOpen).toBe(true)
  })
})
