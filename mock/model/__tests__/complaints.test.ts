import { cloudErrorOf, cloudFor, intent, loginAs } from './helpers'

const DAY = 86_400_000

function withOrder() {
  const { cloud, clock } = cloudFor('happy')
  const me = loginAs(cloud, 'u_happy')
  const orderId = cloud.scenario.refs.recentOrderId ?? ''
  return { cloud, clock, me, orderId }
}

describe('photo uploads', () => {
  test('a JPEG or PNG up to 5 MB is stored and gets a URL', () => {
    const { cloud, me } = withOrder()
    const up = cloud.createUpload(me, {
      contentType: 'image/jpeg',
      sizeBytes: 1_200_000,
      data: new Uint8Array([1, 2]),
    })
    expect(up).toEqual({ uploadId: expect.any(String), url: expect.stringMatching(/\.jpg$/) })
    expect(cloud.getUpload(up.uploadId)).toEqual({ contentType: 'image/jpeg', data: new Uint8Array([1, 2]) })
    expect(cloud.createUpload(me, { contentType: 'image/png', sizeBytes: 5 * 1024 * 1024 }).url).toMatch(
      /\.png$/,
    )
  })
  test('larger than 5 MB is UPLOAD_TOO_LARGE; another type is UPLOAD_TYPE_INVALID', () => {
    const { cloud, me } = withOrder()
    cloudErrorOf(
      () => cloud.createUpload(me, { contentType: 'image/jpeg', sizeBytes: 5 * 1024 * 1024 + 1 }),
      'UPLOAD_TOO_LARGE',
      413,
    )
    cloudErrorOf(
      () => cloud.createUpload(me, { contentType: 'image/gif', sizeBytes: 100 }),
      'UPLOAD_TYPE_INVALID',
      415,
    )
  })
})

describe('filing a complaint', () => {
  test('given a charged order, the shopper complains about one line with a photo; it is pending and the receipt shows it', () => {
    const { cloud, me, orderId } = withOrder()
    const photo = cloud.createUpload(me, { contentType: 'image/jpeg', sizeBytes: 1000 })
    const c = cloud.createComplaint(me, {
      orderId,
      items: [{ productId: 'p_cola', kind: 'wrong_quantity', actualQty: 1 }],
      description: '只拿了一瓶',
      photoUploadIds: [photo.uploadId],
    })
    expect(c).toMatchObject({
      orderId,
      state: 'pending',
      items: [{ productId: 'p_cola', kind: 'wrong_quantity', actualQty: 1 }],
      description: '只拿了一瓶',
      photoUrls: [photo.url],
      createdAt: '2026-11-20T12:00:00+08:00',
    })
    expect(cloud.getOrder(me, orderId).complaint).toEqual({
      id: c.id,
      state: 'pending',
      createdAt: c.createdAt,
    })
    expect(cloud.listOrders(me).items[0]?.hasComplaint).toBe(true)
    expect(cloud.listComplaints(me).items.map((x) => x.id)).toEqual([c.id])
    expect(cloud.getComplaint(me, c.id).id).toBe(c.id)
    cloudErrorOf(() => cloud.getComplaint('u_other', c.id), 'COMPLAINT_NOT_FOUND', 404)
  })

  test('a second complaint about an order while one is open is COMPLAINT_ALREADY_OPEN, even word for word', () => {
    const { cloud, me, orderId } = withOrder()
    const body = {
      orderId,
      items: [{ productId: 'p_chips', kind: 'not_taken' as const }],
      description: '',
      photoUploadIds: [],
    }
    cloud.createComplaint(me, body)
    // A resend of the same request is the Idempotency-Key's business (the hosts replay it); the model
    // itself never hands out the open complaint to a new request.
    cloudErrorOf(() => cloud.createComplaint(me, body), 'COMPLAINT_ALREADY_OPEN', 409)
    cloudErrorOf(
      () => cloud.createComplaint(me, { ...body, description: '另外一件事' }),
      'COMPLAINT_ALREADY_OPEN',
      409,
    )
    expect(cloud.listComplaints(me).items.filter((c) => c.orderId === orderId)).toHaveLength(1)
  })

  test('invalid input is one 422 naming every field: no lines, qty above charged, long text, too many photos', () => {
    const { cloud, me, orderId } = withOrder()
    const photos = [1, 2, 3, 4].map(
      () => cloud.createUpload(me, { contentType: 'image/png', sizeBytes: 10 }).uploadId,
    )
    expect(
      cloudErrorOf(
        () => cloud.createComplaint(me, { orderId, items: [], description: '', photoUploadIds: [] }),
        'VALIDATION_FAILED',
        422,
      ).fields,
    ).toEqual({ items: expect.any(String) })
    const err = cloudErrorOf(
      () =>
        cloud.createComplaint(me, {
          orderId,
          items: [
            { productId: 'p_cola', kind: 'wrong_quantity', actualQty: 3 },
            { productId: 'p_water', kind: 'not_taken' },
          ],
          description: '字'.repeat(201),
          photoUploadIds: photos,
        }),
      'VALIDATION_FAILED',
      422,
    )
    expect(Object.keys(err.fields ?? {}).sort()).toEqual([
      'description',
      'items.0.actualQty',
      'items.1.productId',
      'photoUploadIds',
    ])
    // Exactly 200 characters and 3 photos are fine.
    expect(
      cloud.createComplaint(me, {
        orderId,
        items: [{ productId: 'p_cola', kind: 'wrong_quantity', actualQty: 1 }],
        description: '字'.repeat(200),
        photoUploadIds: photos.slice(0, 3),
      }).state,
    ).toBe('pending')
  })

  test('a complaint about someone else’s order is answered as one about an order that does not exist', () => {
    const { cloud, orderId } = withOrder()
    const complain = (id: string) => () =>
      cloud.createComplaint('u_other', {
        orderId: id,
        items: [{ productId: 'p_cola', kind: 'not_taken' }],
        description: '',
        photoUploadIds: [],
      })
    const theirs = cloudErrorOf(complain(orderId), 'ORDER_NOT_FOUND', 404)
    const missing = cloudErrorOf(complain('O000'), 'ORDER_NOT_FOUND', 404)
    expect(theirs.toBody()).toEqual(missing.toBody())
  })

  test('complaints are accepted for 7 days after the order, not after', () => {
    const { cloud, clock, me, orderId } = withOrder()
    const old = cloud.scenario.refs.oldOrderId ?? ''
    const body = (id: string, productId: string) => ({
      orderId: id,
      items: [{ productId, kind: 'not_taken' as const }],
      description: '',
      photoUploadIds: [],
    })
    cloudErrorOf(() => cloud.createComplaint(me, body(old, 'p_water')), 'COMPLAINT_WINDOW_CLOSED', 409)
    const createdAt = Date.parse(cloud.listOrders(me).items[0]?.createdAt ?? '')
    const later = withOrder()
    later.clock.set(createdAt + 7 * DAY + 1000)
    cloudErrorOf(
      () => later.cloud.createComplaint(later.me, body(orderId, 'p_cola')),
      'COMPLAINT_WINDOW_CLOSED',
      409,
    )
    clock.set(createdAt + 7 * DAY)
    expect(cloud.createComplaint(me, body(orderId, 'p_cola')).state).toBe('pending')
  })
})

describe('the merchant handles a complaint', () => {
  test('given the merchant approves corrected lines 11 days later, the refund is the difference at the ORIGINAL prices', () => {
    const { cloud, clock, me, orderId } = withOrder()
    const c = cloud.createComplaint(me, {
      orderId,
      items: [{ productId: 'p_cola', kind: 'wrong_quantity', actualQty: 1 }],
      description: '',
      photoUploadIds: [],
    })
    // The cola special has ended by then; the corrected order is still priced as at door-open time.
    clock.advance(11 * DAY)
    expect(
      cloud.getCabinetLanding(null, 'GZ0001A').goods.find((g) => g.productId === 'p_cola')?.promoPriceFen,
    ).toBeNull()
    const merchant = loginAs(cloud, 'u_merchant')
    const done = cloud.approveComplaint(merchant, c.id, {
      lines: [
        { productId: 'p_cola', qty: 1 },
        { productId: 'p_chips', qty: 1 },
      ],
    })
    expect(done).toMatchObject({
      state: 'resolved',
      reply: expect.any(String),
      refund: { amountFen: 250, channel: 'wxpay_score', destination: '原路返回', state: 'processing' },
    })
    expect(done.correctedOrder).toMatchObject({
      totalFen: 1040,
      lines: [{ productId: 'p_cola', qty: 1, paidUnitPriceFen: 250 }, { productId: 'p_chips' }],
    })
    expect(cloud.getOrder(me, orderId)).toMatchObject({ status: 'partially_refunded', totalFen: 1290 })
    clock.advance(1_000)
    expect(cloud.getComplaint(me, c.id).refund?.state).toBe('succeeded')
    expect(cloud.getOrder(me, orderId).refunds).toEqual([
      expect.objectContaining({ amountFen: 250, state: 'succeeded' }),
    ])
    expect(cloud.getOrder(me, orderId).complaint).toMatchObject({
      state: 'resolved',
      handledAt: expect.any(String),
    })
  })

  test('a correction that drops the cart under a 满减 threshold refunds only the real difference', () => {
    const { cloud, clock } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    cloud.take('GZ0001A', 1, 'p_cola', 2)
    cloud.take('GZ0001A', 1, 'p_yogurt', 3)
    cloud.closeDoor('GZ0001A', 1)
    clock.advance(500)
    const orderId = cloud.getDoorSession(me, s.id).orderId ?? ''
    expect(cloud.getOrder(me, orderId).totalFen).toBe(1877) // 500 + 1677 − 300
    const c = cloud.createComplaint(me, {
      orderId,
      items: [{ productId: 'p_yogurt', kind: 'wrong_quantity', actualQty: 2 }],
      description: '',
      photoUploadIds: [],
    })
    const done = cloud.approveComplaint('u_merchant', c.id, {
      lines: [
        { productId: 'p_cola', qty: 2 },
        { productId: 'p_yogurt', qty: 2 },
      ],
    })
    // 500 + 1118 = 1618 < 20 yuan: no 满减 any more, so the refund is 1877 − 1618, not one yogurt (559).
    expect(done.correctedOrder?.totalFen).toBe(1618)
    expect(done.refund?.amountFen).toBe(259)
  })

  test('a correction above the original total is refused', () => {
    const { cloud, me, orderId } = withOrder()
    const c = cloud.createComplaint(me, {
      orderId,
      items: [{ productId: 'p_cola', kind: 'wrong_price' }],
      description: '',
      photoUploadIds: [],
    })
    const err = cloudErrorOf(
      () => cloud.approveComplaint('u_merchant', c.id, { lines: [{ productId: 'p_sandwich', qty: 2 }] }),
      'VALIDATION_FAILED',
      422,
    )
    expect(err.fields).toHaveProperty('lines')
    cloudErrorOf(
      () => cloud.approveComplaint('u_merchant', c.id, { lines: [{ productId: 'p_cola', qty: -1 }] }),
      'COUNT_INVALID',
      422,
    )
  })

  test('the merchant can reject with a reply; after that the complaint is handled for good', () => {
    const { cloud, me, orderId } = withOrder()
    const body = {
      orderId,
      items: [{ productId: 'p_cola', kind: 'not_taken' as const }],
      description: '',
      photoUploadIds: [],
    }
    const c = cloud.createComplaint(me, body)
    cloudErrorOf(() => cloud.rejectComplaint('u_merchant', c.id, { reply: '' }), 'VALIDATION_FAILED', 422)
    expect(cloud.rejectComplaint('u_merchant', c.id, { reply: '视频显示您拿了两瓶' })).toMatchObject({
      state: 'rejected',
      reply: '视频显示您拿了两瓶',
      handledAt: '2026-11-20T12:00:00+08:00',
    })
    cloudErrorOf(
      () => cloud.approveComplaint('u_merchant', c.id, { lines: [] }),
      'COMPLAINT_ALREADY_HANDLED',
      409,
    )
    cloudErrorOf(() => cloud.createComplaint(me, body), 'COMPLAINT_ALREADY_HANDLED', 409)
  })

  test('a merchant sees only its own complaints, each with its order; others are refused', () => {
    const { cloud } = cloudFor('merchant')
    const page = cloud.listMerchantComplaints(loginAs(cloud, 'u_merchant'), { state: 'pending' })
    expect(page.items).toHaveLength(1)
    expect(page.items[0]?.complaint.id).toBe(cloud.scenario.refs.complaintId)
    expect(page.items[0]?.order.id).toBe(cloud.scenario.refs.recentOrderId)
    expect(cloud.listMerchantComplaints(loginAs(cloud, 'u_merchant2')).items).toEqual([])
    cloudErrorOf(
      () => cloud.approveComplaint('u_merchant2', cloud.scenario.refs.complaintId ?? '', { lines: [] }),
      'COMPLAINT_NOT_FOUND',
      404,
    )
    cloudErrorOf(() => cloud.listMerchantComplaints('u_happy'), 'FORBIDDEN', 403)
  })
})

describe('fault reports', () => {
  test('a shopper reports a door that will not close', () => {
    const { cloud, me } = withOrder()
    expect(
      cloud.createFaultReport(me, {
        deviceCode: 'GZ0001A',
        kind: 'door_wont_close',
        description: '门关不上',
      }),
    ).toEqual({
      id: expect.any(String),
    })
    cloudErrorOf(
      () =>
        cloud.createFaultReport(me, {
          deviceCode: 'GZ0001A',
          kind: 'door_wont_close',
          description: 'x'.repeat(201),
        }),
      'VALIDATION_FAILED',
    )
  })

  test('the cloud keeps each report: who, which cabinet, when, what, and the session if one was named', () => {
    const { cloud, clock, me } = withOrder()
    const session = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    const first = cloud.createFaultReport(me, {
      deviceCode: 'GZ0001A',
      kind: 'door_wont_open',
      description: '扫码后门没开',
      sessionId: session.id,
    })
    clock.advance(60_000)
    const second = cloud.createFaultReport(me, { deviceCode: 'SM0002D', kind: 'other', description: '' })
    expect(second.id).not.toBe(first.id)
    const kept = cloud.inspect().faultReports
    expect(kept.get(first.id)).toEqual({
      id: first.id,
      userId: 'u_happy',
      deviceCode: 'GZ0001A',
      kind: 'door_wont_open',
      description: '扫码后门没开',
      sessionId: session.id,
      createdAt: Date.parse('2026-11-20T12:00:00+08:00'),
    })
    expect(kept.get(second.id)).toMatchObject({ deviceCode: 'SM0002D', kind: 'other' })
    expect(kept.get(second.id)).not.toHaveProperty('sessionId')
  })

  test('naming someone else’s session reads like naming one that does not exist', () => {
    const { cloud, me } = withOrder()
    const session = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    const other = loginAs(cloud, 'u_other')
    const report = (sessionId: string) => () =>
      cloud.createFaultReport(other, { deviceCode: 'GZ0001A', kind: 'other', description: '', sessionId })
    const theirs = cloudErrorOf(report(session.id), 'VALIDATION_FAILED', 422)
    expect(theirs.toBody()).toEqual(cloudErrorOf(report('sess_9999'), 'VALIDATION_FAILED').toBody())
    expect(cloud.inspect().faultReports.size).toBe(0)
  })
})
