/**
 * The first slice in a real browser: a shopper scans a cabinet's QR and lands on its page; a hostile QR
 * gets a Chinese error and never reaches the cloud; a blocked gate shows its reason and next step.
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, test } from 'node:test'
import { keepScreenshot, openPhone, type Phone } from '../lib/browser'
import { startEmulator, type Emulator } from '../lib/emulator'

let emulator: Emulator
let phone: Phone
let apiCalls: string[]

before(async () => {
  emulator = await startEmulator('happy')
})

after(async () => {
  await emulator.stop()
})

async function newPhone(): Promise<Phone> {
  const p = await openPhone()
  apiCalls = []
  p.page.on('request', (req) => {
    const url = new URL(req.url())
    if (url.pathname.startsWith('/v1/')) apiCalls.push(`${req.method()} ${url.pathname}`)
  })
  return p
}

afterEach(async (t) => {
  if (phone) {
    if (t.name && process.exitCode) await keepScreenshot(phone.page, t.name)
    await phone.close()
  }
})

test('scanning a cabinet QR opens its page: name, place, goods with prices, promotions, service phone', async () => {
  await emulator.control('scenario', { name: 'happy' })
  phone = await newPhone()
  const { page } = phone
  await page.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A' }))
  await page.getByText('鲜享1号柜').first().waitFor({ timeout: 15_000 })
  const text = await page.locator('body').innerText()
  assert.match(text, /客服电话\s*\d/)
  assert.match(text, /¥\d+\.\d{2}/)
  assert.ok(await page.getByText('开门', { exact: true }).first().isVisible(), 'the 开门 button is shown')
  assert.deepEqual(
    apiCalls.filter((c) => c.includes('/landing')),
    ['GET /v1/devices/GZ0001A/landing'],
    'one round trip for the page',
  )
})

test('a hostile QR shows the Chinese QR error and nothing of it reaches the cloud', async () => {
  phone = await newPhone()
  const { page } = phone
  for (const qrText of [
    'https://qr.kaimengui.cn.evil.com/c/GZ0001A',
    'javascript:alert(document.cookie)',
    'https://qr.kaimengui.cn/c/GZ0001A/../../admin',
  ]) {
    await page.goto(emulator.cabinetUrl({ qrText }))
    await page.locator('[data-error-code="QR_INVALID"]').waitFor({ timeout: 15_000 })
    assert.match(await page.locator('[data-error-code="QR_INVALID"]').innerText(), /二维码/)
  }
  // The launch asks the cloud what is still going on for this user (DESIGN §7); nothing else is sent, and
  // nothing about any cabinet: the QR text never leaves the phone.
  const launchQuestion = new Set(['POST /v1/auth/login', 'GET /v1/me/active'])
  assert.deepEqual(
    apiCalls.filter((c) => !launchQuestion.has(c)),
    [],
    'no request about the scanned cabinet reached the cloud',
  )
})

for (const [scenario, reason] of [
  ['offline_device', 'DEVICE_OFFLINE'],
  ['expired_device', 'DEVICE_SERVICE_EXPIRED'],
  ['unpaid_order', 'UNPAID_ORDER'],
] as const) {
  test(`${scenario}: the gate shows ${reason} with its message and next step instead of 开门`, async () => {
    await emulator.control('scenario', { name: scenario })
    phone = await newPhone()
    const { page } = phone
    await page.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A' }))
    const panel = page.locator(`[data-gate-reason="${reason}"]`)
    await panel.waitFor({ timeout: 15_000 })
    const text = await panel.innerText()
    assert.match(text, /[\u4e00-\u9fff]{2,}/, 'a Chinese message')
    assert.equal(await page.getByText('开门', { exact: true }).count(), 0, 'no 开门 button')
    if (reason === 'UNPAID_ORDER') assert.match(text, /¥\d+\.\d{2}/, 'the amount due is shown')
  })
}
