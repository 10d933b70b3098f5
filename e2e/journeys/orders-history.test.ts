/**
 * A shopper with 1,000 past orders: the list scrolls to the end with the page staying small, tabs filter,
 * a receipt shows its refund (amount, 原路返回, when, state), and a rejected complaint shows the merchant's
 * reply.
 */
import assert from 'node:assert/strict'
import { beforeEach, test } from 'node:test'
import { journeyFile } from '../lib/journey-file'
import {
  domSize,
  homeUrl,
  ordersUrl,
  scenario,
  scrollPageTo,
  tapButton,
  type ScenarioRefs,
} from '../lib/orders'

const journey = journeyFile('order_history')
let refs: ScenarioRefs

// Loaded once, in the first beforeEach: only then is the file's emulator (journeyFile's before()) sure to be up.
beforeEach(async () => {
  refs ??= await scenario(journey.emulator, 'order_history')
})

test('1,000 orders: from home to 我的订单, scrolled to the end, the page never holds more than a screenful', async () => {
  const page = await journey.phone()
  const listCalls: string[] = []
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (url.pathname === '/v1/orders') listCalls.push(url.search)
  })
  await page.goto(homeUrl(journey.emulator))
  await page.getByText('我的订单').click()
  await page.locator('.order-row').first().waitFor({ timeout: 20_000 })
  const firstRow = await page.locator('.order-row').first().innerText()
  assert.match(firstRow, /鲜享1号柜/)
  assert.match(firstRow, /¥\d+\.\d{2}/)
  assert.match(firstRow, /2026-11-20 \d{2}:\d{2}/)

  let largest = await domSize(page)
  for (let i = 0; i < 400; i++) {
    if ((await page.locator('[data-list-state="end"]').count()) > 0) break
    await scrollPageTo(page, 'end')
    await page.waitForTimeout(40)
    largest = Math.max(largest, await domSize(page))
  }
  await page.getByText('没有更多了（共 1000 笔）').waitFor({ timeout: 20_000 })
  const list = page.locator('.virtual-list')
  assert.equal(await list.getAttribute('data-count'), '1000')
  const rows = await page.locator('.order-row').count()
  assert.ok(rows > 5 && rows <= 30, `only the rows around the screen are in the page (${rows})`)
  assert.ok(largest <= 400, `the whole document stayed at most 400 elements (largest ${largest})`)
  assert.equal(listCalls.length, 20, 'twenty pages of fifty, each asked once')
  assert.equal(new Set(listCalls).size, 20)

  // The oldest order is the last row, on screen (rows sit in recycled slots, not in list order).
  await scrollPageTo(page, 'end')
  const last = page.locator('.virtual-list__slot[data-row="999"] .order-row')
  await last.waitFor({ timeout: 5_000 })
  const box = await last.boundingBox()
  const screen = page.viewportSize()
  assert.ok(box && screen && box.y >= 0 && box.y + box.height <= screen.height, 'within the screen')
  assert.match(await last.innerText(), /2026-0\d-\d{2}/)

  // Back to the middle: the rows there are drawn again.
  await scrollPageTo(page, 40_000)
  await page.waitForTimeout(200)
  assert.ok((await page.locator('.order-row').count()) <= 30)
  assert.ok(await page.locator('.order-row').first().isVisible())
})

test('tabs: 待支付 is empty, 退款·申诉 holds the refunded and complained-about orders', async () => {
  const page = await journey.phone()
  await page.goto(ordersUrl(journey.emulator, 'list'))
  await page.locator('.order-row').first().waitFor({ timeout: 20_000 })
  await page.locator('[role="tab"][data-value="unpaid"]').click()
  await page.getByText('暂无订单').waitFor({ timeout: 10_000 })
  await page.locator('[role="tab"][data-value="refund_or_complaint"]').click()
  await page.locator(`.order-row[data-order-id="${refs.resolvedOrderId}"]`).waitFor({ timeout: 10_000 })
  for (const id of [refs.historyRefundedOrderId, refs.rejectedOrderId]) {
    assert.equal(await page.locator(`.order-row[data-order-id="${id}"]`).count(), 1)
  }
  assert.equal(
    await page.locator('[role="tab"][data-value="refund_or_complaint"]').getAttribute('aria-selected'),
    'true',
  )
})

test('a receipt with a refund: the amount, 原路返回 to the channel, when, and that it has arrived', async () => {
  const page = await journey.phone()
  await page.goto(ordersUrl(journey.emulator, 'list'))
  await page.locator(`.order-row[data-order-id="${refs.historyRefundedOrderId}"]`).click()
  const refund = page.locator('.receipt__refund').first()
  await refund.waitFor({ timeout: 20_000 })
  const text = await refund.innerText()
  assert.match(text, /退款 已到账/)
  assert.match(text, /¥2\.00/)
  assert.match(text, /原路返回至微信支付分/)
  assert.match(text, /申请 2026-11-\d{2} \d{2}:\d{2}，到账 2026-11-\d{2} \d{2}:\d{2}/)
  const receipt = await page.locator('.receipt').innerText()
  assert.match(receipt, /部分退款/)
  assert.match(receipt, /订单号/)
  assert.doesNotMatch(receipt, /门已关好/, 'a past order is not the door-closed receipt')
  assert.match(receipt, /联系客服 400-820-8820/)
  assert.ok(await page.getByText('故障报修').isVisible())
})

test('a rejected complaint: its state and the merchant’s reply on the receipt and on its own page', async () => {
  const page = await journey.phone()
  await page.goto(ordersUrl(journey.emulator, 'detail', { orderId: refs.rejectedOrderId! }))
  const card = page.locator('.complaint-card[data-complaint-state="rejected"]')
  await card.waitFor({ timeout: 20_000 })
  await page.getByText('商户回复：经核对柜内称重记录').waitFor({ timeout: 10_000 })
  assert.match(await card.innerText(), /已驳回/)
  await card.click()
  const status = page.locator('.complaint-status[data-complaint-state="rejected"]')
  await status.waitFor({ timeout: 20_000 })
  const text = await status.innerText()
  assert.match(text, /已驳回/)
  assert.match(text, /扣款无误/)
  assert.match(text, /蒙牛纯牛奶 250ml/)
  assert.match(text, /数量不对（实际 1 件）/)
  assert.match(text, /客服电话 400-820-8820/)
})

test('a fault report from a receipt: the kind is required, then it is filed and the 客服 phone stays at hand', async () => {
  const page = await journey.phone()
  const reports: string[] = []
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/v1/fault-reports')
      reports.push(req.url())
  })
  await page.goto(ordersUrl(journey.emulator, 'detail', { orderId: refs.historyRefundedOrderId! }))
  await page.getByText('故障报修').click()
  await page.locator('.fault-report').waitFor({ timeout: 20_000 })
  await tapButton(page, '提交报修')
  assert.equal(await page.locator('[data-field="kind"]').innerText(), '请选择遇到的问题')
  assert.equal(reports.length, 0)
  await page.locator('[data-choice="fault-kind"] [data-value="door_wont_close"]').click()
  await page.locator('.fault-report__description textarea').fill('关门后一直提示门未关好')
  await tapButton(page, '提交报修')
  await page.getByText('已提交，商户会尽快处理').waitFor({ timeout: 20_000 })
  assert.match(await page.locator('.fault-report__done').innerText(), /报修编号 fr_/)
  assert.match(await page.locator('[data-service-phone]').innerText(), /客服电话 400-820-8820/)
  assert.equal(reports.length, 1)
})
