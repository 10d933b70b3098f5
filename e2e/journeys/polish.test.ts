/**
 * The polish list of issue 12, each as a shopper, restocker or merchant sees it in a 390 px browser: the
 * door tabs and a button that names the door, a rate limit that counts down to the real time, the amount a
 * failed charge leaves owed, a complaint banner that goes when the fields are fixed, a withdrawal amount on
 * a digit keyboard that still takes pasted (and full-width) text and says what is wrong once, a stocktake
 * toast in plain words, latency in seconds, and products named by name, never by id.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { formatFen } from '../../src/domain/money'
import { cloudReceipt, onlySessionOf } from '../lib/cloud'
import { merchantUrl, tapButton } from '../lib/merchant'
import { apiAs, ordersUrl } from '../lib/orders'
import { button, visible, visibleText, waitForText } from '../lib/screen'
import { emulatorForFile, journey, scanAndOpen } from '../lib/shopper'
import { appUrl } from '../lib/staff'

const emulator = emulatorForFile()

/** An id as the cloud spells it (p_cake): never on a screen. */
const PRODUCT_ID = /\bp_[a-z]+/

/** What the visible page says, in one line. */
async function screenText(page: Page): Promise<string> {
  return (await visible(page, '.taro_page').last().innerText()).replace(/\s+/g, ' ')
}

/** Pastes into a field the way the browser does (its beforeinput, then the text), not key by key. */
async function paste(page: Page, selector: string, text: string): Promise<void> {
  const field = visible(page, selector).first()
  await field.click()
  await field.evaluate((el) => (el as HTMLInputElement).select())
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.keyboard.press('Control+V')
}

journey(
  'dual-door cabinet: the door tabs sit above the button, which names the door; the open screen names it too',
  { emulator, scenario: 'dual_door' },
  async ({ emulator: cloud, page }) => {
    await page.goto(cloud.cabinetUrl({ deviceCode: 'SM0002D', loginCode: 'code:u_happy' }))
    const tabs = visible(page, '.cabinet__doors')
    await tabs.waitFor({ timeout: 15_000 })
    const open = button(page, '打开左门')
    await open.waitFor()
    const [tabsBox, openBox] = [await tabs.boundingBox(), await open.boundingBox()]
    assert.ok(tabsBox && openBox && tabsBox.y + tabsBox.height <= openBox.y, 'the tabs are above 开门')

    await tabs.getByText('右门', { exact: true }).click()
    await button(page, '打开右门').click()
    await waitForText(page, '右门已打开，请取商品')
    assert.equal(onlySessionOf(cloud, 'u_happy').doorNo, 2)
  },
)

journey(
  'rate limit: the wait counts down each second and 预计 … 后可用 is the time on this phone',
  { emulator, scenario: 'rate_limited' },
  async ({ emulator: cloud, page }) => {
    await page.goto(cloud.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_happy' }))
    const countdown = visible(page, '.gate-panel__countdown')
    await countdown.waitFor({ timeout: 15_000 })
    const first = Number(await countdown.getAttribute('data-seconds'))
    assert.match(await countdown.innerText(), new RegExp(`约 ${first} 秒后可再次开门`))
    await page.waitForTimeout(2_200)
    const later = Number(await countdown.getAttribute('data-seconds'))
    assert.ok(later <= first - 2 && later > 0, `the countdown ticks: ${first} → ${later}`)

    // The emulator's cloud lives on another day (the fixtures' Friday noon); the phone shows its own clock.
    const hhmm = (ms: number) =>
      new Date(ms).toLocaleTimeString('zh-CN', {
        timeZone: 'Asia/Shanghai',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      })
    const end = Date.now() + later * 1000
    const expected = [hhmm(end - 1500), hhmm(end + 1500)]
    const shown = (await visible(page, '.gate-panel__available').innerText()).trim()
    assert.ok(
      expected.some((time) => shown === `预计 ${time} 后可用`),
      `"${shown}" is one of ${expected.join(' / ')}`,
    )
  },
)

journey(
  'payment failed: the ending shows the amount owed',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page }) => {
    await cloud.control('fault', { fault: 'payment_failure', deviceCode: 'GZ0001A' })
    await scanAndOpen(page, cloud)
    await cloud.control('take', { deviceCode: 'GZ0001A', productId: 'p_yogurt', qty: 2 })
    await visible(page, '.cart__line[data-product-id="p_yogurt"]').waitFor({ timeout: 5_000 })
    await cloud.control('close', { deviceCode: 'GZ0001A' })
    await waitForText(page, '扣款失败，订单待支付')
    const orderId = onlySessionOf(cloud, 'u_happy').orderId!
    const owed = cloudReceipt(cloud, 'u_happy', orderId).totalFen
    assert.ok(owed > 0)
    assert.equal((await visible(page, '.shopping__owed').innerText()).trim(), `待支付 ${formatFen(owed)}`)
  },
)

journey(
  'complaint form: 填写的信息有误 goes away once the fields are fixed',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page }) => {
    const state = (await cloud.control('state')) as { scenario: { refs: Record<string, string> } }
    await page.goto(ordersUrl(cloud, 'complaint', { orderId: state.scenario.refs.recentOrderId! }))
    await page.locator('.complaint-form').waitFor({ timeout: 20_000 })
    await tapButton(page, '提交申诉')
    await visibleText(page, '填写的信息有误').waitFor()
    await page.locator('[data-line="p_cola"] [role=checkbox]').click()
    await page.locator('[data-choice="kind-p_cola"] [data-value="not_taken"]').click()
    await visibleText(page, '填写的信息有误').waitFor({ state: 'detached' })
    assert.equal(await visible(page, '.notice').count(), 0, 'no banner left over the fixed form')
  },
)

journey(
  'withdrawal: a digit keyboard that still takes pasted text, full-width digits read, a refusal said once',
  { emulator, scenario: 'merchant' },
  async ({ emulator: cloud, page }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto(merchantUrl(cloud, 'withdraw', { accountId: 'acc_wx_M001' }))
    const field = '.withdraw__input input'
    await visible(page, field).waitFor({ timeout: 20_000 })
    assert.equal(await visible(page, field).getAttribute('inputmode'), 'decimal', 'the digit keyboard')

    await paste(page, field, '５０')
    await visible(page, '.withdraw__check').filter({ hasText: '将提现 ¥50.00' }).waitFor()
    await paste(page, field, '¥ 1,288.00')
    await visible(page, '.withdraw__check').filter({ hasText: '金额中不能有逗号' }).waitFor()

    await paste(page, field, '9.99')
    await tapButton(page, '下一步')
    await visible(page, '.withdraw__form [role="alert"]').waitFor()
    const text = await screenText(page)
    assert.equal(text.split('最低提现¥10.00').length - 1, 1, `the reason is said once: ${text}`)
  },
)

journey(
  'stocktake: a missing reason is asked for in plain words, with no 补货单',
  { emulator, scenario: 'restocker' },
  async ({ emulator: cloud, page }) => {
    await page.goto(
      appUrl(cloud, '/packages/staff/pages/stocktake/index', { code: 'GZ0001A' }, 'code:u_staff'),
    )
    const cola = visible(page, '.stocktake__row[data-product-id="p_cola"]')
    await cola.waitFor({ timeout: 20_000 })
    await cola.locator('[data-step="minus"]').click()
    await visible(page, '.stocktake__row--diff').waitFor()
    await tapButton(page, '提交盘点')
    // The toast's own root has no box (its panel is fixed): wait for its words, then read them all.
    await visibleText(page, /请选择/)
      .first()
      .waitFor({ timeout: 5_000 })
    const words = (await page.locator('.taro__toast').last().innerText()).trim()
    assert.equal(words, '请选择差异原因')
    assert.doesNotMatch(words, /补货单/)
  },
)

journey(
  'merchant latency reads in seconds with one decimal',
  { emulator, scenario: 'merchant' },
  async ({ emulator: cloud, page }) => {
    await page.goto(merchantUrl(cloud, 'statistics'))
    await visible(page, '[data-value="7d"]').click({ timeout: 20_000 })
    const timed = visible(page, '.statistics__latency-row').filter({ hasText: /秒/ })
    await timed.first().waitFor({ timeout: 10_000 })
    for (const row of await visible(page, '.statistics__latency-row').allInnerTexts()) {
      assert.match(row, /(\d+\.\d 秒|—) \/ (\d+\.\d 秒|—)/)
      assert.doesNotMatch(row, /ms/)
    }
  },
)

journey(
  'staff alarms name the product (提拉米苏), not its id',
  { emulator, scenario: 'demo' },
  async ({ emulator: cloud, page }) => {
    await page.goto(appUrl(cloud, '/packages/staff/pages/alarms/index', {}, 'code:u_staff'))
    const stock = visible(
      page,
      '.alarm-list__item[data-alarm-kind="sold_out"], .alarm-list__item[data-alarm-kind="low_stock"]',
    )
    await stock.first().waitFor({ timeout: 20_000 })
    for (const text of await stock.allInnerTexts()) {
      assert.match(text, /(已售罄|库存不足) · [\u4e00-\u9fff]/, `a product name: ${text}`)
      assert.doesNotMatch(text, PRODUCT_ID)
    }
  },
)

journey(
  'merchant correction: a product the shopper names instead is never shown by its id',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page }) => {
    const state = (await cloud.control('state')) as { scenario: { refs: Record<string, string> } }
    const shopper = await apiAs(cloud, 'u_happy')
    const complaint = await shopper.post('/v1/complaints', {
      orderId: state.scenario.refs.recentOrderId,
      items: [{ productId: 'p_chips', kind: 'misrecognized', actualProductId: 'p_water' }],
      description: '',
      photoUploadIds: [],
    })
    await page.goto(merchantUrl(cloud, 'complaint', { id: String(complaint.id) }))
    await visible(page, '.complaint__decide').waitFor({ timeout: 20_000 })
    const text = await screenText(page)
    assert.match(text, /乐事薯片/)
    assert.doesNotMatch(text, PRODUCT_ID)
    await tapButton(page, '同意并退差额')
    assert.doesNotMatch(await visible(page, '.complaint__summary').innerText(), PRODUCT_ID)
  },
)
