/**
 * `node --import tsx scripts/screenshots-merchant.ts`: the README's pictures of the merchant workspace,
 * taken from the H5 build against the emulator in Chromium. Needs dist/h5 (`npm run build:h5`).
 */
import { merchantUrl, tapButton } from '../e2e/lib/merchant'
import { takeScreenshots } from './lib/screenshots'

takeScreenshots('merchant', 'merchant-', async ({ emulator, page, shot }) => {
  await page.goto(merchantUrl(emulator, 'receipts'))
  await page.locator('[data-range]').waitFor({ timeout: 20_000 })
  await page.waitForTimeout(300)
  await shot('receipts')

  await page.goto(merchantUrl(emulator, 'wallet'))
  await page.locator('[data-account-id="acc_wx_M001"]').waitFor({ timeout: 20_000 })
  await page.locator('[data-account-id="acc_wx_M001"] taro-button-core', { hasText: '提现' }).click()
  await page.locator('.withdraw__input input').fill('1288')
  await page.waitForTimeout(300)
  await shot('withdraw')
  await tapButton(page, '下一步')
  await page.locator('[aria-label="确认提现"]').waitFor()
  await page.waitForTimeout(300)
  await shot('withdraw-confirm')

  await page.goto(merchantUrl(emulator, 'statistics'))
  await page.locator('[data-chart="series"]').waitFor({ timeout: 20_000 })
  await page.locator('[data-value="7d"]').click()
  await page.waitForFunction(() => document.querySelectorAll('[data-chart="series"] [data-key]').length === 7)
  await page.waitForTimeout(300)
  await shot('statistics')
  await page.locator('.statistics__latency-head').scrollIntoViewIfNeeded()
  await page.waitForTimeout(300)
  await shot('latency')

  const state = (await emulator.control('state')) as { scenario: { refs: { complaintId: string } } }
  await page.goto(merchantUrl(emulator, 'complaint', { id: state.scenario.refs.complaintId }))
  await page.locator('.complaint__decide').waitFor({ timeout: 20_000 })
  await page.waitForTimeout(500)
  await shot('complaint')

  await page.goto(merchantUrl(emulator, 'qrcodes'))
  await page.locator('.qrcodes__code').waitFor({ timeout: 20_000 })
  await page.waitForTimeout(300)
  await shot('qrcodes')
})
