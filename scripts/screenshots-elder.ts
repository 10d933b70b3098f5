/**
 * The README's elder-mode pictures (`node --import tsx scripts/screenshots-elder.ts`): 长辈模式 turned on from
 * home, then the cabinet page and a receipt, to set beside the normal ones. Needs dist/h5.
 */
import { takeScreenshots } from './lib/screenshots'

takeScreenshots('happy', 'elder-', async ({ emulator, page, shot }) => {
  await page.goto(`${emulator.url}/app/index.html#/pages/index/index?login_code=code:u_happy`)
  await page.locator('.elder-switch .toggle:visible').click({ timeout: 20_000 })
  await page.locator('.page-shell--elder:visible').first().waitFor({ timeout: 5_000 })

  await page.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A' }))
  await page.getByText('开门', { exact: true }).first().waitFor({ timeout: 20_000 })
  await page.waitForTimeout(500)
  await shot('cabinet')

  await page.locator('taro-button-core:visible', { hasText: '开门' }).first().click()
  await page.getByText('柜门已打开，请取商品').waitFor({ timeout: 20_000 })
  await emulator.control('take', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 2 })
  await emulator.control('take', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_milk', qty: 1 })
  await page.locator('.cart__name:visible', { hasText: '蒙牛纯牛奶' }).waitFor({ timeout: 10_000 })
  await emulator.control('close', { deviceCode: 'GZ0001A', doorNo: 1 })
  await page.getByText('门已关好', { exact: true }).waitFor({ timeout: 10_000 })
  await page.waitForTimeout(300)
  await shot('receipt', { fullPage: true })
})
