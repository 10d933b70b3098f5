/**
 * Accessible by a standard, not by eye: axe-core (the engine behind the browsers' own accessibility audits)
 * runs on the five main pages of the H5 build, in normal and in elder mode, and any serious or critical
 * violation fails the journey. Elder mode is also checked for what it promises: larger type on the receipt
 * total and the cart quantities, and the door's key moments spoken aloud.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { openPhone } from '../lib/browser'
import { startEmulator, type Emulator } from '../lib/emulator'
import { waitForText } from '../lib/screen'
import { loadScenario } from '../lib/shopper'
import { appUrl } from '../lib/staff'

const AXE_SOURCE = fs.readFileSync(
  path.resolve(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'),
  'utf8',
)

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** The serious and critical violations axe finds on the page as it is now, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, options: unknown) => Promise<unknown> } })
      .axe
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[]
    }
    return result.violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`))
}

let emulator: Emulator
before(async () => {
  emulator = await startEmulator('happy')
})
after(async () => {
  await emulator.stop()
})

/**
 * The main pages, each opened by its own user on a fresh phone (a phone keeps the first user's token). The
 * workspaces are reached the way their users reach them: from home, once their roles are known.
 */
const home = (user: string) => appUrl(emulator, '/pages/index/index', {}, `code:${user}`)

interface MainPage {
  name: string
  user: string
  open: (page: Page) => Promise<void>
  ready: string | RegExp
}

/** A page the shopper reaches by a link (a deep link, a scanned QR). */
const byLink = (name: string, url: () => string, ready: string): MainPage => ({
  name,
  user: 'u_happy',
  open: async (page) => void (await page.goto(url())),
  ready,
})

/** A workspace its user reaches from home, by its entry, once home knows their roles. */
const fromHome = (name: string, user: string, entry: string, ready: RegExp): MainPage => ({
  name,
  user,
  open: async (page) => {
    await page.goto(home(user))
    await page.getByText(entry).click({ timeout: 20_000 })
  },
  ready,
})

const PAGES: MainPage[] = [
  byLink('home', () => home('u_happy'), '长辈模式'),
  byLink(
    'cabinet',
    () => emulator.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_happy' }),
    '可口可乐 330ml',
  ),
  byLink('我的订单', () => appUrl(emulator, '/packages/orders/pages/list/index', {}, 'code:u_happy'), '全部'),
  fromHome('staff home', 'u_staff', '补货运维工作台', /我的设备/),
  fromHome('merchant home', 'u_merchant', '商户中心', /今日经营/),
]

/** Turns elder mode on from the home page's switch (it is kept on the phone for every page after). */
async function turnOnElderMode(page: Page, user = 'u_happy'): Promise<void> {
  await page.goto(appUrl(emulator, '/pages/index/index', {}, `code:${user}`))
  await waitForText(page, '长辈模式')
  // Pages stay in the document when another is pushed: only the visible switch is the one on screen.
  await page.locator('.elder-switch .toggle:visible').click()
  await page.locator('.page-shell--elder:visible').first().waitFor({ timeout: 5_000 })
}

for (const elder of [false, true]) {
  test(
    `the five main pages have no serious or critical axe violation${elder ? ' in elder mode' : ''}`,
    { timeout: 120_000 },
    async () => {
      await loadScenario(emulator, 'demo')
      const problems: string[] = []
      for (const target of PAGES) {
        const phone = await openPhone()
        try {
          if (elder) await turnOnElderMode(phone.page, target.user)
          await target.open(phone.page)
          await waitForText(phone.page, target.ready)
          await phone.page.waitForTimeout(300)
          problems.push(...(await axeProblems(phone.page)).map((p) => `${target.name}: ${p}`))
        } finally {
          await phone.close()
        }
      }
      assert.deepEqual(problems, [])
    },
  )
}

test(
  'elder mode: larger receipt total and cart quantities, and the door spoken aloud',
  { timeout: 60_000 },
  async () => {
    await loadScenario(emulator, 'happy')
    const phone = await openPhone()
    const page = phone.page
    try {
      // H5 speaks through the Web Speech API: record what the app says.
      await page.addInitScript(() => {
        const said: string[] = []
        ;(window as unknown as { __said: string[] }).__said = said
        // Chromium's own speech object, with its speaking replaced by a record of what was said.
        window.speechSynthesis.speak = (utterance) => void said.push(utterance.text)
        window.speechSynthesis.cancel = () => undefined
      })
      const fontSize = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))

      const sizes = async () => {
        await page.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_happy' }))
        await page.locator('taro-button-core', { hasText: '开门' }).first().click()
        await waitForText(page, '柜门已打开，请取商品')
        await emulator.control('take', { deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 2 })
        await page.locator('.cart__qty').first().waitFor({ timeout: 10_000 })
        const qty = await fontSize('.cart__qty')
        await emulator.control('close', { deviceCode: 'GZ0001A', doorNo: 1 })
        await waitForText(page, '门已关好')
        await page.locator('.receipt__amount').first().waitFor({ timeout: 10_000 })
        const total = await fontSize('.receipt__amount')
        return { qty, total }
      }

      const normal = await sizes()
      await turnOnElderMode(page)
      const elder = await sizes()
      assert.ok(elder.qty >= normal.qty * 1.2, `cart quantity grows: ${normal.qty}px → ${elder.qty}px`)
      assert.ok(
        elder.total >= normal.total * 1.2,
        `receipt total grows: ${normal.total}px → ${elder.total}px`,
      )

      const said = await page.evaluate(() => (window as unknown as { __said: string[] }).__said)
      assert.ok(
        said.some((t) => t.includes('柜门已打开')),
        `door opened spoken: ${said.join(' / ')}`,
      )
      assert.ok(
        said.some((t) => t.includes('已关门') || t.includes('门已关好')),
        `door closed spoken: ${said.join(' / ')}`,
      )
      assert.ok(
        said.some((t) => /支付|扣款|实付/.test(t) && /元/.test(t)),
        `amount paid spoken: ${said.join(' / ')}`,
      )
    } finally {
      await phone.close()
    }
  },
)
