import { templateIdOf } from '../messages'
import { cloudErrorOf, cloudFor, loginAs } from './helpers'

const DAY = 86_400_000

function first<T>(items: T[]): T {
  const item = items[0]
  if (item === undefined) throw new Error('expected at least one item')
  return item
}

function complainAndReject() {
  const { cloud, clock } = cloudFor('happy')
  const me = loginAs(cloud, 'u_happy')
  const merchant = loginAs(cloud, 'u_merchant')
  const orderId = cloud.scenario.refs.recentOrderId ?? ''
  const complaint = cloud.createComplaint(me, {
    orderId,
    items: [{ productId: 'p_cola', kind: 'wrong_quantity', actualQty: 1 }],
    description: '只拿了一瓶',
    photoUploadIds: [],
  })
  return { cloud, clock, me, merchant, orderId, complaint }
}

describe('the message centre', () => {
  test('a complaint handled by the merchant becomes the shopper’s message, opening its status page', () => {
    const { cloud, me, merchant, orderId, complaint } = complainAndReject()
    expect(cloud.listMessages(me).items).toEqual([])
    cloud.rejectComplaint(merchant, complaint.id, { reply: '监控显示拿了两瓶' })
    const page = cloud.listMessages(me)
    expect(page.unreadCount).toBe(1)
    expect(page.items[0]).toMatchObject({
      topic: 'complaint_handled',
      title: '申诉处理结果通知',
      fields: { phrase1: '已驳回', thing2: '监控显示拿了两瓶' },
      page: {
        path: 'packages/orders/pages/complaint-status/index',
        query: { complaintId: complaint.id, orderId },
      },
      readAt: null,
      pushed: false,
    })
    // Nobody else hears of it.
    expect(cloud.listMessages(loginAs(cloud, 'u_other')).items).toEqual([])
  })

  test('marking read: once, idempotent; another user’s message is not found (no oracle)', () => {
    const { cloud, me, merchant, complaint } = complainAndReject()
    cloud.rejectComplaint(merchant, complaint.id, { reply: '已核实' })
    const message = first(cloud.listMessages(me).items)
    const read = cloud.markMessageRead(me, message.id)
    expect(read.readAt).toEqual(expect.any(String))
    expect(cloud.markMessageRead(me, message.id).readAt).toBe(read.readAt)
    expect(cloud.listMessages(me).unreadCount).toBe(0)
    cloudErrorOf(() => cloud.markMessageRead(loginAs(cloud, 'u_other'), message.id), 'MESSAGE_NOT_FOUND', 404)
  })

  test('a payment that fails is an unpaid reminder; paying it is a payment message; both open the receipt', () => {
    const { cloud, clock } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    cloud.injectFault('GZ0001A', 'payment_failure')
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', doorNo: 1, intentId: 'intent-msg-1' })
    clock.advance(1_000)
    cloud.take('GZ0001A', 1, 'p_cola', 1)
    cloud.closeDoor('GZ0001A', 1)
    clock.advance(5_000)
    const orderId = cloud.getDoorSession(me, s.id).orderId ?? ''
    const reminder = first(cloud.listMessages(me).items)
    expect(reminder).toMatchObject({
      topic: 'unpaid_reminder',
      page: { path: 'packages/orders/pages/detail/index', query: { orderId } },
    })
    // Still unpaid a day later: one more reminder, stamped at the day's end, and only one.
    clock.advance(DAY)
    clock.advance(DAY)
    const reminders = cloud.listMessages(me).items.filter((m) => m.topic === 'unpaid_reminder')
    expect(reminders.map((m) => m.body)).toEqual([expect.stringMatching(/已待支付超过一天/), reminder.body])
    cloud.clearFault('GZ0001A')
    cloud.payOrder(me, orderId, { platform: 'weapp' })
    clock.advance(5_000)
    const paid = first(cloud.listMessages(me).items)
    expect(paid).toMatchObject({ topic: 'payment_succeeded', page: { query: { orderId } } })
    expect(paid.fields.thing2).toBe(cloud.inspect().devices.get('GZ0001A')?.name)
  })
})

describe('who hears of an alarm', () => {
  test('a lock fault reaches the staff bound to that cabinet, not staff of another cabinet', () => {
    const { cloud } = cloudFor('happy')
    const staff = loginAs(cloud, 'u_staff')
    const merchant2 = loginAs(cloud, 'u_merchant2')
    const other = loginAs(cloud, 'u_other')
    const invite = cloud.createStaffInvite(merchant2, { deviceCodes: ['GZ0099Z'] })
    cloud.bindStaff(other, { inviteCode: invite.inviteCode })
    cloud.injectFault('GZ0001A', 'lock_fault')
    expect(cloud.listMessages(staff).items[0]).toMatchObject({
      topic: 'device_alarm',
      fields: { phrase2: '门锁故障' },
      page: { path: 'packages/staff/pages/device/index', query: { code: 'GZ0001A' } },
    })
    expect(cloud.listMessages(other).items.filter((m) => m.topic === 'device_alarm')).toEqual([])
    cloud.injectFault('GZ0099Z', 'offline')
    expect(cloud.listMessages(other).items[0]).toMatchObject({
      topic: 'device_alarm',
      fields: { phrase2: '设备离线' },
    })
  })
})

describe('service expiry notices', () => {
  test('30, 7 and 1 days before and when it ends, once each, to the merchant, each at its own time', () => {
    const { cloud, clock } = cloudFor('happy')
    const merchant = loginAs(cloud, 'u_merchant')
    const device = cloud.inspect().devices.get('GZ0001A')
    if (!device) throw new Error('no device')
    device.serviceExpiresAt = clock.now() + 40 * DAY
    const expiry = () => cloud.listMessages(merchant).items.filter((m) => m.topic === 'service_expiry')
    clock.advance(9 * DAY)
    expect(expiry()).toEqual([])
    clock.advance(2 * DAY) // 29 days left
    expect(expiry().map((m) => m.fields.thing3)).toEqual(['还有30天到期，请及时续费'])
    clock.advance(40 * DAY)
    const all = expiry()
    expect(all.map((m) => m.fields.thing3)).toEqual([
      '服务已到期，请尽快续费',
      '还有1天到期，请及时续费',
      '还有7天到期，请及时续费',
      '还有30天到期，请及时续费',
    ])
    expect(new Set(all.map((m) => m.createdAt)).size).toBe(4)
    // Another merchant's people are not told.
    expect(
      cloud.listMessages(loginAs(cloud, 'u_merchant2')).items.filter((m) => m.topic === 'service_expiry'),
    ).toEqual([])
  })
})

describe('withdrawals', () => {
  test('paid and refused withdrawals are told to the merchant, opening the wallet', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const account = cloud.listAccounts(m).items.find((a) => a.availableFen >= a.minWithdrawFen)
    if (!account) throw new Error('no account with money')
    cloud.createWithdrawal(m, { accountId: account.id, amountFen: account.minWithdrawFen })
    clock.advance(5_000)
    cloud.setWithdrawalFailure('M001', true)
    cloud.createWithdrawal(m, { accountId: account.id, amountFen: account.minWithdrawFen })
    clock.advance(5_000)
    const told = cloud.listMessages(m).items.filter((x) => x.topic === 'withdrawal_result')
    expect(told.map((x) => x.fields.phrase2)).toEqual(['提现失败', '已到账'])
    expect(first(told).page).toEqual({ path: 'packages/merchant/pages/wallet/index', query: {} })
    expect(cloud.listMessages(loginAs(cloud, 'u_merchant2')).items).toEqual([])
  })
})

describe('subscriptions', () => {
  test('the templates by role and platform; a one-time acceptance pushes one message, then none', () => {
    const { cloud, me, merchant, complaint } = complainAndReject()
    const shopperTopics = cloud.listSubscriptions(me, { platform: 'weapp' }).items.map((s) => s.topic)
    expect(shopperTopics).toEqual([
      'payment_succeeded',
      'refund_made',
      'complaint_handled',
      'unpaid_reminder',
    ])
    expect(
      cloud.listSubscriptions(merchant, { platform: 'alipay' }).items.map((s) => s.templateId),
    ).toContain(templateIdOf('alipay', 'service_expiry'))
    const id = templateIdOf('weapp', 'complaint_handled')
    const after = cloud.recordSubscriptionAnswers(me, {
      platform: 'weapp',
      answers: [{ templateId: id, answer: 'accept', keep: false }],
    })
    expect(after.items.find((s) => s.templateId === id)).toMatchObject({ allowance: 'once', askable: true })
    cloud.rejectComplaint(merchant, complaint.id, { reply: '已核实' })
    expect(first(cloud.listMessages(me).items).pushed).toBe(true)
    expect(
      cloud.listSubscriptions(me, { platform: 'weapp' }).items.find((s) => s.templateId === id),
    ).toMatchObject({
      allowance: 'none',
      lastAnswer: 'accept',
    })
    expect(cloud.sentMessages(me)[0]).toMatchObject({ templateId: id, platform: 'weapp' })
  })

  test('ban, or a kept reject, is never asked again; a plain reject is; unknown templates are refused', () => {
    const { cloud } = cloudFor('happy')
    const me = loginAs(cloud, 'u_happy')
    const [paid, refund, handled] = ['payment_succeeded', 'refund_made', 'complaint_handled'] as const
    const list = cloud.recordSubscriptionAnswers(me, {
      platform: 'weapp',
      answers: [
        { templateId: templateIdOf('weapp', paid), answer: 'ban', keep: false },
        { templateId: templateIdOf('weapp', refund), answer: 'reject', keep: true },
        { templateId: templateIdOf('weapp', handled), answer: 'reject', keep: false },
      ],
    })
    const askable = Object.fromEntries(list.items.map((s) => [s.topic, s.askable]))
    expect(askable).toMatchObject({ [paid]: false, [refund]: false, [handled]: true })
    const err = cloudErrorOf(
      () =>
        cloud.recordSubscriptionAnswers(me, {
          platform: 'weapp',
          answers: [{ templateId: templateIdOf('weapp', 'service_expiry'), answer: 'accept', keep: false }],
        }),
      'VALIDATION_FAILED',
      422,
    )
    expect(err.fields).toEqual({ 'answers.0.templateId': '没有这个消息模板' })
    // H5 has no subscribe messages: nothing to ask.
    expect(cloud.listSubscriptions(me, { platform: 'h5' }).items.every((s) => !s.askable)).toBe(true)
  })

  test('an Alipay kept acceptance pushes every message until refused', () => {
    const { cloud } = cloudFor('happy')
    const staff = loginAs(cloud, 'u_staff', 'alipay')
    cloud.recordSubscriptionAnswers(staff, {
      platform: 'alipay',
      answers: [{ templateId: templateIdOf('alipay', 'device_alarm'), answer: 'accept', keep: true }],
    })
    cloud.injectFault('GZ0001A', 'lock_fault')
    cloud.injectFault('GZ0001A', 'camera_fault')
    const alarms = cloud.listMessages(staff).items.filter((m) => m.topic === 'device_alarm')
    expect(alarms.map((m) => m.pushed)).toEqual([true, true])
  })
})
