/**
 * `node --import tsx scripts/screenshots-messages.ts`: the README's picture of the message centre, taken
 * from the H5 build against the emulator in Chromium. Needs dist/h5 (`npm run build:h5`).
 */
import { apiAs, appUrl } from '../e2e/lib/staff'
import { takeScreenshots } from './lib/screenshots'

takeScreenshots('merchant', 'messages-', async ({ emulator, page, shot }) => {
  const state = (await emulator.control('state')) as { scenario: { refs: { complaintId: string } } }
  const merchant = await apiAs(emulator, 'u_merchant')
  await merchant('POST', `/v1/merchant/complaints/${state.scenario.refs.complaintId}/rejection`, {
    reply: '监控显示拿了两瓶，已为您核实',
  })
  await page.goto(appUrl(emulator, '/packages/messages/pages/list/index', {}, 'code:u_happy'))
  await page.locator('.messages__item').first().waitFor({ timeout: 20_000 })
  await page.waitForTimeout(300)
  await shot('list')
})
