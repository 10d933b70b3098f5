/**
 * Opening the door: one tap for a cleared shopper, the chosen door of a dual-door cabinet, a double tap
 * that still opens once, and an open that times out ending on a definite failure with a working retry.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { ERROR_CATALOGUE } from '../../src/domain/errors'
import { controlState, onlySessionOf, sessionsOf } from '../lib/cloud'
import { button, visible, visibleText, waitForText } from '../lib/screen'
import { DOOR_OPEN, emulatorForFile, journey, tapOpen } from '../lib/shopper'

const emulator = emulatorForFile()

journey(
  'a returning shopper opens with one tap on 开门, no other screen between',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page, api }) => {
    await page.goto(cloud.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_happy' }))
    await button(page, '开门').waitFor({ timeout: 15_000 })
    const routes: string[] = []
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) routes.push(new URL(frame.url()).hash.replace(/\?.*$/, ''))
    })
    const before = api.calls.length

    await tapOpen(page)

    assert.deepEqual(
      routes.filter((r, i) => r !== routes[i - 1]),
      ['#/pages/shopping/index'],
      'straight from the cabinet page to the open door',
    )
    assert.equal(await page.locator('.taro__modal').count(), 0, 'no dialog was ever shown')
    const after = api.calls.slice(before).map((c) => `${c.method} ${c.path}`)
    assert.equal(after[0], 'POST /v1/door-sessions', 'the tap goes straight to the open request')
    assert.ok(
      after.every((c) => !/\/credit|\/auth\//.test(c)),
      `no login, phone or credit step on the way: ${after.join(', ')}`,
    )
    assert.equal(onlySessionOf(cloud, 'u_happy').state, 'open')
  },
)

journey(
  'dual-door cabinet: the second door tab shows its own goods and opens door 2',
  { emulator, scenario: 'dual_door' },
  async ({ emulator: cloud, page }) => {
    await page.goto(cloud.cabinetUrl({ deviceCode: 'SM0002D', loginCode: 'code:u_happy' }))
    const tabs = visible(page, '[role="tab"]')
    await tabs.first().waitFor({ timeout: 15_000 })
    assert.deepEqual(
      (await tabs.allInnerTexts()).map((t) => t.trim()),
      ['左门', '右门'],
    )
    const goodsShown = async () =>
      visible(page, '.goods-list__item').evaluateAll((items) =>
        items.map((item) => item.getAttribute('data-product-id')),
      )
    const state = await controlState(cloud)
    const goods = state.devices.find((d) => d.code === 'SM0002D')?.goods ?? []
    const onDoor = (no: number) => goods.filter((g) => g.doorNo === no).map((g) => g.productId)
    assert.deepEqual(await goodsShown(), onDoor(1), 'the default door shows door 1 goods')

    await tabs.nth(1).click()
    await visible(page, '[role="tab"][aria-selected="true"]').filter({ hasText: '右门' }).waitFor()
    assert.deepEqual(await goodsShown(), onDoor(2), 'the second tab shows door 2 goods only')
    assert.ok(onDoor(2).length > 0 && !onDoor(2).includes('p_cola'))

    await button(page, '打开右门').click()
    await waitForText(page, /已打开，请取商品/)
    const session = onlySessionOf(cloud, 'u_happy')
    assert.equal(session.doorNo, 2, 'the cloud opened door 2')
    const doors = (await controlState(cloud)).devices.find((d) => d.code === 'SM0002D')?.doors ?? []
    assert.deepEqual(
      doors.map((d) => [d.no, d.state, d.session?.id ?? null]),
      [
        [1, 'closed', null],
        [2, 'open', session.id],
      ],
    )
  },
)

/**
 * Two taps as fast as a thumb on a mini-program can land them: both reach the handler before the view has
 * disabled the button (in WeChat the view layer re-renders asynchronously, after the logic layer).
 */
async function doubleTap(page: Page): Promise<void> {
  const open = button(page, '开门')
  await open.waitFor({ timeout: 15_000 })
  await open.evaluate((el) => {
    // (no named helper here: the test runner's transpiler would reference a helper the page lacks)
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
  })
}

journey(
  'a double tap on 开门 opens exactly one door session',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page, api }) => {
    await page.goto(cloud.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_happy' }))
    await doubleTap(page)
    await waitForText(page, DOOR_OPEN)
    await page.waitForTimeout(500)

    const ids = await api.openedSessionIds()
    assert.ok(ids.length >= 1, 'the open request was answered')
    assert.equal(new Set(ids).size, 1, `one session id in every answer: ${ids.join(', ')}`)
    assert.equal(sessionsOf(cloud, 'u_happy').length, 1, 'the cloud has exactly one door session')
  },
)

journey(
  'after a double tap on 开门, the visit still ends back on the cabinet page',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page }) => {
    await page.goto(cloud.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_happy' }))
    await doubleTap(page)
    await waitForText(page, DOOR_OPEN)
    await cloud.control('close', { deviceCode: 'GZ0001A' })
    await waitForText(page, '本次未购物，未扣款')

    await button(page, '返回柜子').click()
    // One tap opened one shopping screen: going back lands on the cabinet, not on a second, stale one.
    await waitForText(page, '开门', 5_000)
    assert.match(page.url(), /pages\/cabinet\/index/)
    assert.equal(await visibleText(page, '开门中…').count(), 0)
  },
)

journey(
  'an open that times out ends on a definite failure with its reason and a retry, within 20 s',
  { emulator, scenario: 'happy', settings: { openTimeoutMs: 4_000 } },
  async ({ emulator: cloud, page }) => {
    await cloud.control('fault', { fault: 'open_timeout', deviceCode: 'GZ0001A' })
    await page.goto(cloud.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_happy' }))
    await button(page, '开门').waitFor({ timeout: 15_000 })

    const tappedAt = Date.now()
    await button(page, '开门').click()
    await waitForText(page, '开门中…', 5_000)
    const failure = visible(page, '[data-error-code="DOOR_OPEN_TIMEOUT"]')
    await failure.waitFor({ timeout: 20_000 })
    assert.ok(Date.now() - tappedAt < 20_000, 'a definite end state within 20 s')
    const entry = ERROR_CATALOGUE.DOOR_OPEN_TIMEOUT
    const text = await failure.innerText()
    assert.ok(text.includes(entry.message), `the reason: ${entry.message}`)
    assert.ok(text.includes(entry.hint), 'and what it means: no charge, try again')
    assert.equal(onlySessionOf(cloud, 'u_happy').state, 'failed')

    // The lock answers again: the retry on the failure screen opens the door.
    await cloud.control('fault', { fault: 'open_timeout', deviceCode: 'GZ0001A', on: false })
    await button(page, entry.actionLabel).click()
    await waitForText(page, DOOR_OPEN)
    assert.deepEqual(
      sessionsOf(cloud, 'u_happy').map((s) => s.state),
      ['failed', 'open'],
    )
    assert.equal(await visibleText(page, entry.message).count(), 0)
  },
)
