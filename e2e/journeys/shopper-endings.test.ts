/**
 * How a visit ends after the door closes: a vision cabinet's receipt after recognition, nothing taken,
 * a failed charge paid in the app (then shopping again without rescanning), and an order under review.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { formatFen } from '../../src/domain/money'
import { cloudReceipt, onlySessionOf, sessionsOf } from '../lib/cloud'
import type { Emulator } from '../lib/emulator'
import { button, eventually, visible, visibleText, waitForText } from '../lib/screen'
import { confirmPlatformDialog, emulatorForFile, journey, scanAndOpen, tapOpen } from '../lib/shopper'

const emulator = emulatorForFile()

journey(
  'vision cabinet: 关门后自动识别 while open, no live cart, then the receipt after close',
  { emulator, scenario: 'vision' },
  async ({ emulator: cloud, page }) => {
    await scanAndOpen(page, cloud, { deviceCode: 'SJ0001V' })
    await waitForText(page, '关门后自动识别您拿取的商品')

    await cloud.control('take', { deviceCode: 'SJ0001V', productId: 'p_coffee', qty: 1 })
    await cloud.control('take', { deviceCode: 'SJ0001V', productId: 'p_icecream', qty: 2 })
    await page.waitForTimeout(600)
    assert.equal(await visible(page, '.cart').count(), 0, 'no live cart on a vision cabinet')
    assert.equal(await visibleText(page, /可爱多|雀巢/).count(), 0, 'nothing taken is shown before close')

    await cloud.control('close', { deviceCode: 'SJ0001V' })
    await waitForText(page, '门已关好')
    const session = onlySessionOf(cloud, 'u_happy')
    assert.ok(session.orderId)
    const receipt = cloudReceipt(cloud, 'u_happy', session.orderId)
    const shown = visible(page, '.receipt')
    assert.equal(await shown.getAttribute('data-order-id'), receipt.id)
    assert.match(await shown.locator('.receipt__line[data-product-id="p_icecream"]').innerText(), /×2/)
    assert.match(await shown.locator('.receipt__line[data-product-id="p_coffee"]').innerText(), /×1/)
    assert.equal((await shown.locator('.receipt__amount').innerText()).trim(), formatFen(receipt.totalFen))
  },
)

journey(
  'nothing taken: 本次未购物，未扣款 and no order',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page }) => {
    await scanAndOpen(page, cloud)
    await waitForText(page, '拿起商品后会显示在这里')
    await cloud.control('close', { deviceCode: 'GZ0001A' })
    await waitForText(page, '本次未购物，未扣款')
    const session = onlySessionOf(cloud, 'u_happy')
    assert.equal(session.state, 'empty')
    assert.equal(session.orderId, null, 'no order, no charge')
    assert.equal(await visibleText(page, '门已关好').count(), 0, 'no receipt')
  },
)

/**
 * Opens GZ0001A with a settlement `fault` on, takes `take`, closes: the visit's door session, once the
 * shopping page ends on `ending`.
 */
async function visitWithFault(
  page: Page,
  cloud: Emulator,
  fault: 'payment_failure' | 'under_review',
  take: { productId: string; qty: number },
  ending: string,
) {
  await cloud.control('fault', { fault, deviceCode: 'GZ0001A' })
  await scanAndOpen(page, cloud)
  await cloud.control('take', { deviceCode: 'GZ0001A', ...take })
  await visible(page, `.cart__line[data-product-id="${take.productId}"][data-qty="${take.qty}"]`).waitFor({
    timeout: 5_000,
  })
  await cloud.control('close', { deviceCode: 'GZ0001A' })
  await waitForText(page, ending)
  return onlySessionOf(cloud, 'u_happy')
}

/** Opens GZ0001A with the payment_failure fault, takes a yogurt, closes: the charge fails. */
async function visitWithFailedCharge(page: Page, cloud: Emulator): Promise<string> {
  const take = { productId: 'p_yogurt', qty: 1 }
  const session = await visitWithFault(page, cloud, 'payment_failure', take, '扣款失败，订单待支付')
  assert.equal(session.state, 'payment_pending')
  assert.ok(session.orderId)
  assert.equal(cloudReceipt(cloud, 'u_happy', session.orderId).status, 'unpaid')
  // The cabinet itself is fine again; only this order is owed.
  await cloud.control('fault', { fault: 'payment_failure', deviceCode: 'GZ0001A', on: false })
  return session.orderId
}

/** 立即支付, the platform's cashier (确认), and the cloud's word that the order is paid. */
async function payInApp(page: Page, cloud: Emulator, orderId: string): Promise<void> {
  await button(page, '立即支付').click()
  await confirmPlatformDialog(page, /支付/)
  const status = await eventually(async () => cloudReceipt(cloud, 'u_happy', orderId).status, 'paid')
  assert.equal(status, 'paid', 'the cloud has the payment')
}

journey(
  'payment failure: 扣款失败，订单待支付 → 立即支付 → paid → the receipt',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page }) => {
    const orderId = await visitWithFailedCharge(page, cloud)
    await payInApp(page, cloud, orderId)
    await waitForText(page, '门已关好')
    const receipt = cloudReceipt(cloud, 'u_happy', orderId)
    const shown = visible(page, '.receipt')
    assert.equal(await shown.getAttribute('data-order-id'), orderId)
    assert.match(await shown.innerText(), /支付成功/)
    assert.equal((await shown.locator('.receipt__amount').innerText()).trim(), formatFen(receipt.totalFen))
    assert.equal(await visibleText(page, '扣款失败，订单待支付').count(), 0)
  },
)

journey(
  'payment failure paid in the app: back to the cabinet, 开门 opens again without rescanning',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page, api }) => {
    const orderId = await visitWithFailedCharge(page, cloud)
    await payInApp(page, cloud, orderId)
    await button(page, '返回柜子').click()
    await tapOpen(page, 10_000)
    assert.deepEqual(
      sessionsOf(cloud, 'u_happy').map((s) => s.state),
      ['payment_pending', 'open'],
    )
    assert.equal(
      api.calls.filter((c) => c.path.endsWith('/landing')).length >= 2,
      true,
      'the cabinet page asked the cloud again, no scan needed',
    )
  },
)

journey(
  'under review: 订单审核中，暂未扣款 and the cloud charged nothing',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page }) => {
    const take = { productId: 'p_cola', qty: 2 }
    const session = await visitWithFault(page, cloud, 'under_review', take, '订单审核中，暂未扣款')
    assert.equal(session.state, 'under_review')
    assert.ok(session.orderId)
    const receipt = cloudReceipt(cloud, 'u_happy', session.orderId)
    assert.equal(receipt.status, 'under_review')
    assert.equal(receipt.paidAt, undefined, 'no charge yet')
    assert.equal(await visibleText(page, '门已关好').count(), 0, 'no receipt as if paid')
  },
)
