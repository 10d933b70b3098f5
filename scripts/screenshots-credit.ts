/**
 * The README's pictures of the credit chain (`node --import tsx scripts/screenshots-credit.ts`): a WeChat
 * shopper whose Pay Score was refused, with 微信免密支付 and 押金开门 offered and the refusal's reason; and the
 * receipt of a deposit purchase (押金 / 实付 / 退回). Needs dist/h5 (`npm run build:h5`).
 */
import { takeScreenshots } from './lib/screenshots'

takeScreenshots('credit_rejected', 'credit-', async ({ emulator, page, shot }) => {
  await emulator.control('h5-channel', { channel: 'wechat' })
  await emulator.control('settings', { creditAutoCompleteMs: 800, refundDelayMs: 60_000 })
  await page.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A' }))
  await page.locator('taro-button-core', { hasText: '换种方式' }).first().click()
  await page.locator('.credit__method').nth(1).waitFor({ timeout: 20_000 })
  await page.waitForTimeout(300)
  await shot('alternatives')

  await page.locator('[data-method="wxpay_deposit"] taro-button-core').click()
  await page.locator('.taro-model__confirm', { hasText: '确认' }).click()
  await page.locator('taro-button-core', { hasText: '开门' }).first().waitFor({ timeout: 20_000 })
  await page.locator('taro-button-core', { hasText: '开门' }).first().click()
  await page.getByText('柜门已打开，请取商品').waitFor({ timeout: 20_000 })
  for (const productId of ['p_cola', 'p_water']) {
    await emulator.control('take', { deviceCode: 'GZ0001A', doorNo: 1, productId, qty: 1 })
  }
  await page.locator('.cart__line').nth(1).waitFor({ timeout: 10_000 })
  await emulator.control('close', { deviceCode: 'GZ0001A', doorNo: 1 })
  await page.setViewportSize({ width: 390, height: 1300 })
  await page.locator('.deposit-summary').waitFor({ timeout: 20_000 })
  await page.waitForTimeout(300)
  await shot('deposit-receipt', { fullPage: true })
})
