/**
 * `npm run screenshots`: the README's pictures, taken from the H5 build against the emulator in Chromium.
 * Needs dist/h5 (`npm run build:h5`).
 */
import { takeScreenshots } from './lib/screenshots'

takeScreenshots('demo', '', async ({ emulator, page, shot }) => {
  await page.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A' }))
  await page.getByText('开门', { exact: true }).first().waitFor({ timeout: 20_000 })
  await page.waitForTimeout(500)
  await shot('cabinet')

  await page.locator('taro-button-core', { hasText: '开门' }).first().click()
  await page.getByText('柜门已打开，请取商品').waitFor({ timeout: 20_000 })
  for (const [productId, qty] of [
    ['p_cola', 2],
    ['p_milk', 1],
    ['p_sandwich', 1],
  ] as const) {
    await emulator.control('take', { deviceCode: 'GZ0001A', doorNo: 1, productId, qty })
  }
  await emulator.control('return', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 1 })
  await page.locator('.cart__name', { hasText: '火腿芝士三明治' }).waitFor({ timeout: 10_000 })
  await page.waitForTimeout(300)
  await shot('live-cart')

  await emulator.control('close', { deviceCode: 'GZ0001A', doorNo: 1 })
  await page.getByText('门已关好', { exact: true }).waitFor({ timeout: 10_000 })
  await page.waitForTimeout(300)
  await shot('receipt', { fullPage: true })

  await page.setViewportSize({ width: 1440, height: 920 })
  await page.goto(`${emulator.url}/`)
  await page.waitForTimeout(4000)
  await shot('simulator')
})
