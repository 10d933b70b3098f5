/**
 * Telling people what happened when they are not looking, in a real browser: a complaint handled by the
 * merchant becomes the shopper's message; tapping it on the simulator starts the app cold on the complaint
 * status; the message centre lists it, unread, newest first; a device alarm reaches the staff bound to the
 * cabinet and not other staff; expiry notices arrive at 30 / 7 / 1 days and at the end with the
 * emulator's clock; a message's page for someone else's order reads 未找到.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { journeyFile } from '../lib/journey-file'
import { SCREEN_MS, eventually } from '../lib/screen'
import { apiAs, appUrl } from '../lib/staff'

const journey = journeyFile('merchant')
const DAY_MS = 86_400_000

interface Refs {
  complaintId: string
  recentOrderId: string
}

interface MessagePage {
  items: { id: string; topic: string; title: string; fields: Record<string, string>; readAt: string | null }[]
  unreadCount: number
}

async function freshScenario(): Promise<Refs> {
  const state = (await journey.emulator.control('scenario', { name: 'merchant' })) as {
    scenario: { refs: Refs }
  }
  return state.scenario.refs
}

async function messagesOf(userId: string): Promise<MessagePage> {
  const api = await apiAs(journey.emulator, userId)
  return (await api<MessagePage>('GET', '/v1/messages?limit=100')).body
}

test('a rejected complaint is the shopper’s message; tapped on the simulator, the app starts cold on its status', async () => {
  const refs = await freshScenario()
  const merchant = await apiAs(journey.emulator, 'u_merchant')
  const rejected = await merchant('POST', `/v1/merchant/complaints/${refs.complaintId}/rejection`, {
    reply: '监控显示拿了两瓶',
  })
  assert.equal(rejected.status, 200)

  const page = await journey.phone()
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(`${journey.emulator.url}/`)
  const item = page.locator(
    '[data-testid^="message-msg_"][data-user="u_happy"][data-topic="complaint_handled"]',
  )
  await item.waitFor({ timeout: SCREEN_MS })
  assert.match(await item.innerText(), /申诉处理结果通知：您对订单.*的申诉已驳回：监控显示拿了两瓶/)
  assert.match(await item.innerText(), /仅消息中心/, 'nobody subscribed on H5: the message centre only')
  await item.locator('button', { hasText: '点开' }).click()

  const phone = page.frameLocator('[data-testid="phone-frame"]')
  const reply = phone.locator('.complaint-status__reply')
  await reply.waitFor({ timeout: 20_000 })
  assert.match(await reply.innerText(), /监控显示拿了两瓶/)
  assert.match(await phone.locator('body').innerText(), /已驳回/)
})

test('the message centre lists it unread, newest first; tapping opens its page and marks it read', async () => {
  const refs = await freshScenario()
  const merchant = await apiAs(journey.emulator, 'u_merchant')
  await merchant('POST', `/v1/merchant/complaints/${refs.complaintId}/rejection`, { reply: '已核实称重记录' })

  const page = await journey.phone()
  await page.goto(appUrl(journey.emulator, '/pages/index/index', {}, 'code:u_happy'))
  await page.getByText('消息', { exact: true }).click()
  const first = page.locator('.messages__item').first()
  await first.waitFor({ timeout: 20_000 })
  assert.equal(await first.getAttribute('data-topic'), 'complaint_handled')
  assert.match((await first.getAttribute('class')) ?? '', /messages__item--unread/)
  assert.match(await page.locator('.messages__summary').innerText(), /1 条未读/)
  await first.click()
  await page.locator('.complaint-status__reply').waitFor({ timeout: 20_000 })
  await page.goBack()
  await eventually(async () => (await page.locator('.messages__summary').innerText()).trim(), '全部已读')
  const after = await messagesOf('u_happy')
  assert.equal(after.unreadCount, 0)
  assert.ok(after.items[0]?.readAt)
})

test('a lock fault reaches the restocker bound to that cabinet, not staff of another cabinet', async () => {
  await freshScenario()
  // u_other becomes staff of another merchant's cabinet only.
  const merchant2 = await apiAs(journey.emulator, 'u_merchant2')
  const invite = await merchant2<{ inviteCode: string }>('POST', '/v1/merchant/staff-invites', {
    deviceCodes: ['GZ0099Z'],
  })
  const other = await apiAs(journey.emulator, 'u_other')
  assert.equal(
    (await other('POST', '/v1/staff/bindings', { inviteCode: invite.body.inviteCode })).status,
    200,
  )

  await journey.emulator.control('fault', { deviceCode: 'GZ0001A', fault: 'lock_fault', on: true })

  const page = await journey.phone()
  await page.goto(appUrl(journey.emulator, '/packages/messages/pages/list/index', {}, 'code:u_staff'))
  const alarm = page.locator('.messages__item[data-topic="device_alarm"]').first()
  await alarm.waitFor({ timeout: 20_000 })
  assert.match(await alarm.innerText(), /设备告警通知[\s\S]*门锁故障/)
  await alarm.click()
  await page.waitForURL(/packages\/staff\/pages\/device\/index\?code=GZ0001A/, { timeout: SCREEN_MS })

  const others = await messagesOf('u_other')
  assert.deepEqual(
    others.items.filter((m) => m.topic === 'device_alarm'),
    [],
    'staff of another cabinet hear nothing',
  )
})

test('service expiry: notices at 30, 7 and 1 days before and at the end, on the emulator’s clock', async () => {
  await freshScenario()
  await journey.emulator.control('device', { deviceCode: 'GZ0001A', serviceDaysLeft: 40 })
  const expiryNotes = async () =>
    (await messagesOf('u_merchant')).items
      // Only GZ0001A ends within these 41 days; the merchant's other cabinets have months left.
      .filter((m) => m.topic === 'service_expiry')
      .map((m) => m.fields.thing3)
  const advanceDays = (days: number) => journey.emulator.control('clock', { advanceMs: days * DAY_MS })

  await advanceDays(9)
  assert.deepEqual(await expiryNotes(), [])
  await advanceDays(2)
  assert.deepEqual(await expiryNotes(), ['还有30天到期，请及时续费'])
  await advanceDays(24)
  assert.deepEqual(await expiryNotes(), ['还有7天到期，请及时续费', '还有30天到期，请及时续费'])
  await advanceDays(4)
  assert.deepEqual((await expiryNotes())[0], '还有1天到期，请及时续费')
  await advanceDays(2)
  assert.deepEqual(await expiryNotes(), [
    '服务已到期，请尽快续费',
    '还有1天到期，请及时续费',
    '还有7天到期，请及时续费',
    '还有30天到期，请及时续费',
  ])

  // The merchant reads them in the app, and a tap opens the merchant home.
  const page = await journey.phone()
  await page.goto(appUrl(journey.emulator, '/packages/messages/pages/list/index', {}, 'code:u_merchant'))
  const newest = page.locator('.messages__item[data-topic="service_expiry"]').first()
  await newest.waitFor({ timeout: 20_000 })
  assert.match(await newest.innerText(), /服务已到期，顾客无法开门，请尽快续费/)
})

test('a message’s page for someone else’s order reads 未找到, nothing of the order shown', async () => {
  const refs = await freshScenario()
  const page = await journey.phone()
  await page.goto(
    appUrl(
      journey.emulator,
      '/packages/orders/pages/detail/index',
      { orderId: refs.recentOrderId },
      'code:u_other',
    ),
  )
  const error = page.locator('[data-error-code="ORDER_NOT_FOUND"]')
  await error.waitFor({ timeout: 20_000 })
  assert.match(await error.innerText(), /未找到订单/)
})
