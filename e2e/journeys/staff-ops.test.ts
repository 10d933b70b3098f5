/**
 * Ops in a real browser: the device-health list (a lock alarm, a camera alarm, a device expiring in 7
 * days) and acknowledging an alarm; an abnormal order corrected with the shopper's order settled
 * accordingly; a temperature change acknowledged and one that fails; who may not see staff screens and
 * what the emulator answers them; binding as staff with an invite code.
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, test } from 'node:test'
import { keepScreenshot, openPhone, type Phone } from '../lib/browser'
import { startEmulator, type Emulator } from '../lib/emulator'
import { apiAs, appUrl, tapButton } from '../lib/staff'

let emulator: Emulator
const phones: Phone[] = []

before(async () => {
  emulator = await startEmulator('demo')
})

after(async () => {
  await emulator.stop()
})

afterEach(async (t) => {
  for (const open of phones.splice(0)) {
    if (process.exitCode) await keepScreenshot(open.page, `staff-ops ${t.name}`)
    await open.close()
  }
})

async function phone(): Promise<Phone['page']> {
  const p = await openPhone()
  phones.push(p)
  return p.page
}

const STAFF_HOME = '/packages/staff/pages/home/index'

test('device health: a lock alarm, a camera alarm, a device expiring in 7 days; an alarm acknowledged', async () => {
  await emulator.control('scenario', { name: 'demo' })
  await emulator.control('fault', { deviceCode: 'SJ0001V', fault: 'camera_fault', on: true })
  const page = await phone()
  await page.goto(appUrl(emulator, '/pages/index/index', {}, 'code:u_staff'))
  await page.getByText('补货运维工作台').click({ timeout: 20_000 })
  const card = (code: string) => page.locator(`.device-card[data-device-code="${code}"]`)
  await card('GZ0005L').waitFor({ timeout: 20_000 })
  assert.equal(await page.locator('.device-card').count(), 7)
  assert.match(await card('GZ0005L').innerText(), /门锁异常/)
  assert.equal(await card('GZ0005L').getAttribute('data-severity'), 'critical')
  assert.match(await card('SJ0001V').innerText(), /摄像头异常/)
  const expiring = card('GZ0004E')
  assert.match(await expiring.innerText(), /服务到期 2026-11-25/)
  assert.equal(await expiring.locator('[data-expiry-warning]').getAttribute('data-expiry-warning'), '7')
  assert.match(await expiring.innerText(), /7天内到期/)
  assert.match(await card('GZ0003F').innerText(), /离线/)
  assert.match(await card('GZ0001A').innerText(), /售罄 1 种 · 库存紧张 1 种/)

  await page.locator('.staff-home__entry', { hasText: '未处理告警' }).click()
  const lock = page.locator('.alarm-list__item[data-alarm-kind="lock_fault"]').first()
  await lock.waitFor({ timeout: 10_000 })
  assert.match(
    await lock.innerText(),
    /门锁异常[\s\S]*鲜享5号柜 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}[\s\S]*未处理/,
  )
  await tapButton(page, '确认', '.alarm-list__item[data-alarm-kind="lock_fault"]')
  await lock.getByText(/已确认/).waitFor({ timeout: 10_000 })
  const alarm = [...emulator.cloud.inspect().alarms.values()].find((a) => a.deviceCode === 'GZ0005L')
  assert.equal(alarm?.state, 'acknowledged')
})

test('an abnormal order: evidence, corrected lines, charged; the shopper’s receipt shows the correction', async () => {
  await emulator.control('scenario', { name: 'demo' })
  const orderId = emulator.cloud.scenario.refs.abnormalOrderId!
  assert.equal(emulator.cloud.getOrder('u_crowd_2', orderId).status, 'under_review')
  const page = await phone()
  await page.goto(appUrl(emulator, '/packages/staff/pages/abnormal/index', {}, 'code:u_staff'))
  await page.locator(`[data-order-id="${orderId}"]`).click({ timeout: 20_000 })
  await page.getByText('柜子记录').waitFor({ timeout: 10_000 })
  const evidence = await page.locator('.abnormal-case__evidence').innerText()
  assert.match(evidence, /开门 \d{2}:\d{2}:\d{2} · 关门 \d{2}:\d{2}:\d{2}/)
  assert.match(evidence, /可爱多冰淇淋：开门时 \d+，关门时 \d+（−2）/)
  assert.equal(await page.locator('.abnormal-case__photo').count(), 2)

  // The camera saw two ice creams and a coffee; the shopper took one ice cream.
  const line = (id: string) => page.locator(`.abnormal-case__line[data-product-id="${id}"]`)
  await line('p_icecream').locator('[data-step="minus"]').click()
  await line('p_coffee').locator('[data-step="minus"]').click()
  await tapButton(page, '按修改后结算')
  const result = page.locator('.abnormal-case__result')
  await result.waitFor({ timeout: 10_000 })
  assert.match(await result.innerText(), /已处理，订单支付成功，实付 ¥6\.00/)

  const receipt = await (
    await apiAs(emulator, 'u_crowd_2')
  )<{ status: string; totalFen: number; lines: { productId: string; qty: number }[] }>(
    'GET',
    `/v1/orders/${orderId}`,
  )
  assert.equal(receipt.status, 200)
  assert.equal(receipt.body.status, 'paid')
  assert.equal(receipt.body.totalFen, 600)
  assert.deepEqual(
    receipt.body.lines.map((l) => [l.productId, l.qty]),
    [['p_icecream', 1]],
  )
})

test('remote settings: a temperature change acknowledged shows the new reading; one the cabinet does not take fails', async () => {
  await emulator.control('scenario', { name: 'demo' })
  const page = await phone()
  await page.goto(
    appUrl(emulator, '/packages/staff/pages/settings/index', { code: 'GZ0001A' }, 'code:u_staff'),
  )
  const reading = page.locator('[data-reading="temperature"]')
  await reading.waitFor({ timeout: 20_000 })
  assert.match(await reading.innerText(), /当前温度 4\.5℃/)
  await page.getByLabel('升高温度').click()
  await page.getByLabel('升高温度').click()
  await page.locator('[data-target="5.5"]').waitFor()
  await tapButton(page, '下发温度')
  await page
    .getByText(/下发中/)
    .first()
    .waitFor({ timeout: 5_000 })
  await page.locator('[data-command-state="acknowledged"]').waitFor({ timeout: 10_000 })
  await reading.getByText('当前温度 5.5℃').waitFor({ timeout: 5_000 })

  await emulator.control('fault', { deviceCode: 'GZ0001A', fault: 'command_failure', on: true })
  await page.getByLabel('降低温度').click()
  await tapButton(page, '下发温度')
  const failed = page.locator('[data-command-state="failed"]')
  await failed.waitFor({ timeout: 10_000 })
  assert.match(await failed.innerText(), /下发失败：设备未响应/)
  assert.match(await reading.innerText(), /当前温度 5\.5℃/)
})

test('a shopper gets no staff screen and 403 from every staff endpoint; staff elsewhere and removed staff are told why', async () => {
  await emulator.control('scenario', { name: 'demo' })
  const page = await phone()
  await page.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_happy' }))
  await page.getByText('开门', { exact: true }).first().waitFor({ timeout: 20_000 })
  assert.equal(await page.locator('[data-staff-actions]').count(), 0)
  assert.equal(await page.locator('[data-staff-notice]').count(), 0)
  for (const route of [STAFF_HOME, '/packages/staff/pages/restock/index']) {
    await page.goto(appUrl(emulator, route, { code: 'GZ0001A' }, 'code:u_happy'))
    await page.reload()
    const refusal = page.locator('[data-staff-refusal="FORBIDDEN"]')
    await refusal.waitFor({ timeout: 20_000 })
    assert.match(await refusal.innerText(), /没有操作权限/)
    assert.equal(await page.locator('.device-card, .restock, [data-restock-order-id]').count(), 0)
  }

  const asShopper = await apiAs(emulator, 'u_happy')
  const calls: [string, string, unknown?][] = [
    ['GET', '/v1/staff/devices'],
    ['GET', '/v1/staff/devices/GZ0001A'],
    ['GET', '/v1/staff/alarms'],
    ['GET', '/v1/staff/devices/GZ0001A/restock-orders'],
    ['GET', '/v1/staff/devices/GZ0001A/stocktakes'],
    ['GET', '/v1/staff/abnormal-orders'],
    ['POST', '/v1/staff/restock-sessions', { deviceCode: 'GZ0001A', intentId: 'intent-shopper-0001' }],
    ['POST', '/v1/staff/devices/GZ0001A/stocktakes', { lines: [{ productId: 'p_cola', counted: 1 }] }],
    ['POST', '/v1/staff/devices/GZ0001A/commands', { kind: 'temperature', value: 20 }],
  ]
  for (const [method, path, body] of calls) {
    const answer = await asShopper(method, path, body)
    assert.equal(answer.status, 403, `${method} ${path}`)
  }

  // Staff of other cabinets only, and a restocker removed from this one: the manual's explanation.
  const staff = await phone()
  await staff.goto(emulator.cabinetUrl({ deviceCode: 'GZ0099Z', loginCode: 'code:u_staff' }))
  const notBound = staff.locator('[data-staff-notice="STAFF_NOT_BOUND"]')
  await notBound.waitFor({ timeout: 20_000 })
  assert.match(await notBound.innerText(), /补货员扫码补货无法开门[\s\S]*您未绑定此设备[\s\S]*联系商户/)
  await emulator.control('staff-unbind', { userId: 'u_staff', deviceCode: 'GZ0001A' })
  await staff.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_staff' }))
  await staff.reload()
  await staff.locator('[data-staff-notice="STAFF_REMOVED"]').waitFor({ timeout: 20_000 })
  assert.equal(await staff.locator('[data-staff-actions]').count(), 0)
  const asRemoved = await apiAs(emulator, 'u_staff')
  assert.equal((await asRemoved('GET', '/v1/staff/devices/GZ0001A')).status, 403)
})

test('a shopper binds as staff with the merchant’s invite code and gets the workspace', async () => {
  await emulator.control('scenario', { name: 'demo' })
  const merchant = await apiAs(emulator, 'u_merchant')
  const invite = await merchant<{ inviteCode: string }>('POST', '/v1/merchant/staff-invites', {
    deviceCodes: ['GZ0001A'],
  })
  const page = await phone()
  await page.goto(appUrl(emulator, '/pages/index/index', {}, 'code:u_other'))
  await page.getByText('成为补货员').click({ timeout: 20_000 })
  await page.locator('.bind__input input').fill('WRONG1')
  await tapButton(page, '绑定')
  await page.locator('[data-error-code="STAFF_INVITE_INVALID"]').waitFor({ timeout: 10_000 })
  await page.locator('.bind__input input').fill(invite.body.inviteCode)
  await tapButton(page, '绑定')
  await page.locator('.device-card[data-device-code="GZ0001A"]').waitFor({ timeout: 20_000 })
  assert.equal(await page.locator('.device-card').count(), 1)
})
