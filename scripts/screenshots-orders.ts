/**
 * The README's pictures of the orders subpackage (`node --import tsx scripts/screenshots-orders.ts`): the
 * order list of a shopper with 1,000 orders, a receipt with a refund and its handled complaint, and the
 * complaint form with two lines and two photos. Needs dist/h5 (`npm run build:h5`).
 */
import { PHOTOS, launch, ordersUrl, pickPhotos, scenario } from '../e2e/lib/orders'
import { takeScreenshots } from './lib/screenshots'

takeScreenshots('order_history', 'orders-', async ({ emulator, page, shot }) => {
  const history = await scenario(emulator, 'order_history')

  await launch(page, ordersUrl(emulator, 'list'))
  await page.locator('.order-row').nth(6).waitFor({ timeout: 20_000 })
  await page.waitForTimeout(500)
  await shot('list')

  // Tall enough for the whole receipt, its refund and the complaint card.
  await page.setViewportSize({ width: 390, height: 1130 })
  await launch(page, ordersUrl(emulator, 'detail', { orderId: history.resolvedOrderId! }))
  await page.locator('.complaint-card[data-complaint-state="resolved"]').waitFor({ timeout: 20_000 })
  await page.getByText('商户回复').waitFor({ timeout: 10_000 })
  await page.waitForTimeout(300)
  await shot('receipt-refund')

  const happy = await scenario(emulator, 'happy')
  await page.setViewportSize({ width: 390, height: 1360 })
  await launch(page, ordersUrl(emulator, 'complaint', { orderId: happy.recentOrderId! }))
  await page.locator('.complaint-form').waitFor({ timeout: 20_000 })
  await page.locator('[data-line="p_cola"] [role=checkbox]').click()
  await page.locator('[data-choice="kind-p_cola"] [data-value="wrong_quantity"]').click()
  await page.locator('[data-line="p_cola"] .complaint-form__qty input').fill('1')
  await page.locator('[data-line="p_chips"] [role=checkbox]').click()
  await page.locator('[data-choice="kind-p_chips"] [data-value="misrecognized"]').click()
  await page.locator('[data-choice="actual-p_chips"] [data-value="p_water"]').click()
  await page.locator('.complaint-form__description textarea').fill('可乐只拿了一瓶，薯片其实是一瓶农夫山泉')
  await pickPhotos(page, PHOTOS.slice(0, 2))
  await page.locator('[data-photo-state="uploaded"]').nth(1).waitFor({ timeout: 20_000 })
  await page.waitForTimeout(300)
  await shot('complaint-form')
})
