/**
 * The merchant's money in a real browser: receipts for 7 days with both channels and a drill-down into a
 * day's orders, the statistics drawn as charts with the slowest cabinet first, and a shopper refused.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiAs, merchantJourney, merchantUrl } from '../lib/merchant'

const journey = merchantJourney()

interface Report {
  rows: { key: string; netFen: number; orderCount: number }[]
  total: { netFen: number; orderCount: number; byChannel: { channel: string; grossFen: number }[] }
}

test('receipts for 7 days show both channels, each day, and the orders behind a day', async () => {
  await journey.emulator.control('scenario', { name: 'merchant' })
  const page = await journey.phone()
  await page.goto(merchantUrl(journey.emulator, 'receipts'))
  const total = page.locator('[data-range]')
  await total.waitFor({ timeout: 20_000 })
  assert.equal(await total.getAttribute('data-range'), '2026-11-14~2026-11-20', 'the cloud’s last 7 days')

  const cloud = await apiAs<Report>(
    journey.emulator,
    'u_merchant',
    '/v1/merchant/receipts?from=2026-11-14&to=2026-11-20',
  )
  const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`
  assert.equal(
    await page.locator('[data-total="net"]').innerText(),
    yuan(cloud.total.netFen),
    'exact to the fen',
  )
  for (const channel of ['wxpay', 'alipay']) {
    const row = await page.locator(`[data-channel="${channel}"]`).innerText()
    const gross = cloud.total.byChannel.find((c) => c.channel === channel)!.grossFen
    assert.ok(gross > 0, `${channel} took money`)
    assert.ok(row.includes(yuan(gross)), `${channel}: ${row}`)
  }
  assert.match(await page.locator('[data-channel="wxpay"]').innerText(), /微信支付/)
  assert.match(await page.locator('[data-channel="alipay"]').innerText(), /支付宝/)
  assert.equal(await page.locator('[data-row-key]').count(), 7, 'one row per day')

  const day = cloud.rows.find((r) => r.orderCount > 0 && r.key !== '2026-11-20')!
  await page.locator(`[data-row-key="${day.key}"]`).click()
  await page.getByText(`${day.key} 的订单`).waitFor({ timeout: 10_000 })
  await page.locator('[data-order-id]').first().waitFor()
  while (await page.locator('.m-more').isVisible()) {
    const shownBefore = await page.locator('[data-order-id]').count()
    await page.locator('.m-more').click()
    await page.waitForFunction((n) => document.querySelectorAll('[data-order-id]').length > n, shownBefore)
  }
  const orders = page.locator('[data-order-id]')
  assert.ok((await orders.count()) >= day.orderCount, `the day's ${day.orderCount} orders are listed`)
  assert.match(await orders.first().innerText(), new RegExp(`${day.key} \\d{2}:\\d{2}`))
})

test('receipts by cabinet name every cabinet; its row opens that cabinet’s orders', async () => {
  await journey.emulator.control('scenario', { name: 'merchant' })
  const page = await journey.phone()
  await page.goto(merchantUrl(journey.emulator, 'receipts'))
  await page.locator('[data-range]').waitFor({ timeout: 20_000 })
  await page.locator('[data-value="device"]').click()
  await page.locator('[data-row-key="SM0002D"]').waitFor({ timeout: 10_000 })
  assert.deepEqual(
    await page.locator('[data-row-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row-key'))),
    ['GZ0001A', 'SM0002D', 'SJ0001V'],
  )
  assert.match(await page.locator('[data-row-key="SM0002D"]').innerText(), /鲜享2号双门柜/)
  await page.locator('[data-row-key="SM0002D"]').click()
  await page.getByText('鲜享2号双门柜 的订单').waitFor({ timeout: 10_000 })
  await page.locator('[data-order-id]').first().waitFor({ timeout: 10_000 })
  const texts = await page.locator('[data-order-id]').allInnerTexts()
  assert.ok(texts.length > 0 && texts.every((t) => t.includes('鲜享2号双门柜')))
})

test('statistics: 7 days drawn as charts, per cabinet and top goods, latency slowest first', async () => {
  await journey.emulator.control('scenario', { name: 'merchant' })
  const page = await journey.phone()
  await page.goto(merchantUrl(journey.emulator, 'statistics'))
  await page.locator('[data-chart="series"]').waitFor({ timeout: 20_000 })
  await page.locator('[data-value="7d"]').click()
  await page.waitForFunction(() => document.querySelectorAll('[data-chart="series"] [data-key]').length === 7)
  const columns = await page
    .locator('[data-chart="series"] .column-chart__column')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))
  assert.equal(columns.length, 7)
  assert.ok(Math.max(...columns) > 50, 'the best day’s column is drawn tall')
  assert.ok(
    columns.every((h) => h > 0),
    'every day sold something and shows a column',
  )
  const bars = await page
    .locator('[data-chart="devices"] .bar-list__bar')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width))
  assert.equal(bars.length, 3)
  assert.deepEqual(
    bars,
    [...bars].sort((a, b) => b - a),
    'best-selling cabinet first',
  )
  assert.ok((await page.locator('[data-chart="goods"] [data-key]').count()) > 0, 'top goods listed')
  const kpis = await page.locator('[data-kpi]').allInnerTexts()
  assert.equal(kpis.length, 3)
  assert.match(kpis[0]!, /^¥\d+\.\d{2}$/)

  const stats = await apiAs<{ latency: { deviceCode: string; openP95Ms: number; settleP95Ms: number }[] }>(
    journey.emulator,
    'u_merchant',
    '/v1/merchant/statistics?range=7d',
  )
  const shown = await page
    .locator('[data-device-code]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-device-code')))
  const worst = (code: string | null) => {
    const l = stats.latency.find((r) => r.deviceCode === code)!
    return Math.max(l.openP95Ms / 900, l.settleP95Ms / 1500)
  }
  assert.equal(shown.length, 3)
  assert.deepEqual(
    shown.map(worst),
    [...shown.map(worst)].sort((a, b) => b - a),
    'slowest cabinet first',
  )
})

test('a shopper who opens the merchant workspace is refused with the catalogue’s words', async () => {
  await journey.emulator.control('scenario', { name: 'merchant' })
  const page = await journey.phone()
  for (const screen of ['home', 'receipts', 'wallet']) {
    await page.goto(merchantUrl(journey.emulator, screen, {}, 'code:u_happy'))
    await page.reload()
    const refusal = page.locator('[data-error-code="FORBIDDEN"]').first()
    await refusal.waitFor({ timeout: 20_000 })
    assert.match(await refusal.innerText(), /没有操作权限/)
    assert.equal(await page.getByText('可提现').count(), 0, 'no balance is shown')
  }
})
