/**
 * The simulator's network drop, used as a person uses it: pick an operation and a count on the simulator
 * page, and the phone beside it (the H5 app in the page's frame) loses exactly that many attempts of that
 * operation. The count on the page goes down one per attempt of the app, however often the browser resends
 * a lost request by itself. The cabinet's landing is a read the app retries by itself (readUntilAnswered),
 * so a few lost answers cost the shopper a moment, not a tap.
 */
import assert from 'node:assert/strict'
import type { FrameLocator, Page } from 'playwright-core'
import { controlState } from '../lib/cloud'
import { eventually, SCREEN_MS } from '../lib/screen'
import { emulatorForFile, journey } from '../lib/shopper'

const emulator = emulatorForFile()

const DROP = 'drop-answer-getCabinetLanding'

function phoneButton(phone: FrameLocator, label: string) {
  return phone
    .locator('taro-button-core')
    .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`), visible: true })
    .first()
}

async function leftOnPage(page: Page): Promise<string> {
  return (await page.getByTestId(DROP).innerText()).replace(/\s+/g, ' ')
}

journey(
  'dropping the next 2 answers of 柜子首页 on the simulator: the phone’s own retries use them up, then it shows the cabinet',
  { emulator, scenario: 'happy', timeoutMs: 60_000 },
  async ({ emulator: cloud, page }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${cloud.url}/`)
    const phone = page.frameLocator('[data-testid="phone-frame"]')
    await phoneButton(phone, '开门').waitFor({ timeout: 15_000 })

    await page.getByTestId('drop-operation').selectOption('getCabinetLanding')
    await page.getByTestId('drop-count').fill('2')
    await page.getByTestId('drop-arm').click()
    await page.getByTestId(DROP).waitFor({ timeout: SCREEN_MS })
    assert.match(await leftOnPage(page), /还剩 2 次 · 已丢弃 0 次/)

    // Each attempt of the app carries its own X-Request-Id; a browser's resend repeats it.
    const attempts = new Set<string>()
    page.on('request', (request) => {
      if (!request.url().includes('/v1/devices/') || !request.url().endsWith('/landing')) return
      const id = request.headers()['x-request-id']
      if (id) attempts.add(id)
    })

    // The phone scans again: two attempts lost, the third answered, without a tap.
    await page.getByTestId('phone-reload').click()
    await eventually(async () => /已用完 · 已丢弃 2 次/.test(await leftOnPage(page)), true)
    await phoneButton(phone, '开门').waitFor({ timeout: SCREEN_MS })
    assert.equal(attempts.size, 3, 'two lost attempts and the answered one, each counted once')
    const drops = (await controlState(cloud)).network.drops
    assert.deepEqual(drops, [{ operationId: 'getCabinetLanding', stage: 'answer', left: 0, dropped: 2 }])
  },
)
