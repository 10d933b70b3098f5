/**
 * A complaint from a receipt, through the orders store against the emulated cloud: lines and kinds with
 * their extra fields, photos picked and uploaded with progress, one submission however often it is sent,
 * every invalid case refused by the app before it travels (and by the cloud when it gets there), and the
 * merchant's answer as the shopper then sees it.
 */
import { CREATE_COMPLAINT, CREATE_UPLOAD, harness } from './helpers/harness'

// Real time against the emulator: generous on a busy machine, still short enough to catch a hang.
jest.setTimeout(15_000)

let h: ReturnType<typeof harness>

async function start(scenario = 'happy', orderRef = 'recentOrderId') {
  h = harness(scenario)
  h.server.listen({ onUnhandledRequest: 'error' })
  const orderId = h.cloud.scenario.refs[orderRef] ?? ''
  await h.orders.getState().openComplaintForm(orderId)
  return { ...h, orderId, form: () => h.orders.getState().complaintForm, act: h.orders.getState() }
}

afterEach(() => {
  h?.stream.close()
  h?.server.close()
})

const complaintsOf = (orderId: string) =>
  [...h.cloud.inspect().complaints.values()].filter((c) => c.orderId === orderId)

/** The recent order has two lines: 可口可乐 ×2 and 乐事薯片 ×1. */
function fillTwoLines(act: ReturnType<typeof h.orders.getState>) {
  act.toggleLine('p_cola')
  act.setLineKind('p_cola', 'wrong_quantity')
  act.setActualQty('p_cola', '1')
  act.toggleLine('p_chips')
  act.setLineKind('p_chips', 'misrecognized')
  act.setActualProduct('p_chips', 'p_water')
  act.setDescription('可乐只拿了一瓶，薯片其实是一瓶水')
}

test('two lines, two photos: the complaint is filed once and the merchant’s approval reaches the shopper', async () => {
  const { act, form, orderId, pictures, orders, cloud } = await start()
  expect(orders.getState().cabinetGoods.GZ0001A?.map((g) => g.productId)).toContain('p_water')
  fillTwoLines(act)
  const progress: number[] = []
  const unsubscribe = orders.subscribe((s) => {
    const p = s.complaintForm.drafts[orderId]?.photos[0]?.progress
    if (p !== undefined && progress[progress.length - 1] !== p) progress.push(p)
  })
  pictures.willPick(pictures.add('shelf'), pictures.add('receipt'))
  await act.addPhotos()
  unsubscribe()
  const photos = form().drafts[orderId]!.photos
  expect(photos.map((p) => p.state)).toEqual(['uploaded', 'uploaded'])
  expect(progress).toEqual([0, 50, 100])

  const [filed, again] = await Promise.all([act.submitComplaint(), act.submitComplaint()])
  expect(again).toBeNull()
  expect(filed).toMatchObject({
    state: 'pending',
    items: [
      { productId: 'p_cola', kind: 'wrong_quantity', actualQty: 1 },
      { productId: 'p_chips', kind: 'misrecognized', actualProductId: 'p_water' },
    ],
    description: '可乐只拿了一瓶，薯片其实是一瓶水',
    photoUrls: [expect.stringMatching(/uploads\/up_/), expect.stringMatching(/uploads\/up_/)],
  })
  expect(complaintsOf(orderId)).toHaveLength(1)
  expect(form().drafts[orderId]).toBeUndefined()

  // The merchant approves: one cola and a water instead of the chips.
  cloud.approveComplaint('u_merchant', filed!.id, {
    lines: [
      { productId: 'p_cola', qty: 1 },
      { productId: 'p_water', qty: 1 },
    ],
  })
  await orders.getState().loadReceipt(orderId)
  const complaint = orders.getState().complaints[filed!.id]?.value
  expect(complaint).toMatchObject({ state: 'resolved', refund: { destination: '原路返回' } })
  expect(complaint?.correctedOrder?.lines.map((l) => [l.productId, l.qty])).toEqual([
    ['p_cola', 1],
    ['p_water', 1],
  ])
  const receipt = orders.getState().receipts[orderId]?.value
  expect(receipt?.status).toBe('partially_refunded')
  expect(receipt?.refunds.map((r) => r.amountFen)).toEqual([complaint?.refund?.amountFen])
  expect(complaint!.refund!.amountFen).toBe(receipt!.totalFen - complaint!.correctedOrder!.totalFen)
})

test('a rejection comes back with the merchant’s reply', async () => {
  const { act, orderId, orders, cloud } = await start()
  act.toggleLine('p_cola')
  act.setLineKind('p_cola', 'not_taken')
  const filed = await act.submitComplaint()
  cloud.rejectComplaint('u_merchant', filed!.id, { reply: '监控显示您拿了两瓶可乐' })
  await orders.getState().loadReceipt(orderId)
  expect(orders.getState().receipts[orderId]?.value?.complaint?.state).toBe('rejected')
  expect(orders.getState().complaints[filed!.id]?.value?.reply).toBe('监控显示您拿了两瓶可乐')
})

test('a dropped answer on submit keeps the form; the retry files exactly one complaint', async () => {
  const { act, form, orderId, control } = await start()
  fillTwoLines(act)
  control.network({ dropResponses: 1 })
  expect(await act.submitComplaint()).toBeNull()
  expect(form().error).toMatchObject({ code: 'NETWORK', message: '网络连接失败' })
  expect(form().drafts[orderId]?.lines).toHaveLength(2)
  expect(form().drafts[orderId]?.description).toBe('可乐只拿了一瓶，薯片其实是一瓶水')
  const filed = await act.submitComplaint()
  expect(filed?.state).toBe('pending')
  expect(h.count(CREATE_COMPLAINT)).toBe(2)
  expect(complaintsOf(orderId)).toHaveLength(1)
  expect(complaintsOf(orderId)[0]?.id).toBe(filed?.id)
})

test('an upload that fails stays in the form to retry; submitting sends it first', async () => {
  const { act, form, orderId, pictures, control } = await start()
  fillTwoLines(act)
  control.network({ dropRequests: 1 })
  pictures.willPick(pictures.add('shelf'))
  await act.addPhotos()
  const [photo] = form().drafts[orderId]!.photos
  expect(photo).toMatchObject({ state: 'failed', error: { code: 'NETWORK' } })
  const filed = await act.submitComplaint()
  expect(filed?.photoUrls).toHaveLength(1)
  expect(h.count(CREATE_UPLOAD)).toBe(2)
})

test.each([
  ['denied', 'MEDIA_DENIED'],
  ['privacy', 'PRIVACY_REFUSED'],
  ['failed', 'PLATFORM_FAILED'],
] as const)(
  'a photo picker refused (%s) says so in its own words: %s; a cancel says nothing',
  async (reason, code) => {
    const { act, form, pictures } = await start()
    pictures.next = { ok: false, reason }
    await act.addPhotos()
    expect(form().error?.code).toBe(code)
    pictures.next = { ok: false, reason: 'cancelled' }
    await act.addPhotos()
    expect(form().error?.code).toBe(code)
  },
)

test('a lost upload answer retried with the same key stores the photo once', async () => {
  const { act, form, orderId, pictures, control, cloud } = await start()
  control.network({ dropResponses: 1 })
  pictures.willPick(pictures.add('shelf'))
  await act.addPhotos()
  const photo = form().drafts[orderId]!.photos[0]!
  expect(photo.state).toBe('failed')
  await act.retryPhoto(photo.id)
  expect(form().drafts[orderId]!.photos[0]!.state).toBe('uploaded')
  expect(cloud.inspect().uploads.size).toBe(1)
})

describe('every invalid complaint is refused with a field message, before it travels', () => {
  test('no line chosen', async () => {
    const { act, form } = await start()
    expect(await act.submitComplaint()).toBeNull()
    expect(form().fields).toEqual({ items: '请选择有问题的商品' })
    expect(form().error).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(h.count(CREATE_COMPLAINT)).toBe(0)
  })

  test('a line without a kind; 识别成了别的商品 without the product actually taken', async () => {
    const { act, form } = await start()
    act.toggleLine('p_cola')
    act.toggleLine('p_chips')
    act.setLineKind('p_chips', 'misrecognized')
    await act.submitComplaint()
    expect(form().fields).toEqual({
      'line.p_cola.kind': '请选择问题类型',
      'line.p_chips.actualProductId': '请选择实际拿的商品',
    })
  })

  test('a quantity above what was charged is refused as it is typed', async () => {
    const { act, form } = await start()
    act.toggleLine('p_cola')
    act.setLineKind('p_cola', 'wrong_quantity')
    act.setActualQty('p_cola', '3')
    expect(form().fields).toEqual({ 'line.p_cola.actualQty': '不能超过扣款数量2' })
    act.setActualQty('p_cola', '1')
    expect(form().fields).toEqual({})
  })

  test('a description over 200 characters is refused as it is typed, and kept', async () => {
    const { act, form, orderId } = await start()
    act.toggleLine('p_cola')
    act.setLineKind('p_cola', 'not_taken')
    act.setDescription('字'.repeat(201))
    expect(form().fields).toEqual({ description: '说明不能超过200字' })
    await act.submitComplaint()
    expect(h.count(CREATE_COMPLAINT)).toBe(0)
    expect(form().drafts[orderId]?.description).toHaveLength(201)
    act.setDescription('字'.repeat(200))
    expect(await act.submitComplaint()).toMatchObject({ state: 'pending' })
  })

  test('more than 3 photos, or one over 5 MB, is refused and never uploaded', async () => {
    const { act, form, orderId, pictures } = await start()
    const big = pictures.add('big', 5 * 1024 * 1024 + 1)
    pictures.willPick(big)
    await act.addPhotos()
    expect(form().drafts[orderId]?.photos).toEqual([])
    expect(form().fields.photos).toBe('图片太大，请上传 5MB 以内的图片')
    pictures.willPick(...['a', 'b', 'c', 'd'].map((n) => pictures.add(n)))
    await act.addPhotos()
    expect(form().drafts[orderId]?.photos).toHaveLength(3)
    expect(form().fields.photos).toBe('最多上传3张照片，多选的已忽略')
    await act.addPhotos()
    expect(form().fields.photos).toBe('最多上传3张照片')
    expect(h.count(CREATE_UPLOAD)).toBe(3)
  })

  test('the complaint window has passed', async () => {
    const { act, form } = await start('happy', 'oldOrderId')
    act.toggleLine('p_water')
    act.setLineKind('p_water', 'not_taken')
    await act.submitComplaint()
    expect(form().fields.form).toMatch(/^已超过申诉期限（\d{4}-\d{2}-\d{2} \d{2}:\d{2}截止）/)
    expect(h.count(CREATE_COMPLAINT)).toBe(0)
  })

  test('an order already complained about takes no second complaint', async () => {
    const { act, form, orderId } = await start()
    act.toggleLine('p_cola')
    act.setLineKind('p_cola', 'not_taken')
    await act.submitComplaint()
    await h.orders.getState().openComplaintForm(orderId)
    act.toggleLine('p_chips')
    act.setLineKind('p_chips', 'not_taken')
    await act.submitComplaint()
    expect(form().fields.form).toBe('已有处理中的申诉')
    expect(complaintsOf(orderId)).toHaveLength(1)
  })
})

describe('…and refused by the cloud with the same field when it gets there anyway', () => {
  // Another user's order answers like a missing one (no existence oracle): 未找到, nothing filed.
  test('the order is not yours (the phone changed account while the form was open)', async () => {
    const { act, form, orderId, switchUser } = await start()
    act.toggleLine('p_cola')
    act.setLineKind('p_cola', 'not_taken')
    switchUser('u_other')
    expect(await act.submitComplaint()).toBeNull()
    expect(form().error).toMatchObject({ code: 'ORDER_NOT_FOUND', status: 404 })
    expect(complaintsOf(orderId)).toHaveLength(0)
  })

  test('the window closed while the form was open', async () => {
    const { act, form, runtime } = await start()
    act.toggleLine('p_cola')
    act.setLineKind('p_cola', 'not_taken')
    // Eight days pass for the cloud after the form read the receipt.
    runtime.advance(8 * 86_400_000)
    await act.submitComplaint()
    expect(form().error).toMatchObject({ code: 'COMPLAINT_WINDOW_CLOSED', message: '已超过申诉期限' })
    expect(form().fields.form).toMatch(/7天/)
  })
})

test('the window is judged by the cloud’s clock, not by a phone whose clock is weeks off', async () => {
  h = harness('happy')
  h.server.listen({ onUnhandledRequest: 'error' })
  h.skewPhoneClock(-30 * 86_400_000)
  const act = h.orders.getState()
  await act.openComplaintForm(h.cloud.scenario.refs.oldOrderId ?? '')
  act.toggleLine('p_water')
  act.setLineKind('p_water', 'not_taken')
  await act.submitComplaint()
  expect(h.orders.getState().complaintForm.fields.form).toMatch(/^已超过申诉期限/)
  expect(h.count(CREATE_COMPLAINT)).toBe(0)

  h.skewPhoneClock(+30 * 86_400_000)
  await act.openComplaintForm(h.cloud.scenario.refs.recentOrderId ?? '')
  act.toggleLine('p_cola')
  act.setLineKind('p_cola', 'not_taken')
  expect(await act.submitComplaint()).toMatchObject({ state: 'pending' })
})
