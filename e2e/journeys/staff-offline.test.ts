/**
 * A restock confirmed in a basement: the phone has no network when the restocker taps 确认补货. The
 * confirmation is kept on the phone as 待同步 and sent exactly once when the network returns, also when
 * the app was reloaded meanwhile.
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, test } from 'node:test'
import { keepScreenshot, openPhone, type Phone } from '../lib/browser'
import { startEmulator, type Emulator } from '../lib/emulator'
import { freeRestockToSummary, tapButton } from '../lib/staff'

let emulator: Emulator
let current: Phone | null = null

before(async () => {
  emulator = await startEmulator('restocker')
})

after(async () => {
  await emulator.stop()
})

afterEach(async (t) => {
  await emulator.control('network', { dropRequests: 0 })
  if (current) {
    if (process.exitCode) await keepScreenshot(current.page, `staff-offline ${t.name}`)
    await current.close()
    current = null
  }
})

const stock = (productId: string) =>
  emulator.cloud
    .inspect()
    .devices.get('GZ0001A')
    ?.goods.find((g) => g.productId === productId)?.stock
const lastSession = () => [...emulator.cloud.inspect().restockSessions.values()].at(-1)!
const confirmations = () => lastSession().events.filter((e) => e.kind === 'confirmed').length

/** Free restock of GZ0001A up to the summary: +2 chips from the shelves, the door closed. */
async function toSummary(): Promise<Phone['page']> {
  current = await openPhone()
  await freeRestockToSummary(emulator, current.page, { productId: 'p_chips', qty: 2 })
  return current.page
}

test('confirmed while the phone is offline: 待同步, nothing reaches the cloud, then synced once when the network returns', async () => {
  await emulator.control('scenario', { name: 'restocker' })
  const page = await toSummary()
  await current!.context.setOffline(true)
  const chips = page.locator('.restock-summary [data-product-id="p_chips"]')
  await chips.locator('[data-step="plus"]').click() // 3 on the shelf, the scale said 2
  await tapButton(page, '确认补货')
  const pending = page.locator('[data-sync="pending"]')
  await pending.waitFor({ timeout: 5_000 })
  assert.match(await pending.innerText(), /待同步 1 项[\s\S]*网络恢复后自动提交/)
  await page.waitForTimeout(1_500)
  assert.equal(lastSession().state, 'closed', 'the cloud has not seen the confirmation')
  assert.equal(stock('p_chips'), 0)

  await current!.context.setOffline(false)
  await page.getByText('补货完成，库存已更新').waitFor({ timeout: 15_000 })
  assert.equal(stock('p_chips'), 3)
  assert.equal(confirmations(), 1)
  assert.equal(await page.locator('[data-sync]').count(), 0)
})

test('…and reloaded before the network returns: the counts and the confirmation survive and are sent once', async () => {
  await emulator.control('scenario', { name: 'restocker' })
  const page = await toSummary()
  // Every API request fails from here on (the phone's "network"); the page itself still loads.
  await emulator.control('network', { dropRequests: 1_000_000 })
  const chips = page.locator('.restock-summary [data-product-id="p_chips"]')
  await chips.locator('input').fill('5')
  await tapButton(page, '确认补货')
  await page.locator('[data-sync="pending"]').waitFor({ timeout: 5_000 })

  await page.reload()
  const kept = page.locator('[data-sync="pending"]')
  await kept.waitFor({ timeout: 20_000 })
  assert.match(await kept.innerText(), /待同步 1 项/)
  assert.match(await page.locator('.restock-summary [data-product-id="p_chips"]').innerText(), /补货后 5/)
  assert.equal(lastSession().state, 'closed')

  await emulator.control('network', { dropRequests: 0 })
  await page.getByText('补货完成，库存已更新').waitFor({ timeout: 20_000 })
  assert.equal(stock('p_chips'), 5)
  assert.equal(confirmations(), 1)
})
