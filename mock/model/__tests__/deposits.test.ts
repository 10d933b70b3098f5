/**
 * Every shopper can buy (DESIGN §8): when credit is refused the chain ends in money. A deposit (押金开门) or an
 * Alipay pre-authorization (预授权) is held before the door opens; settlement takes the goods from it in fen,
 * the rest goes back, a cart above it leaves the difference owed; nothing taken, or a door that never
 * opened, gives it all back. A failed refund is tried again until it goes through.
 */
import { cloudErrorOf, cloudFor, intent, loginAs } from './helpers'

const REFUND_MS = 2_000

function depositShopper(platform: 'weapp' | 'alipay' = 'weapp', depositFen = 5_000) {
  const { cloud, clock } = cloudFor('first_time', {
    creditAutoCompleteMs: 1_000,
    refundDelayMs: REFUND_MS,
    doorDelayMs: 300,
    settlementDelayMs: 500,
  })
  const me = loginAs(cloud, 'u_first', platform)
  cloud.bindPhone(me, { platform, code: 'phone:13912345678', encryptedData: 'phone:13912345678' })
  cloud.setDeposit('GZ0001A', depositFen)
  const method = platform === 'alipay' ? 'alipay_preauth' : 'wxpay_deposit'
  const hold = () => {
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method })
    clock.advance(1_000)
    expect(cloud.getCreditAuthorization(me, auth.id).state).toBe('authorized')
    return auth
  }
  /** Opens, takes `take`, closes and lets the cloud settle; the session as the shopper reads it. */
  const visit = (take: [string, number][]) => {
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    for (const [productId, qty] of take) cloud.take('GZ0001A', 1, productId, qty)
    cloud.closeDoor('GZ0001A', 1)
    clock.advance(500)
    return cloud.getDoorSession(me, s.id)
  }
  return { cloud, clock, me, hold, visit }
}

describe('押金开门 on WeChat', () => {
  test('the deposit is a WeChat payment of the cabinet’s amount', () => {
    const { cloud, me } = depositShopper('weapp', 3_000)
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_deposit' })
    expect(auth.payload).toEqual({
      kind: 'wxpay_deposit',
      amountFen: 3_000,
      payment: expect.objectContaining({ kind: 'wxpay', package: expect.stringMatching(/^prepay_id=/) }),
    })
    expect(auth.deviceCode).toBe('GZ0001A')
  })

  test('settled from the deposit; the rest refunded 原路返回, processing then arrived', () => {
    const { cloud, clock, me, hold, visit } = depositShopper()
    hold()
    const session = visit([['p_water', 2]])
    expect(session.state).toBe('settled')
    const receipt = cloud.getOrder(me, session.orderId!)
    expect(receipt.status).toBe('paid')
    expect(receipt.deposit).toEqual({
      kind: 'deposit',
      heldFen: 5_000,
      chargedFen: receipt.totalFen,
      returnedFen: 5_000 - receipt.totalFen,
      remainderFen: 0,
      returnState: 'processing',
    })
    expect(receipt.totalFen).toBe(400)
    clock.advance(REFUND_MS)
    expect(cloud.getOrder(me, session.orderId!).deposit?.returnState).toBe('succeeded')
  })

  test('a cart above the deposit takes all of it and leaves the difference as an unpaid order', () => {
    const { cloud, clock, me, hold, visit } = depositShopper('weapp', 1_000)
    hold()
    const session = visit([['p_sandwich', 1]])
    expect(session.state).toBe('payment_pending')
    const receipt = cloud.getOrder(me, session.orderId!)
    const due = receipt.totalFen - 1_000
    expect(due).toBeGreaterThan(0)
    expect(receipt.deposit).toMatchObject({
      heldFen: 1_000,
      chargedFen: 1_000,
      returnedFen: 0,
      remainderFen: due,
    })
    expect(receipt.amountDueFen).toBe(due)
    const gate = cloud.getCabinetLanding(me, 'GZ0001A').gate
    expect(gate.reasons[0]).toMatchObject({ code: 'UNPAID_ORDER', unpaidOrder: { amountFen: due } })

    const payment = cloud.payOrder(me, session.orderId!, { platform: 'weapp' })
    clock.advance(cloud.settings().paymentAutoCompleteMs ?? 0)
    expect(cloud.getPayment(me, payment.id).state).toBe('succeeded')
    expect(cloud.getOrder(me, session.orderId!)).toMatchObject({
      status: 'paid',
      deposit: { chargedFen: 1_000 },
    })
  })

  test('nothing taken: the whole deposit goes back', () => {
    const { clock, hold, visit, cloud, me } = depositShopper()
    hold()
    const session = visit([])
    expect(session).toMatchObject({ state: 'empty', orderId: null })
    expect(session.deposit).toMatchObject({ heldFen: 5_000, chargedFen: 0, returnedFen: 5_000 })
    clock.advance(REFUND_MS)
    expect(cloud.getDoorSession(me, session.id).deposit?.returnState).toBe('succeeded')
  })

  test('a door that never opened gives the deposit back at once, and the next visit needs a new one', () => {
    const { cloud, clock, me, hold } = depositShopper()
    hold()
    cloud.injectFault('GZ0001A', 'open_fail')
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    const failed = cloud.getDoorSession(me, s.id)
    expect(failed.state).toBe('failed')
    expect(failed.deposit).toMatchObject({ returnedFen: 5_000, returnState: 'processing' })
    cloud.clearFault('GZ0001A', 'open_fail')
    cloudErrorOf(
      () => cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' }),
      'CREDIT_REQUIRED',
    )
  })

  test('a refund the payment platform refuses stays 处理中 and goes through once it can: never lost', () => {
    const { cloud, clock, me, hold, visit } = depositShopper()
    hold()
    cloud.injectFault('GZ0001A', 'refund_failure')
    const session = visit([['p_water', 1]])
    clock.advance(REFUND_MS * 5)
    expect(cloud.getOrder(me, session.orderId!).deposit?.returnState).toBe('processing')
    cloud.clearFault('GZ0001A', 'refund_failure')
    clock.advance(REFUND_MS)
    expect(cloud.getOrder(me, session.orderId!).deposit).toMatchObject({
      returnedFen: 4_800,
      returnState: 'succeeded',
    })
  })

  test('an order sent to review keeps the deposit held until a person decides, then settles from it', () => {
    const { cloud, clock, me, hold, visit } = depositShopper()
    hold()
    cloud.injectFault('GZ0001A', 'under_review')
    const session = visit([['p_cola', 1]])
    expect(session.state).toBe('under_review')
    expect(session.deposit).toMatchObject({ chargedFen: 0, returnState: 'none' })
    cloud.inspect().staff.push({ userId: 'u_first', deviceCode: 'GZ0001A', role: 'ops', state: 'active' })
    cloud.resolveAbnormalOrder(me, session.orderId!, { action: 'confirm' })
    const receipt = cloud.getOrder(me, session.orderId!)
    expect(receipt.status).toBe('paid')
    expect(receipt.deposit).toMatchObject({
      chargedFen: receipt.totalFen,
      returnedFen: 5_000 - receipt.totalFen,
    })
    clock.advance(REFUND_MS)
    expect(cloud.getOrder(me, session.orderId!).deposit?.returnState).toBe('succeeded')
  })
})

describe('预授权 on Alipay', () => {
  test('the freeze is settled from and the rest unfrozen, in fen', () => {
    const { cloud, clock, me, hold, visit } = depositShopper('alipay')
    const auth = hold()
    expect(auth.payload).toEqual({ kind: 'alipay_trade', orderStr: expect.stringContaining('%2250.00%22') })
    const session = visit([
      ['p_cola', 1],
      ['p_water', 1],
    ])
    const receipt = cloud.getOrder(me, session.orderId!)
    expect(receipt.channel).toBe('alipay')
    expect(receipt.deposit).toEqual({
      kind: 'preauth',
      heldFen: 5_000,
      chargedFen: receipt.totalFen,
      returnedFen: 5_000 - receipt.totalFen,
      remainderFen: 0,
      returnState: 'processing',
    })
    clock.advance(REFUND_MS)
    expect(cloud.getOrder(me, session.orderId!).deposit?.returnState).toBe('succeeded')
  })
})

describe('免密支付 signing', () => {
  test('WeChat: the signing mini-program’s appId and the signed extraData', () => {
    const { cloud, me } = depositShopper()
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_contract' })
    expect(auth.payload).toMatchObject({
      kind: 'wxpay_contract',
      appId: 'wxbd687630cd02ce1d',
      path: 'pages/index/index',
      extraData: expect.objectContaining({ contract_code: auth.id, sign: expect.any(String) }),
    })
  })

  test('a refused signing is not offered again; the deposit still is', () => {
    const { cloud, clock, me } = depositShopper()
    cloud.setAgreementRefusal(me, 'wechat', '该银行卡暂不支持免密支付')
    const auth = cloud.startCreditAuthorization(me, { deviceCode: 'GZ0001A', method: 'wxpay_contract' })
    clock.advance(1_000)
    expect(cloud.getCreditAuthorization(me, auth.id)).toMatchObject({
      state: 'rejected',
      reason: '该银行卡暂不支持免密支付',
    })
    const offer = cloud.getCabinetLanding(me, 'GZ0001A').gate.credit
    expect(offer?.methods.map((m) => m.method)).not.toContain('wxpay_contract')
    expect(offer?.methods.map((m) => m.method)).toContain('wxpay_deposit')
    expect(offer?.ineligible).toContainEqual({ method: 'wxpay_contract', reason: '该银行卡暂不支持免密支付' })
  })
})
