/**
 * `node --import tsx scripts/screenshots-merchant.ts`: the README's pictures of the merchant workspace,
 * taken from the H5 build against the emulator in Chromium. Needs dist/h5 (`npm run build:h5`).
 */
import path from 'node:path'
import { openPhone } from '../e2e/lib/browser'
import { startEmulator } from '../e2e/lib/emulator'
import { merchantUrl, tapButton } from '../e2e/lib/merchant'
import { ROOT } from './lib/app-config'

const OUT = path.join(ROOT, 'docs', 'screenshots')

async function main(): Promise<void> {
  const emulator = await startEmulator('merchant')
  const phone = await openPhone()
  const { page } = phone
  try {
    const shot = (name: string) => page.screenshot({ path: path.join(OUT, `merchant-${name}.png`) })

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
    await page.waitForFunction(
      () => document.querySelectorAll('[data-chart="series"] [data-key]').length === 7,
    )
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
    console.log(`merchant screenshots written to ${path.relative(ROOT, OUT)}`)
  } finally {
    await phone.close()
    await emulator.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
