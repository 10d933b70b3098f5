/**
 * Restockers in a real browser: the same cabinet QR offers 购物 / 补货 / 盘点 to the cabinet's staff; a
 * free restock shows the cabinet's +/− live, the summary is adjusted and confirmed, and the shopper's
 * cabinet page shows the new stock; a restock by 补货单 needs a reason for its discrepancy; a stocktake
 * with two differences; counts the app refuses.
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, test } from 'node:test'
import { keepScreenshot, openPhone, type Phone } from '../lib/browser'
import { startEmulator, type Emulator } from '../lib/emulator'
import { appUrl, freeRestockToSummary, tapButton } from '../lib/staff'

let emulator: Emulator
const phones: Phone[] = []

before(async () => {
  emulator = await startEmulator('restocker')
})

after(async () => {
  await emulator.stop()
})

afterEach(async (t) => {
  for (const open of phones.splice(0)) {
    if (process.exitCode) await keepScreenshot(open.page, `staff-restock ${t.name}`)
    await open.close()
  }
})

async function phone(): Promise<Phone['page']> {
  const p = await openPhone()
  phones.push(p)
  return p.page
}

const stock = (productId: string, code = 'GZ0001A') =>
  emulator.cloud
    .inspect()
    .devices.get(code)
    ?.goods.find((g) => g.productId === productId)?.stock
const door = { deviceCode: 'GZ0001A', doorNo: 1 }

test('staff scan → 补货 → free restock with +3/−1 from the cabinet → adjust → confirm → the shopper sees the new stock', async () => {
  await emulator.control('scenario', { name: 'restocker' })
  const page = await phone()
  await page.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_staff' }))
  const choices = page.locator('[data-staff-actions]')
  await choices.waitFor({ timeout: 20_000 })
  assert.equal(await choices.getAttribute('data-staff-actions'), 'shop,restock,stocktake')
  assert.ok(await choices.getByText('购物', { exact: true }).isVisible())
  await choices.getByText('补货', { exact: true }).click()

  await tapButton(page, '开门补货')
  await page.getByText('柜门已打开，请补货').waitFor({ timeout: 20_000 })
  await emulator.control('return', { ...door, productId: 'p_chips', qty: 3 })
  await emulator.control('take', { ...door, productId: 'p_milk', qty: 1 })
  await page
    .locator('.live-changes [data-product-id="p_chips"]', { hasText: '+3' })
    .waitFor({ timeout: 5_000 })
  await page
    .locator('.live-changes [data-product-id="p_milk"]', { hasText: '−1' })
    .waitFor({ timeout: 5_000 })
  assert.equal(stock('p_chips'), 0, 'nothing is booked while the door is open')

  await emulator.control('close', door)
  const chips = page.locator('.restock-summary [data-product-id="p_chips"]')
  await chips.waitFor({ timeout: 10_000 })
  assert.match(await chips.innerText(), /补货前 0/)
  assert.match(await chips.innerText(), /\+3/)
  // The restocker counts one more bag than the shelf weighed.
  await chips.locator('[data-step="plus"]').click()
  await chips.getByText('+4').waitFor()
  assert.match(await chips.innerText(), /柜子计数 3/)
  await tapButton(page, '确认补货')
  await page.getByText('补货完成，库存已更新').waitFor({ timeout: 10_000 })

  assert.deepEqual([stock('p_chips'), stock('p_milk')], [4, 1])
  const rs = [...emulator.cloud.inspect().restockSessions.values()].at(-1)!
  assert.equal(rs.events.filter((e) => e.kind === 'confirmed').length, 1, 'confirmed once')

  const shopper = await phone()
  await shopper.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_happy' }))
  const chipsOnShelf = shopper.locator('.goods-list [data-product-id="p_chips"]')
  await chipsOnShelf.waitFor({ timeout: 20_000 })
  assert.match(await chipsOnShelf.innerText(), /有货/)
  assert.match(await shopper.locator('.goods-list [data-product-id="p_milk"]').innerText(), /库存紧张/)
  assert.equal(
    await shopper.locator('[data-staff-actions]').count(),
    0,
    'a shopper is offered no staff actions',
  )
})

test('restock by 补货单: planned vs actual, the one discrepancy is highlighted and needs a reason; confirm closes the order', async () => {
  await emulator.control('scenario', { name: 'restocker' })
  const orderId = emulator.cloud.scenario.refs.restockOrderId!
  const page = await phone()
  await page.goto(
    appUrl(emulator, '/packages/staff/pages/restock/index', { code: 'GZ0001A' }, 'code:u_staff'),
  )
  const order = page.locator(`[data-restock-order-id="${orderId}"]`)
  await order.waitFor({ timeout: 20_000 })
  assert.match(await order.innerText(), /乐事薯片[\s\S]*计划 10[\s\S]*蒙牛纯牛奶[\s\S]*计划 8/)
  await tapButton(page, '按此补货单开门', `[data-restock-order-id="${orderId}"]`)
  await page.getByText('柜门已打开，请补货').waitFor({ timeout: 20_000 })
  await emulator.control('return', { ...door, productId: 'p_chips', qty: 10 })
  await emulator.control('return', { ...door, productId: 'p_milk', qty: 6 })
  await emulator.control('close', door)

  const milk = page.locator('.restock-summary [data-product-id="p_milk"]')
  await milk.waitFor({ timeout: 10_000 })
  assert.match(await milk.innerText(), /补货单计划 8，实际 6，差异 −2/)
  assert.match((await milk.getAttribute('class')) ?? '', /restock-summary__line--off/)
  assert.match(await page.locator('.restock-summary [data-product-id="p_chips"]').innerText(), /与计划一致/)
  await tapButton(page, '确认补货')
  await page.getByText('请选择差异原因').first().waitFor()
  assert.equal(
    emulator.cloud.inspect().restockOrders.get(orderId)?.state,
    'open',
    'nothing sent without a reason',
  )

  await milk.getByText('丢失', { exact: true }).click()
  await tapButton(page, '确认补货')
  await page.getByText('补货完成，库存已更新').waitFor({ timeout: 10_000 })
  const done = emulator.cloud.inspect().restockOrders.get(orderId)!
  assert.equal(done.state, 'done')
  assert.deepEqual(
    done.lines.map((l) => [l.productId, l.plannedQty, l.actualQty, l.reason]),
    [
      ['p_chips', 10, 10, undefined],
      ['p_milk', 8, 6, 'lost'],
    ],
  )
})

test('stocktake with two differences: highlighted, a reason each, submitted, and in the history', async () => {
  await emulator.control('scenario', { name: 'restocker' })
  const page = await phone()
  await page.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_staff' }))
  await page.locator('[data-staff-actions]').getByText('盘点', { exact: true }).click({ timeout: 20_000 })
  const cola = page.locator('.stocktake__row[data-product-id="p_cola"]')
  const yogurt = page.locator('.stocktake__row[data-product-id="p_yogurt"]')
  await cola.waitFor({ timeout: 20_000 })
  assert.match(await cola.innerText(), /系统 12/)
  await cola.locator('input').fill('10')
  await yogurt.locator('[data-step="plus"]').click()
  await page.locator('.stocktake__row--diff').nth(1).waitFor()
  assert.equal(await page.locator('.stocktake__row--diff').count(), 2)
  assert.equal(await cola.getAttribute('data-diff'), '-2')
  assert.equal(await yogurt.getAttribute('data-diff'), '1')
  await cola.getByText('过期', { exact: true }).click()
  await yogurt.getByText('其他', { exact: true }).click()
  await tapButton(page, '提交盘点')
  await page.getByText('盘点已提交，库存已更正').waitFor({ timeout: 10_000 })
  assert.deepEqual([stock('p_cola'), stock('p_yogurt')], [10, 6])

  await page.getByText('盘点记录', { exact: true }).click()
  await page
    .getByText(/2 处差异/)
    .first()
    .waitFor({ timeout: 10_000 })
  const record = await page.locator('.stocktake__record').first().innerText()
  assert.match(record, /可口可乐 330ml：系统 12 → 实盘 10（−2，过期）/)
  assert.match(record, /安慕希酸奶 205g：系统 5 → 实盘 6（\+1，其他）/)
})

test('negative and above-capacity counts are refused on the phone and by the emulator; a second confirm changes nothing', async () => {
  await emulator.control('scenario', { name: 'restocker' })
  const page = await phone()
  const chips = await freeRestockToSummary(emulator, page, { productId: 'p_chips', qty: 2 })

  await chips.locator('input').fill('99')
  await chips.getByText('数量超过容量（最多 10）').waitFor()
  await tapButton(page, '确认补货')
  // The toast names the problem (the line below it says what to fix).
  await page.getByText('数量超过容量', { exact: true }).first().waitFor()
  await chips.locator('input').fill('-3')
  await chips.getByText('数量不正确').waitFor()
  const rs = [...emulator.cloud.inspect().restockSessions.values()].at(-1)!
  assert.equal(rs.state, 'closed', 'nothing was confirmed')
  assert.equal(stock('p_chips'), 0)

  await chips.locator('input').fill('2')
  await tapButton(page, '确认补货')
  await page.getByText('补货完成，库存已更新').waitFor({ timeout: 10_000 })
  assert.equal(stock('p_chips'), 2)
  // The emulator refuses what the phone would never send: another confirm of the same session.
  const staffToken = emulator.cloud.login({ platform: 'h5', code: 'code:u_staff' }).token
  const again = await fetch(`${emulator.url}/v1/staff/restock-sessions/${rs.id}/confirm`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${staffToken}`,
      'content-type': 'application/json',
      'idempotency-key': 'e2e-again-0001',
    },
    body: JSON.stringify({ lines: [{ productId: 'p_chips', after: 9 }] }),
  })
  assert.equal(again.status, 409)
  assert.equal(((await again.json()) as { code: string }).code, 'RESTOCK_ALREADY_CONFIRMED')
  assert.equal(stock('p_chips'), 2)
})
