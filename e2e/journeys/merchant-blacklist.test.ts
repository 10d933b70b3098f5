/**
 * The merchant's blacklist in a real browser: the merchant blocks a complaint's shopper with a reason; that
 * shopper's next scan of the merchant's cabinet is refused by the gate (USER_BLACKLISTED, no 开门); the
 * merchant finds the shopper on 黑名单 (masked phone, reason, since when) and unblocks them after a
 * confirmation; the shopper then opens the door.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ERROR_CATALOGUE } from '../../src/domain/errors'
import { apiAs, merchantJourney, merchantUrl, tapButton } from '../lib/merchant'
import { visible, visibleText } from '../lib/screen'
import { FAST_SETTINGS, tapOpen } from '../lib/shopper'

const journey = merchantJourney()

test('blocked from a complaint, the shopper cannot open the merchant’s cabinet until unblocked', async () => {
  const state = (await journey.emulator.control('scenario', { name: 'merchant' })) as {
    scenario: { refs: { complaintId: string } }
  }
  await journey.emulator.control('settings', FAST_SETTINGS)
  const { complaintId } = state.scenario.refs
  const merchant = await journey.phone()
  const shopper = await journey.phone()

  // The merchant blocks the complaint's shopper, with a reason.
  await merchant.goto(merchantUrl(journey.emulator, 'complaint', { id: complaintId }))
  await merchant.locator('.block-shopper__open').click({ timeout: 20_000 })
  await tapButton(merchant, '确认拉黑')
  const refusal = merchant.locator('.block-shopper [role="alert"]')
  await refusal.waitFor({ timeout: 5_000 })
  assert.match(await refusal.innerText(), /请填写拉黑原因/, 'a reason is required')
  await merchant.locator('.block-shopper__reason textarea').fill('多次恶意投诉')
  await tapButton(merchant, '确认拉黑')
  const done = merchant.locator('.block-shopper--done')
  await done.waitFor({ timeout: 10_000 })
  assert.match(await done.innerText(), /已拉黑 138\*\*\*\*0001/)

  // The shopper scans the merchant's cabinet: the gate says why, and there is no 开门.
  await shopper.goto(journey.emulator.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_happy' }))
  const gate = visible(shopper, '[data-gate-reason="USER_BLACKLISTED"]')
  await gate.waitFor({ timeout: 15_000 })
  assert.equal(
    (await gate.locator('.gate-panel__title').innerText()).trim(),
    ERROR_CATALOGUE.USER_BLACKLISTED.message,
  )
  assert.equal(await visibleText(shopper, '开门').count(), 0, 'no 开门 button')

  // The merchant finds the shopper on 黑名单 from the home page, and unblocks them after a confirmation.
  await merchant.goto(merchantUrl(journey.emulator, 'home'))
  await merchant.locator('.merchant-home__entry', { hasText: '黑名单' }).click({ timeout: 20_000 })
  const entry = merchant.locator('.blacklist__item')
  await entry.waitFor({ timeout: 10_000 })
  const text = await entry.innerText()
  assert.match(text, /138\*\*\*\*0001/)
  assert.match(text, /原因：多次恶意投诉/)
  assert.match(
    text,
    new RegExp(`鲜享老板 拉黑于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} · 来自客诉 ${complaintId}`),
  )
  await entry.locator('.blacklist__unblock').click()
  assert.match(await entry.locator('[role="dialog"]').innerText(), /确定解除吗/)
  await tapButton(merchant, '确认解除')
  await merchant.locator('.m-empty', { hasText: '黑名单为空' }).waitFor({ timeout: 10_000 })
  const list = await apiAs<{ items: unknown[] }>(journey.emulator, 'u_merchant', '/v1/merchant/blacklist')
  assert.deepEqual(list.items, [], 'the cloud’s list is empty too')

  // The shopper scans again and opens the door.
  await shopper.goto(journey.emulator.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_happy' }))
  await shopper.reload()
  await tapOpen(shopper, 15_000)
})
