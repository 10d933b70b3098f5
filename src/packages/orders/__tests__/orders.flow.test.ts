/**
 * After the purchase, through the orders store against the emulated cloud: the order history by cursor,
 * receipts with refunds and complaints, paying an unpaid order with the main store's payment.
 */
import { harness } from './helpers/harness'

// Real time against the emulator: generous on a busy machine, still short enough to catch a hang.
jest.setTimeout(15_000)

let h: ReturnType<typeof harness>

function start(scenario: string, userId?: string) {
  h = harness(scenario, userId)
  h.server.listen({ onUnhandledRequest: 'error' })
  return h
}

afterEach(() => {
  h?.stream.close()
  h?.server.close()
})

describe('the order history', () => {
  test('given 1,000 orders, the first page comes at once and scrolling loads the rest by cursor, each once', async () => {
    const { orders } = start('order_history')
    await orders.getState().selectTab('all')
    expect(orders.getState().lists.all.items).toHaveLength(50)
    expect(orders.getState().lists.all.complete).toBe(false)
    while (!orders.getState().lists.all.complete) await orders.getState().loadMoreOrders()
    const ids = orders.getState().lists.all.items.map((o) => o.id)
    expect(ids).toHaveLength(1000)
    expect(new Set(ids).size).toBe(1000)
    expect(h.count('GET /v1/orders')).toBe(20)
  })

  test('scroll events that ask for the next page at the same time make one request', async () => {
    const { orders } = start('order_history')
    await orders.getState().selectTab('all')
    await Promise.all([
      orders.getState().loadMoreOrders(),
      orders.getState().loadMoreOrders(),
      orders.getState().loadMoreOrders(),
    ])
    expect(orders.getState().lists.all.items).toHaveLength(100)
    expect(h.count('GET /v1/orders')).toBe(2)
  })

  test('pull to refresh starts again from the newest page; a dropped page keeps what was loaded', async () => {
    const { orders, control } = start('order_history')
    await orders.getState().selectTab('all')
    await orders.getState().loadMoreOrders()
    control.network({ dropRequests: 1 })
    await orders.getState().loadMoreOrders()
    expect(orders.getState().lists.all).toMatchObject({ error: { code: 'NETWORK' }, complete: false })
    expect(orders.getState().lists.all.items).toHaveLength(100)
    await orders.getState().loadMoreOrders()
    expect(orders.getState().lists.all.items).toHaveLength(150)
    await orders.getState().refreshOrders()
    expect(orders.getState().lists.all.items).toHaveLength(50)
    expect(orders.getState().unpaid.status).toBe('ready')
  })

  test('each tab asks the cloud for its own filter', async () => {
    const { orders, cloud } = start('order_history')
    await orders.getState().selectTab('refund_or_complaint')
    const ids = orders.getState().lists.refund_or_complaint.items.map((o) => o.id)
    const { refs } = cloud.scenario
    expect(ids).toEqual(
      expect.arrayContaining([refs.historyRefundedOrderId, refs.resolvedOrderId, refs.rejectedOrderId]),
    )
    expect(
      orders.getState().lists.refund_or_complaint.items.every((o) => o.hasComplaint || o.status !== 'paid'),
    ).toBe(true)
    await orders.getState().selectTab('unpaid')
    expect(orders.getState().lists.unpaid).toMatchObject({ items: [], complete: true, status: 'ready' })
  })
})

describe('receipts', () => {
  test('a receipt with a refund shows the amount, 原路返回, when and whether it has arrived', async () => {
    const { orders, cloud } = start('order_history')
    const orderId = cloud.scenario.refs.historyRefundedOrderId ?? ''
    await orders.getState().loadReceipt(orderId)
    const receipt = orders.getState().receipts[orderId]?.value
    expect(receipt?.status).toBe('partially_refunded')
    expect(receipt?.refunds).toEqual([
      expect.objectContaining({
        amountFen: 200,
        destination: '原路返回',
        state: 'succeeded',
        createdAt: expect.any(String),
        succeededAt: expect.any(String),
      }),
    ])
  })

  test('a rejected complaint comes with the merchant’s reply, read with the receipt', async () => {
    const { orders, cloud } = start('order_history')
    const { rejectedOrderId = '', rejectedComplaintId = '' } = cloud.scenario.refs
    await orders.getState().loadReceipt(rejectedOrderId)
    expect(orders.getState().receipts[rejectedOrderId]?.value?.complaint?.state).toBe('rejected')
    expect(orders.getState().complaints[rejectedComplaintId]?.value).toMatchObject({
      state: 'rejected',
      reply: expect.stringContaining('扣款无误'),
    })
  })

  test('someone else’s order is the catalogue’s 未找到订单', async () => {
    const { orders, cloud } = start('happy')
    const crowdOrder = cloud.scenario.refs.refundedOrderId ?? ''
    await orders.getState().loadReceipt(crowdOrder)
    expect(orders.getState().receipts[crowdOrder]).toMatchObject({
      status: 'error',
      error: { code: 'ORDER_NOT_FOUND', message: '未找到订单' },
    })
  })
})

describe('paying an unpaid order', () => {
  test('the main store’s payment pays it, the receipt shows it paid and the cabinet’s gate clears', async () => {
    const { orders, app, cloud } = start('unpaid_order')
    await app.getState().openCabinetFrom({ kind: 'scan', text: 'https://qr.kaimengui.cn/c/GZ0001A' })
    expect(app.getState().cabinet.landing?.gate.reasons[0]?.code).toBe('UNPAID_ORDER')
    const orderId = cloud.scenario.refs.unpaidOrderId ?? ''
    await orders.getState().loadUnpaid()
    expect(orders.getState().unpaid.items.map((o) => o.id)).toEqual([orderId])

    // A double tap: one payment.
    const [first, second] = await Promise.all([
      orders.getState().payOrder(orderId),
      orders.getState().payOrder(orderId),
    ])
    expect([first.paid, second.paid].sort()).toEqual([false, true])
    expect(h.count(`POST /v1/orders/${orderId}/payments`)).toBe(1)
    expect(orders.getState().receipts[orderId]?.value?.status).toBe('paid')
    expect(orders.getState().unpaid.items).toEqual([])
    expect(app.getState().cabinet.landing?.gate.mayOpen).toBe(true)
  })

  test('a payment the platform reports failed leaves the order unpaid with the catalogue’s words', async () => {
    const { orders, cloud, control } = start('unpaid_order')
    const orderId = cloud.scenario.refs.unpaidOrderId ?? ''
    control.runtime.configure({ paymentAutoCompleteMs: null })
    const paying = orders.getState().payOrder(orderId)
    await new Promise((r) => setTimeout(r, 300))
    control.payment({ outcome: 'failed' })
    const result = await paying
    expect(result).toMatchObject({ paid: false, error: { code: 'PAYMENT_FAILED', message: '支付失败' } })
    await orders.getState().loadReceipt(orderId)
    expect(orders.getState().receipts[orderId]?.value?.status).toBe('unpaid')
  })
})

describe('a fault report', () => {
  test('needs the kind of problem; then reaches the cloud once, however often it is sent', async () => {
    const { orders, server } = start('happy')
    // The emulator is no judge of a repeat here, so the phone's requests are: one key for one report.
    const sent: Promise<{ key: string | null; body: unknown }>[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method !== 'POST' || new URL(request.url).pathname !== '/v1/fault-reports') return
      const key = request.headers.get('Idempotency-Key')
      sent.push(
        request
          .clone()
          .json()
          .then((body: unknown) => ({ key, body })),
      )
    })
    const act = orders.getState()
    act.startFaultReport('GZ0001A')
    act.setFaultDescription('字'.repeat(201))
    expect(orders.getState().fault.fields).toEqual({ description: '说明不能超过200字' })
    act.setFaultDescription('门关不上，一直响')
    expect(await act.submitFaultReport()).toBe(false)
    expect(orders.getState().fault.fields).toEqual({ kind: '请选择遇到的问题' })
    act.setFaultKind('door_wont_close')
    expect(orders.getState().fault.fields).toEqual({})
    h.control.network({ dropResponses: 1 })
    expect(await act.submitFaultReport()).toBe(false)
    expect(orders.getState().fault.error?.code).toBe('NETWORK')
    const [a, b] = await Promise.all([act.submitFaultReport(), act.submitFaultReport()])
    expect([a, b]).toContain(true)
    expect(orders.getState().fault.reportId).toMatch(/^fr_/)
    expect(h.count('POST /v1/fault-reports')).toBe(2)
    // The send whose answer was lost and the resend of the double tap: the same report, the same key.
    const [lost, resent] = await Promise.all(sent)
    expect(resent!.key).toBe(lost!.key)
    expect(resent!.body).toEqual(lost!.body)
    expect(lost!.key).toContain(orders.getState().fault.key)
    expect(lost!.body).toEqual({
      deviceCode: 'GZ0001A',
      kind: 'door_wont_close',
      description: '门关不上，一直响',
    })
  })
})
