/**
 * After the purchase, as the order pages need it: a thousand-order history paged by cursor, the complaint
 * window on every receipt, and the complaint rules a form must be able to show per field.
 */
import { createRequestValidator } from '../../handlers/contract'
import { ORDER_HISTORY_SIZE } from '../fixtures'
import { cloudErrorOf, cloudFor, loginAs } from './helpers'

const DAY = 86_400_000

describe('the order_history scenario', () => {
  test('given 1,000 orders, the shopper pages through all of them by cursor, newest first, none twice', () => {
    const { cloud } = cloudFor('order_history')
    const me = loginAs(cloud, 'u_happy')
    const seen: string[] = []
    let cursor: string | null = null
    let previous = Infinity
    do {
      const page = cloud.listOrders(me, { cursor, limit: 100 })
      for (const order of page.items) {
        const at = Date.parse(order.createdAt)
        expect(at).toBeLessThanOrEqual(previous)
        previous = at
        seen.push(order.id)
      }
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(ORDER_HISTORY_SIZE)
    expect(new Set(seen).size).toBe(ORDER_HISTORY_SIZE)
  })

  test('near the top: a partly refunded order, a complaint resolved with a refund and one rejected with a reply', () => {
    const { cloud } = cloudFor('order_history')
    const me = loginAs(cloud, 'u_happy')
    const { refs } = cloud.scenario
    const refunded = cloud.getOrder(me, refs.historyRefundedOrderId ?? '')
    expect(refunded.status).toBe('partially_refunded')
    expect(refunded.refunds).toEqual([
      expect.objectContaining({ amountFen: 200, destination: '原路返回', state: 'succeeded' }),
    ])
    const resolved = cloud.getComplaint(me, refs.resolvedComplaintId ?? '')
    expect(resolved).toMatchObject({ state: 'resolved', refund: { state: 'succeeded' } })
    expect(resolved.correctedOrder?.lines.map((l) => l.productId)).not.toContain('p_yogurt')
    expect(resolved.refund?.amountFen).toBe(
      cloud.getOrder(me, refs.resolvedOrderId ?? '').totalFen - (resolved.correctedOrder?.totalFen ?? 0),
    )
    expect(cloud.getComplaint(me, refs.rejectedComplaintId ?? '')).toMatchObject({
      state: 'rejected',
      reply: expect.stringContaining('扣款无误'),
    })
    const tab = cloud.listOrders(me, { status: 'refund_or_complaint', limit: 100 }).items.map((o) => o.id)
    expect(tab).toEqual(
      expect.arrayContaining([refs.historyRefundedOrderId, refs.resolvedOrderId, refs.rejectedOrderId]),
    )
  })
})

describe('the complaint window on the receipt', () => {
  test('a charged order says until when it can be complained about; an unpaid one does not', () => {
    const { cloud } = cloudFor('unpaid_order')
    const me = loginAs(cloud, 'u_happy')
    const recent = cloud.getOrder(me, cloud.scenario.refs.recentOrderId ?? '')
    const listed = cloud.listOrders(me, { limit: 100 }).items.find((o) => o.id === recent.id)
    expect(Date.parse(recent.complaintWindowEndsAt ?? '')).toBe(Date.parse(listed?.createdAt ?? '') + 7 * DAY)
    expect(cloud.getOrder(me, cloud.scenario.refs.unpaidOrderId ?? '').complaintWindowEndsAt).toBeUndefined()
  })

  test('after the window the refusal names the order field too, so a form can show it', () => {
    const { cloud } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    const err = cloudErrorOf(
      () =>
        cloud.createComplaint(me, {
          orderId: cloud.scenario.refs.oldOrderId ?? '',
          items: [{ productId: 'p_water', kind: 'not_taken' }],
          description: '',
          photoUploadIds: [],
        }),
      'COMPLAINT_WINDOW_CLOSED',
      409,
    )
    expect(err.fields?.orderId).toMatch(/7天/)
  })
})

describe('complaint items a form gets a field message for', () => {
  const file = (items: unknown[]) => {
    const { cloud } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    return cloudErrorOf(
      () =>
        cloud.createComplaint(me, {
          orderId: cloud.scenario.refs.recentOrderId ?? '',
          items: items as never,
          description: '',
          photoUploadIds: [],
        }),
      'VALIDATION_FAILED',
      422,
    ).fields
  }

  test('识别成了别的商品 needs the product actually taken, and it must be another one', () => {
    expect(file([{ productId: 'p_cola', kind: 'misrecognized' }])).toEqual({
      'items.0.actualProductId': '请选择实际拿的商品',
    })
    expect(file([{ productId: 'p_cola', kind: 'misrecognized', actualProductId: 'p_cola' }])).toEqual({
      'items.0.actualProductId': '请选择另一件商品',
    })
  })

  test('数量不对 with the charged quantity, or one line twice, is refused', () => {
    expect(file([{ productId: 'p_cola', kind: 'wrong_quantity', actualQty: 2 }])).toEqual({
      'items.0.actualQty': expect.stringContaining('相同'),
    })
    expect(
      file([
        { productId: 'p_chips', kind: 'not_taken' },
        { productId: 'p_chips', kind: 'wrong_price' },
      ]),
    ).toEqual({ 'items.1.productId': '同一商品只能选择一次' })
  })

  test('the contract check names the limit it enforces', () => {
    const validator = createRequestValidator()
    const fields = validator.body('createComplaint', {
      orderId: 'O1',
      items: [],
      description: '字'.repeat(201),
      photoUploadIds: ['a', 'b', 'c', 'd'],
    })
    expect(fields).toEqual({ items: '至少1项', description: '不能超过200字', photoUploadIds: '最多3项' })
  })
})
