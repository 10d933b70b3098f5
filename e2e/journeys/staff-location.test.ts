/**
 * 修改定位 in a real browser: ops staff open a cabinet's device page, see its 点位, pick a nearby point on
 * the map (the H5 build's sheet of demo points) and see it shown with who set it; a point 3 km away asks
 * first and is saved only once confirmed; a restocker of another cabinet is not offered the button.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { journeyFile } from '../lib/journey-file'
import { appUrl, tapButton } from '../lib/staff'

const journey = journeyFile('demo')

async function devicePage(code: string): Promise<Page> {
  const page = await journey.phone()
  await page.goto(appUrl(journey.emulator, '/packages/staff/pages/device/index', { code }, 'code:u_staff'))
  await page.locator('.location-card').waitFor({ timeout: 20_000 })
  return page
}

/** The H5 stand-in for the platform's map: Taro's action sheet of demo points. */
async function pickOnMap(page: Page, label: RegExp): Promise<void> {
  await page.locator('.taro-actionsheet__cell', { hasText: label }).click({ timeout: 10_000 })
}

const history = (code: string) =>
  journey.emulator.cloud.inspect().locationChanges.filter((c) => c.deviceCode === code)

test('ops staff correct a cabinet’s point and see it shown, with who set it', async () => {
  await journey.emulator.control('scenario', { name: 'demo' })
  const page = await devicePage('SJ0001V')
  const card = page.locator('.location-card')
  assert.match(await card.innerText(), /科技园C栋[\s\S]*科苑路15号C栋[\s\S]*安装时设置/)
  await tapButton(page, '修改定位', '.location-card')
  await pickOnMap(page, /附近点位/)
  await card.getByText('定位已更新').waitFor({ timeout: 10_000 })
  assert.equal(await card.getAttribute('data-location-name'), '演示点位·北侧')
  assert.match(await card.innerText(), /演示点位·北侧[\s\S]*由补货员小王修改/)
  const changes = history('SJ0001V')
  assert.equal(changes.length, 1)
  assert.equal(changes[0]?.userId, 'u_staff')
  assert.equal(changes[0]?.confirmedFar, false)
})

test('a point 3 km away asks for confirmation; cancelled it stays, confirmed it is saved', async () => {
  await journey.emulator.control('scenario', { name: 'demo' })
  const page = await devicePage('SJ0001V')
  const card = page.locator('.location-card')
  await tapButton(page, '修改定位', '.location-card')
  await pickOnMap(page, /远处点位/)
  const dialog = page.locator('.location-card__dialog')
  await dialog.waitFor({ timeout: 10_000 })
  assert.match(await dialog.innerText(), /请确认新位置[\s\S]*超过 1 公里[\s\S]*演示点位·北区/)
  await tapButton(page, '取消', '.location-card__dialog')
  await card.getByText('已取消，定位未修改').waitFor({ timeout: 10_000 })
  assert.equal(await card.getAttribute('data-location-name'), '科技园C栋')
  assert.equal(history('SJ0001V').length, 0)

  await tapButton(page, '修改定位', '.location-card')
  await pickOnMap(page, /远处点位/)
  await dialog.waitFor({ timeout: 10_000 })
  await tapButton(page, '确认修改', '.location-card__dialog')
  await card.getByText('定位已更新').waitFor({ timeout: 10_000 })
  assert.equal(await card.getAttribute('data-location-name'), '演示点位·北区')
  assert.equal(await page.locator('.location-card__dialog').count(), 0)
  const changes = history('SJ0001V')
  assert.equal(changes.length, 1)
  assert.equal(changes[0]?.confirmedFar, true)
})

test('a restocker of the cabinet sees the point but no 修改定位', async () => {
  await journey.emulator.control('scenario', { name: 'demo' })
  const page = await devicePage('GZ0001A')
  const card = page.locator('.location-card')
  assert.match(await card.innerText(), /科技园A栋[\s\S]*只有运维人员可以修改定位/)
  assert.equal(await card.locator('taro-button-core', { hasText: '修改定位' }).count(), 0)
})
