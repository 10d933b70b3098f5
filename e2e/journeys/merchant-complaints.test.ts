/**
 * Complaint handling in a real browser: the shopper's lines, photo and the session's shelf log; approval
 * with a corrected line refunds the difference 原路返回 (seen through the shopper's own API); a second
 * approval from another phone and a corrected order above the original are refused; a rejection needs a
 * reply, which the shopper then reads.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { apiAs, merchantJourney, merchantUrl, tapButton } from '../lib/merchant'

const journey = merchantJourney()
let refs: { complaintId: string; recentOrderId: string }

async function freshScenario(): Promise<void> {
  const state = (await journey.emulator.control('scenario', { name: 'merchant' })) as {
    scenario: { refs: typeof refs }
  }
  refs = state.scenario.refs
}

async function openComplaint(page: Page): Promise<void> {
  await page.goto(merchantUrl(journey.emulator, 'complaint', { id: refs.complaintId }))
  await page.locator('.complaint__decide').waitFor({ timeout: 20_000 })
}

interface ShopperOrder {
  status: string
  totalFen: number
  refunds: { amountFen: number; destination: string }[]
  complaint: { state: string } | null
}

test('a complaint approved with a corrected line refunds the difference, visible to the shopper', async () => {
  await freshScenario()
  const page = await journey.phone()
  await page.goto(merchantUrl(journey.emulator, 'complaints'))
  const card = page.locator(`[data-complaint-id="${refs.complaintId}"]`)
  await card.waitFor({ timeout: 20_000 })
  assert.match(await card.innerText(), /可口可乐 330ml：数量不对（实际 1 件）/)
  await card.click()
  await page.locator('.complaint__decide').waitFor({ timeout: 10_000 })

  const text = await page.locator('.complaint').innerText()
  assert.match(text, /只拿了一瓶可乐，扣了两瓶的钱/, 'the shopper’s words')
  assert.match(text, /取走 可口可乐 330ml ×2/, 'the shelf log of the session')
  const photo = page.locator('.complaint__photo img').first()
  await page.waitForFunction((el) => (el as HTMLImageElement).naturalWidth > 0, await photo.elementHandle())
  assert.equal(
    await page.locator('[data-product-id="p_cola"] .stepper__value').innerText(),
    '1',
    'pre-filled',
  )

  await page.locator('.complaint__reply textarea').fill('核实称重记录，退一瓶可乐的差价')
  await tapButton(page, '同意并退差额')
  assert.match(await page.locator('.complaint__confirm').innerText(), /可口可乐 330ml×1、乐事薯片 原味 70g×1/)
  await tapButton(page, '确认同意')
  const outcome = page.locator('.complaint__outcome')
  await outcome.waitFor({ timeout: 10_000 })
  assert.match(await outcome.innerText(), /处理结果：已处理/)
  const refundFen = Number(await page.locator('[data-refund-fen]').getAttribute('data-refund-fen'))
  assert.ok(refundFen > 0)
  assert.match(await outcome.innerText(), new RegExp(`¥${(refundFen / 100).toFixed(2)} 原路返回`))

  // The shopper's side, through the shopper's own API: the refund is on the order, the complaint handled.
  const order = await apiAs<ShopperOrder>(journey.emulator, 'u_happy', `/v1/orders/${refs.recentOrderId}`)
  assert.equal(order.status, 'partially_refunded')
  assert.deepEqual(
    order.refunds.map((r) => [r.amountFen, r.destination]),
    [[refundFen, '原路返回']],
  )
  assert.equal(order.complaint?.state, 'resolved')
  const complaint = await apiAs<{ reply: string; refund: { amountFen: number } }>(
    journey.emulator,
    'u_happy',
    `/v1/complaints/${refs.complaintId}`,
  )
  assert.equal(complaint.reply, '核实称重记录，退一瓶可乐的差价')
  assert.equal(complaint.refund.amountFen, refundFen)
})

test('approving again from a second phone is refused as already handled; one refund only', async () => {
  await freshScenario()
  const first = await journey.phone()
  const second = await journey.phone()
  await openComplaint(first)
  await openComplaint(second)
  await tapButton(first, '同意并退差额')
  await tapButton(first, '确认同意')
  await first.locator('.complaint__outcome').waitFor({ timeout: 10_000 })

  await tapButton(second, '同意并退差额')
  await tapButton(second, '确认同意')
  const refusal = second.locator('[data-error-code="COMPLAINT_ALREADY_HANDLED"]')
  await refusal.waitFor({ timeout: 10_000 })
  assert.match(await refusal.innerText(), /申诉已处理/)
  assert.match(await second.locator('.complaint__outcome').innerText(), /已处理/)
  const order = await apiAs<ShopperOrder>(journey.emulator, 'u_happy', `/v1/orders/${refs.recentOrderId}`)
  assert.equal(order.refunds.length, 1, 'refunded once')
})

test('a corrected order above the original is refused with the cloud’s reason; nothing is applied', async () => {
  await freshScenario()
  const page = await journey.phone()
  await openComplaint(page)
  for (let i = 0; i < 2; i += 1) await page.locator('[data-product-id="p_chips"] [data-step="plus"]').click()
  await page.locator('[data-product-id="p_chips"] .stepper__value').filter({ hasText: /^3$/ }).waitFor()
  await tapButton(page, '同意并退差额')
  await tapButton(page, '确认同意')
  const refusal = page.locator('.complaint__decide [data-error-code="VALIDATION_FAILED"]')
  await refusal.waitFor({ timeout: 10_000 })
  assert.match(await refusal.innerText(), /更正后金额不能高于原订单金额/)
  const order = await apiAs<ShopperOrder>(journey.emulator, 'u_happy', `/v1/orders/${refs.recentOrderId}`)
  assert.deepEqual([order.status, order.refunds.length, order.complaint?.state], ['paid', 0, 'pending'])
})

test('a rejection without a reply is refused on the phone; with one, the shopper reads it', async () => {
  await freshScenario()
  const page = await journey.phone()
  await openComplaint(page)
  await tapButton(page, '驳回')
  const refusal = page.locator('.complaint__decide [role="alert"]')
  await refusal.waitFor({ timeout: 5_000 })
  assert.match(await refusal.innerText(), /请填写驳回理由/)
  await page.locator('.complaint__reply textarea').fill('称重记录显示取走两瓶可乐')
  await tapButton(page, '驳回')
  await tapButton(page, '确认驳回')
  await page.locator('.complaint__outcome').waitFor({ timeout: 10_000 })
  assert.match(await page.locator('.complaint__outcome').innerText(), /已驳回[\s\S]*称重记录显示取走两瓶可乐/)
  const complaint = await apiAs<{ state: string; reply: string }>(
    journey.emulator,
    'u_happy',
    `/v1/complaints/${refs.complaintId}`,
  )
  assert.deepEqual([complaint.state, complaint.reply], ['rejected', '称重记录显示取走两瓶可乐'])
})
