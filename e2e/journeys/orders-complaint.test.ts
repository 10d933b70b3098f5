/**
 * Complaints from a receipt in the browser: two lines and two photos filed once, approved by the merchant
 * (through the merchant's own API call) and then seen by the shopper as the corrected order and the
 * refund; a rejection with its reply; every invalid input refused with a field message before anything is
 * sent; a submit whose answer is lost, retried into exactly one complaint.
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, beforeEach, test } from 'node:test'
import type { Page } from 'playwright-core'
import { keepScreenshot, openPhone, type Phone } from '../lib/browser'
import { startEmulator, type Emulator } from '../lib/emulator'
import {
  PHOTOS,
  apiAs,
  complaintsOf,
  launch,
  ordersUrl,
  pickPhotos,
  scenario,
  tapButton,
  tooLargePhoto,
  type ScenarioRefs,
} from '../lib/orders'

let emulator: Emulator
let phone: Phone | undefined
let refs: ScenarioRefs
let posted: string[]

before(async () => {
  emulator = await startEmulator('happy')
})

after(async () => {
  await emulator.stop()
})

beforeEach(async () => {
  refs = await scenario(emulator, 'happy')
})

afterEach(async (t) => {
  if (phone) {
    if (process.exitCode) await keepScreenshot(phone.page, t.name)
    await phone.close()
    phone = undefined
  }
})

async function newPhone(): Promise<Page> {
  phone = await openPhone()
  posted = []
  phone.page.on('request', (req) => {
    const url = new URL(req.url())
    if (req.method() === 'POST' && url.pathname.startsWith('/v1/')) posted.push(url.pathname)
  })
  return phone.page
}

/** From the receipt of the recent order (可口可乐 ×2, 乐事薯片 ×1) to its complaint form. */
async function openForm(page: Page, orderId = refs.recentOrderId!): Promise<void> {
  await page.goto(ordersUrl(emulator, 'detail', { orderId }))
  await page.getByText('申诉期限至').waitFor({ timeout: 20_000 })
  await tapButton(page, '申诉')
  await page.locator('.complaint-form').waitFor({ timeout: 20_000 })
}

async function chooseLine(page: Page, productId: string, kind: string): Promise<void> {
  await page.locator(`[data-line="${productId}"] [role=checkbox]`).click()
  await page.locator(`[data-choice="kind-${productId}"] [data-value="${kind}"]`).click()
}

const fieldMessage = (page: Page, field: string) => page.locator(`[data-field="${field}"]`)

async function fillTwoLines(page: Page): Promise<void> {
  await chooseLine(page, 'p_cola', 'wrong_quantity')
  await page.locator('[data-line="p_cola"] .complaint-form__qty input').fill('1')
  await chooseLine(page, 'p_chips', 'misrecognized')
  await page.locator('[data-choice="actual-p_chips"] [data-value="p_water"]').click()
  await page.locator('.complaint-form__description textarea').fill('可乐只拿了一瓶，薯片其实是一瓶农夫山泉')
}

test('two lines and two photos, filed once; the merchant approves; the shopper sees the corrected order and the refund', async () => {
  const page = await newPhone()
  await openForm(page)
  await fillTwoLines(page)
  assert.equal(await page.locator('.complaint-form__count').innerText(), '19/200')
  await pickPhotos(page, PHOTOS.slice(0, 2))
  await page.locator('[data-photo-state="uploaded"]').nth(1).waitFor({ timeout: 20_000 })
  assert.equal(posted.filter((p) => p === '/v1/uploads').length, 2)

  // A double tap on submit.
  const submit = page.locator('taro-button-core', { hasText: '提交申诉' })
  await submit.dblclick()
  const status = page.locator('.complaint-status[data-complaint-state="pending"]')
  await status.waitFor({ timeout: 20_000 })
  assert.match(await status.innerText(), /待处理/)
  await page.getByText('识别成了别的商品（实际是 农夫山泉 550ml）').waitFor({ timeout: 10_000 })
  assert.match(await status.innerText(), /数量不对（实际 1 件）/)
  assert.equal(await page.locator('.complaint-status__photo').count(), 2)
  const filed = await complaintsOf(emulator, 'u_happy', refs.recentOrderId!)
  assert.equal(filed.length, 1, 'one complaint')

  // The merchant, in the merchant's own app: one cola and a water instead of the chips.
  const merchant = await apiAs(emulator, 'u_merchant')
  await merchant.post(`/v1/merchant/complaints/${filed[0]!.id}/approval`, {
    lines: [
      { productId: 'p_cola', qty: 1 },
      { productId: 'p_water', qty: 1 },
    ],
  })
  // The status page asks again by itself while the complaint is pending.
  const resolved = page.locator('.complaint-status[data-complaint-state="resolved"]')
  await resolved.waitFor({ timeout: 15_000 })
  const corrected = await page.locator('.complaint-status__corrected').innerText()
  assert.match(corrected, /更正后的订单/)
  assert.match(corrected, /可口可乐 330ml ×1/)
  assert.match(corrected, /农夫山泉 550ml ×1/)
  assert.match(corrected, /更正后实付\s*¥\d+\.\d{2}/)
  assert.match(corrected, /退款 (退款中|已到账)\s*¥\d+\.\d{2}/)
  assert.match(corrected, /原路返回至微信支付分/)

  // Back on the receipt: the refund and the handled complaint.
  await page.goBack()
  await page.locator('.complaint-card[data-complaint-state="resolved"]').waitFor({ timeout: 15_000 })
  await page.locator('.receipt__refund').waitFor({ timeout: 10_000 })
  assert.match(await page.locator('.receipt__status').innerText(), /部分退款/)
})

test('a rejected complaint shows the merchant’s reply', async () => {
  const page = await newPhone()
  await openForm(page)
  await chooseLine(page, 'p_cola', 'not_taken')
  await tapButton(page, '提交申诉')
  await page.locator('.complaint-status[data-complaint-state="pending"]').waitFor({ timeout: 20_000 })
  const [complaint] = await complaintsOf(emulator, 'u_happy', refs.recentOrderId!)
  const merchant = await apiAs(emulator, 'u_merchant')
  await merchant.post(`/v1/merchant/complaints/${complaint!.id}/rejection`, {
    reply: '监控显示您取走了两瓶可乐',
  })
  await page.locator('.complaint-status[data-complaint-state="rejected"]').waitFor({ timeout: 15_000 })
  assert.match(await page.locator('.complaint-status__reply').innerText(), /监控显示您取走了两瓶可乐/)
  await page.goBack()
  await page.getByText('商户回复：监控显示您取走了两瓶可乐').waitFor({ timeout: 15_000 })
})

test('every invalid complaint is refused with a field message and nothing is sent', async () => {
  const page = await newPhone()
  await openForm(page)

  // No line chosen.
  await tapButton(page, '提交申诉')
  assert.equal(await fieldMessage(page, 'items').innerText(), '请选择有问题的商品')
  assert.match(await page.locator('.notice').innerText(), /填写的信息有误/)

  // A quantity above what was charged, as it is typed.
  await chooseLine(page, 'p_cola', 'wrong_quantity')
  await page.locator('[data-line="p_cola"] .complaint-form__qty input').fill('3')
  assert.equal(await fieldMessage(page, 'line.p_cola.actualQty').innerText(), '不能超过扣款数量2')

  // A description over 200 characters: the counter and the message, the text kept.
  await page.locator('.complaint-form__description textarea').fill('字'.repeat(205))
  assert.equal(await page.locator('.complaint-form__count').innerText(), '205/200')
  assert.equal(await fieldMessage(page, 'description').innerText(), '说明不能超过200字')

  // A photo over 5 MB, then more than 3 photos at once.
  await pickPhotos(page, [tooLargePhoto()])
  assert.equal(await fieldMessage(page, 'photos').innerText(), '图片太大，请上传 5MB 以内的图片')
  assert.equal(await page.locator('.photo-grid__item').count(), 0)
  await pickPhotos(page, PHOTOS)
  await page.locator('[data-photo-state="uploaded"]').nth(2).waitFor({ timeout: 20_000 })
  assert.equal(await page.locator('.photo-grid__item').count(), 3)
  assert.equal(await fieldMessage(page, 'photos').innerText(), '最多上传3张照片，多选的已忽略')
  assert.equal(await page.locator('.photo-grid__add').count(), 0, 'no more photos can be added')

  await tapButton(page, '提交申诉')
  assert.equal(await fieldMessage(page, 'line.p_cola.actualQty').innerText(), '不能超过扣款数量2')
  assert.equal(await fieldMessage(page, 'description').innerText(), '说明不能超过200字')
  // A removed photo makes room again.
  await page.locator('.photo-grid__remove').first().click()
  assert.equal(await page.locator('.photo-grid__item').count(), 2)
  assert.deepEqual(
    posted.filter((p) => p === '/v1/complaints'),
    [],
    'no complaint was sent',
  )

  // The window has passed: the receipt says so, and the form refuses.
  await launch(page, ordersUrl(emulator, 'detail', { orderId: refs.oldOrderId! }))
  const closed = page.locator('[data-complaint-window="closed"]')
  await closed.waitFor({ timeout: 20_000 })
  assert.match(
    await closed.innerText(),
    /已超过申诉期限（\d{4}-\d{2}-\d{2} \d{2}:\d{2}截止），如有问题请联系客服/,
  )
  await launch(page, ordersUrl(emulator, 'complaint', { orderId: refs.oldOrderId! }))
  await page.locator('.complaint-form').waitFor({ timeout: 20_000 })
  await chooseLine(page, 'p_water', 'not_taken')
  await tapButton(page, '提交申诉')
  assert.match(await fieldMessage(page, 'form').innerText(), /^已超过申诉期限/)

  // Someone else's order.
  await launch(page, ordersUrl(emulator, 'complaint', { orderId: refs.refundedOrderId! }))
  await page.locator('[data-error-code="ORDER_NOT_FOUND"]').waitFor({ timeout: 20_000 })
  assert.match(await page.locator('[data-error-code="ORDER_NOT_FOUND"]').innerText(), /未找到订单/)

  assert.deepEqual(
    posted.filter((p) => p === '/v1/complaints'),
    [],
    'no complaint was sent',
  )
})

test('the answer to submit is lost: the form is kept, the retry makes exactly one complaint', async () => {
  const page = await newPhone()
  await openForm(page)
  await fillTwoLines(page)
  await pickPhotos(page, PHOTOS.slice(0, 1))
  await page.locator('[data-photo-state="uploaded"]').waitFor({ timeout: 20_000 })
  // Chromium itself resends a request whose reused keep-alive connection closes without an answer, as
  // long as it has idle connections left, so answers are lost until the app sees the failure (every lost
  // attempt reached the cloud, with the same idempotency key); then the network is well again.
  await emulator.control('network', { dropResponses: 20 })
  await tapButton(page, '提交申诉')
  const notice = page.locator('.notice[data-error-code="NETWORK"]')
  await notice.waitFor({ timeout: 20_000 })
  assert.match(await notice.innerText(), /网络连接失败/)
  await emulator.control('network', { dropResponses: 0 })
  assert.equal(await page.locator('.complaint-form__qty input').inputValue(), '1')
  assert.equal(
    await page.locator('.complaint-form__description textarea').inputValue(),
    '可乐只拿了一瓶，薯片其实是一瓶农夫山泉',
  )
  assert.equal(await page.locator('.photo-grid__item').count(), 1)

  await tapButton(page, '重新提交')
  await page.locator('.complaint-status[data-complaint-state="pending"]').waitFor({ timeout: 20_000 })
  assert.ok(posted.filter((p) => p === '/v1/complaints').length >= 2, 'sent more than once')
  assert.equal((await complaintsOf(emulator, 'u_happy', refs.recentOrderId!)).length, 1, 'filed once')
})
