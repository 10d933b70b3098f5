import type { CloudEvent } from '../state'
import { cloudErrorOf, cloudFor, loginAs } from './helpers'

describe('order history', () => {
  test('given the happy shopper, the history lists their orders newest first with a goods summary', () => {
    const { cloud } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    const page = cloud.listOrders(me)
    expect(page.nextCursor).toBeNull()
    expect(page.items.map((o) => o.id)).toEqual([
      cloud.scenario.refs.recentOrderId,
      cloud.scenario.refs.oldOrderId,
    ])
    expect(page.items[0]).toMatchObject({
      deviceCode: 'GZ0001A',
      deviceName: '鲜享1号柜',
      createdAt: expect.stringMatching(/^2026-11-18T18:2\d:\d\d\+08:00$/),
      goodsSummary: '可口可乐 330ml×2 等3件',
      status: 'paid',
      hasComplaint: false,
    })
  })

  test('a long history comes in cursor pages that neither repeat nor skip', () => {
    const { cloud } = cloudFor('happy')
    const me = loginAs(cloud, 'u_crowd_1')
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = cloud.listOrders(me, { cursor, limit: 7 })
      expect(page.items.length).toBeLessThanOrEqual(7)
      seen.push(...page.items.map((o) => o.id))
      cursor = page.nextCursor
    } while (cursor)
    const all = cloud.listOrders(me, { limit: 100 }).items.map((o) => o.id)
    expect(seen).toEqual(all)
    expect(new Set(seen).size).toBe(seen.length)
    expect(all.length).toBeGreaterThan(20)
  })

  test('limits and cursors are validated', () => {
    const { cloud } = cloudFor('happy')
    expect(
      cloudErrorOf(() => cloud.listOrders('u_happy', { limit: 101 }), 'VALIDATION_FAILED', 422).fields,
    ).toHaveProperty('limit')
    expect(
      cloudErrorOf(() => cloud.listOrders('u_happy', { cursor: 'nope' }), 'VALIDATION_FAILED').fields,
    ).toHaveProperty('cursor')
  })

  test('the tabs filter: unpaid, done, refund or complaint', () => {
    const { cloud } = cloudFor('unpaid_order')
    const me = loginAs(cloud, 'u_happy')
    expect(cloud.listOrders(me, { status: 'unpaid' }).items.map((o) => o.id)).toEqual([
      cloud.scenario.refs.unpaidOrderId,
    ])
    expect(cloud.listOrders(me, { status: 'done' }).items).toHaveLength(2)
    expect(cloud.listOrders(me, { status: 'refund_or_complaint' }).items).toHaveLength(0)
    const merchant = cloudFor('merchant').cloud
    expect(
      merchant
        .listOrders('u_happy', { status: 'refund_or_complaint' })
        .items.map((o) => [o.id, o.hasComplaint]),
    ).toEqual([[merchant.scenario.refs.recentOrderId, true]])
  })

  test('a receipt shows lines with original and paid prices, each discount, the channel and the door times', () => {
    const { cloud } = cloudFor('happy')
    const receipt = cloud.getOrder('u_happy', cloud.scenario.refs.recentOrderId ?? '')
    expect(receipt).toMatchObject({
      id: cloud.scenario.refs.recentOrderId,
      device: { code: 'GZ0001A', name: '鲜享1号柜', place: '科技园A栋1楼大堂' },
      channel: 'wxpay_score',
      status: 'paid',
      refunds: [],
      complaint: null,
      doorOpenedAt: '2026-11-18T18:20:00+08:00',
    })
    expect(
      receipt.lines.map((l) => [
        l.productId,
        l.qty,
        l.unitPriceFen,
        l.paidUnitPriceFen,
        l.discounts.map((d) => d.promotionId),
      ]),
    ).toEqual([
      ['p_cola', 2, 350, 250, ['pr_cola_special']],
      ['p_chips', 1, 790, 790, []],
    ])
    expect(receipt.totalFen).toBe(1290)
  })

  test('another shopper’s order is not found', () => {
    const { cloud } = cloudFor('happy')
    cloudErrorOf(
      () => cloud.getOrder('u_other', cloud.scenario.refs.recentOrderId ?? ''),
      'ORDER_NOT_FOUND',
      404,
    )
  })
})

describe('paying an unpaid order', () => {
  test('given an unpaid order, the shopper pays it in WeChat; once WeChat confirms, the order is paid and the gate opens', () => {
    const { cloud, clock } = cloudFor('unpaid_order')
    const me = loginAs(cloud, 'u_happy')
    const events: CloudEvent[] = []
    cloud.subscribe((e) => events.push(e))
    const orderId = cloud.scenario.refs.unpaidOrderId ?? ''
    const payment = cloud.payOrder(me, orderId, { platform: 'weapp' })
    expect(payment).toMatchObject({ orderId, state: 'pending' })
    expect(payment.payload).toEqual({
      kind: 'wxpay',
      timeStamp: expect.stringMatching(/^\d+$/),
      nonceStr: expect.any(String),
      package: expect.stringMatching(/^prepay_id=/),
      signType: 'RSA',
      paySign: expect.any(String),
    })
    // Tapping 支付 again continues the same payment; another platform has to wait for it.
    expect(cloud.payOrder(me, orderId, { platform: 'weapp' }).id).toBe(payment.id)
    cloudErrorOf(() => cloud.payOrder(me, orderId, { platform: 'alipay' }), 'PAYMENT_PENDING', 409)
    clock.advance(800)
    expect(cloud.getPayment(me, payment.id).state).toBe('succeeded')
    expect(cloud.getOrder(me, orderId)).toMatchObject({
      status: 'paid',
      channel: 'wxpay',
      paidAt: '2026-11-20T12:00:00+08:00',
    })
    expect(cloud.getCabinetLanding(me, 'GZ0001A').gate.mayOpen).toBe(true)
    expect(events).toContainEqual({
      type: 'order_event',
      orderId,
      userId: 'u_happy',
      kind: 'paid',
      at: '2026-11-20T12:00:00+08:00',
    })
    cloudErrorOf(() => cloud.payOrder(me, orderId, { platform: 'weapp' }), 'ORDER_ALREADY_PAID', 409)
  })

  test('a failed payment says so and leaves the order unpaid for another try', () => {
    const { cloud } = cloudFor('unpaid_order', { paymentAutoCompleteMs: null })
    const me = loginAs(cloud, 'u_happy', 'alipay')
    const orderId = cloud.scenario.refs.unpaidOrderId ?? ''
    const payment = cloud.payOrder(me, orderId, { platform: 'alipay' })
    expect(payment.payload).toEqual({ kind: 'alipay', tradeNO: expect.any(String) })
    expect(cloud.completePayment(payment.id, false)).toMatchObject({
      state: 'failed',
      failure: { code: 'PAYMENT_FAILED' },
    })
    expect(cloud.getOrder(me, orderId).status).toBe('unpaid')
    const retry = cloud.payOrder(me, orderId, { platform: 'alipay' })
    expect(retry.id).not.toBe(payment.id)
    cloud.completePayment(retry.id, true)
    expect(cloud.getOrder(me, orderId)).toMatchObject({ status: 'paid', channel: 'alipay' })
  })

  test('an order under review is not to be paid, and nobody reads another user’s payment', () => {
    const { cloud } = cloudFor('happy')
    const abnormal = cloud.scenario.refs.abnormalOrderId ?? ''
    cloudErrorOf(
      () => cloud.payOrder('u_crowd_2', abnormal, { platform: 'weapp' }),
      'SESSION_STATE_CONFLICT',
      409,
    )
    const unpaid = cloudFor('unpaid_order').cloud
    const p = unpaid.payOrder('u_happy', unpaid.scenario.refs.unpaidOrderId ?? '', { platform: 'weapp' })
    cloudErrorOf(() => unpaid.getPayment('u_other', p.id), 'NOT_FOUND', 404)
  })
})

describe('idempotency keys', () => {
  test('the same key and body replay the first result without doing it again', () => {
    const { cloud } = cloudFor('unpaid_order', { paymentAutoCompleteMs: null })
    const orderId = cloud.scenario.refs.unpaidOrderId ?? ''
    const body = { platform: 'weapp' as const }
    let calls = 0
    const pay = () =>
      cloud.withIdempotency('u_happy', 'key-1', body, () => {
        calls += 1
        return cloud.payOrder('u_happy', orderId, body)
      })
    const first = pay()
    const second = pay()
    expect(second).toEqual(first)
    expect(calls).toBe(1)
  })

  test('the same key with another body is IDEMPOTENCY_CONFLICT; keys are per user', () => {
    const { cloud } = cloudFor('happy')
    cloud.withIdempotency('u_happy', 'k', { a: 1, b: 2 }, () => 'first')
    expect(cloud.withIdempotency('u_happy', 'k', { b: 2, a: 1 }, () => 'second')).toBe('first')
    cloudErrorOf(
      () => cloud.withIdempotency('u_happy', 'k', { a: 2 }, () => 'third'),
      'IDEMPOTENCY_CONFLICT',
      409,
    )
    expect(cloud.withIdempotency('u_other', 'k', { a: 2 }, () => 'other user')).toBe('other user')
  })

  test('an error is not stored: a retry with the same key is evaluated again', () => {
    const { cloud } = cloudFor('offline_device')
    const body = { deviceCode: 'GZ0001A', intentId: 'intent-idem-1', mode: 'shop' as const }
    const open = () => cloud.withIdempotency('u_happy', 'k-open', body, () => cloud.openDoor('u_happy', body))
    cloudErrorOf(open, 'DEVICE_OFFLINE')
    cloud.clearFault('GZ0001A', 'offline')
    expect(open().state).toBe('opening')
  })

  test('without a key the call simply runs', () => {
    const { cloud } = cloudFor('happy')
    let n = 0
    cloud.withIdempotency('u_happy', undefined, {}, () => (n += 1))
    cloud.withIdempotency('u_happy', null, {}, () => (n += 1))
    expect(n).toBe(2)
  })
})
