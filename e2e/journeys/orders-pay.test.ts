/**
 * An unpaid order blocks the cabinet; the shopper pays it in the orders subpackage (the platform's
 * payment, confirmed by the cloud) and the cabinet page then offers 开门.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { journeyFile } from '../lib/journey-file'
import { homeUrl, launch, scenario, tapButton } from '../lib/orders'

const journey = journeyFile('unpaid_order')

test('pay an unpaid order from 我的订单, then the cabinet page shows 开门', async () => {
  const refs = await scenario(journey.emulator, 'unpaid_order')
  const page = await journey.phone()
  const payments: string[] = []
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (req.method() === 'POST' && url.pathname.endsWith('/payments')) payments.push(url.pathname)
  })

  await page.goto(journey.emulator.cabinetUrl({ deviceCode: 'GZ0001A' }))
  await page.locator('[data-gate-reason="UNPAID_ORDER"]').waitFor({ timeout: 20_000 })

  // The same phone opens the app from home (the token it got on the cabinet page is kept).
  await launch(page, homeUrl(journey.emulator))
  await page.getByText('我的订单').click()
  const banner = page.locator('.order-list__unpaid')
  await banner.waitFor({ timeout: 20_000 })
  assert.match(await banner.innerText(), /您有 1 笔待支付订单/)
  await tapButton(page, '去支付')
  const row = page.locator(`.order-row[data-order-id="${refs.unpaidOrderId}"]`)
  await row.waitFor({ timeout: 10_000 })
  assert.equal(await page.locator('[role="tab"][data-value="unpaid"]').getAttribute('aria-selected'), 'true')
  assert.match(await row.innerText(), /待支付/)

  await row.click()
  const pay = page.locator('.order-detail__pay')
  await pay.waitFor({ timeout: 20_000 })
  assert.match(await pay.innerText(), /待支付 ¥\d+\.\d{2}/)
  await tapButton(page, '去支付')
  // The H5 build's stand-in for the platform's cashier; the cloud decides.
  await page.getByText('支付（演示）').waitFor({ timeout: 10_000 })
  await page.getByText('确认', { exact: true }).click()
  await page.getByText('支付成功').first().waitFor({ timeout: 20_000 })
  await page.locator('.order-detail__pay').waitFor({ state: 'detached', timeout: 20_000 })
  assert.match(await page.locator('.receipt__status').innerText(), /支付成功/)
  assert.equal(payments.length, 1, 'one payment')

  // The list no longer nags, and the cabinet opens.
  await page.goBack()
  await page.locator('.order-list__unpaid').waitFor({ state: 'detached', timeout: 10_000 })
  await launch(page, journey.emulator.cabinetUrl({ deviceCode: 'GZ0001A' }))
  await page.getByText('开门', { exact: true }).first().waitFor({ timeout: 20_000 })
  assert.equal(await page.locator('[data-gate-reason="UNPAID_ORDER"]').count(), 0)
})
