import type { Cloud } from '../cloud'
import type { ManualClock } from '../clock'
import { cloudErrorOf, cloudFor, intent, loginAs } from './helpers'

const DAY = 86_400_000

/** The happy shopper buys two colas and a sandwich at GZ0001A now; returns the order total. */
function buy(
  cloud: Cloud,
  clock: ManualClock,
  deviceCode = 'GZ0001A',
  productIds = ['p_cola', 'p_sandwich'],
): number {
  const me = loginAs(cloud, 'u_happy')
  const s = cloud.openDoor(me, { deviceCode, intentId: intent(), mode: 'shop' })
  clock.advance(cloud.settings().doorDelayMs)
  for (const p of productIds) cloud.take(deviceCode, 1, p)
  cloud.closeDoor(deviceCode, 1)
  clock.advance(cloud.settings().settlementDelayMs)
  return cloud.getOrder(me, cloud.getDoorSession(me, s.id).orderId ?? '').totalFen
}

function wx(cloud: Cloud, merchant: string) {
  const acc = cloud.listAccounts(merchant).items.find((a) => a.channel === 'wxpay')
  if (!acc) throw new Error('no wx account')
  return acc
}

describe('balances', () => {
  test('given a sale, the money is pending first and available one day later', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const before = wx(cloud, m)
    expect(cloud.listAccounts(m).items.map((a) => a.channel)).toEqual(['wxpay', 'alipay'])
    expect(before).toMatchObject({ id: 'acc_wx_M001', minWithdrawFen: 1000, destination: expect.any(String) })
    const total = buy(cloud, clock)
    const after = wx(cloud, m)
    expect(after.pendingFen - before.pendingFen).toBe(total)
    expect(after.availableFen).toBe(before.availableFen)
    clock.advance(DAY)
    expect(wx(cloud, m).availableFen - after.availableFen).toBeGreaterThanOrEqual(total)
  })

  test('only a merchant sees accounts, and only its own', () => {
    const { cloud } = cloudFor('merchant')
    cloudErrorOf(() => cloud.listAccounts('u_happy'), 'FORBIDDEN', 403)
    expect(cloud.listAccounts(loginAs(cloud, 'u_merchant2')).items.map((a) => a.id)).toEqual(['acc_wx_M002'])
  })
})

describe('withdrawals', () => {
  test('given enough balance, a withdrawal is processing, takes the money at once, then arrives', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const available = wx(cloud, m).availableFen
    const w = cloud.createWithdrawal(m, { accountId: 'acc_wx_M001', amountFen: 10_000 })
    expect(w).toMatchObject({
      accountId: 'acc_wx_M001',
      amountFen: 10_000,
      state: 'processing',
      createdAt: '2026-11-20T12:00:00+08:00',
    })
    expect(wx(cloud, m).availableFen).toBe(available - 10_000)
    clock.advance(2_000)
    expect(cloud.listWithdrawals(m).items[0]).toMatchObject({
      id: w.id,
      state: 'succeeded',
      settledAt: '2026-11-20T12:00:02+08:00',
    })
    expect(wx(cloud, m).availableFen).toBe(available - 10_000)
  })

  test('given the bank refuses, the withdrawal fails with a reason and the money returns to available', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const available = wx(cloud, m).availableFen
    cloud.setWithdrawalFailure('M001', true)
    const w = cloud.createWithdrawal(m, { accountId: 'acc_wx_M001', amountFen: 5_000 })
    clock.advance(2_000)
    expect(cloud.listWithdrawals(m, { accountId: 'acc_wx_M001' }).items[0]).toMatchObject({
      id: w.id,
      state: 'failed',
      reason: expect.any(String),
    })
    expect(wx(cloud, m).availableFen).toBe(available)
  })

  test('the amount must be a positive integer of fen, at least the minimum, at most what is available', () => {
    const { cloud } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const available = wx(cloud, m).availableFen
    for (const amountFen of [0, -100, 12.5]) {
      const err = cloudErrorOf(
        () => cloud.createWithdrawal(m, { accountId: 'acc_wx_M001', amountFen }),
        'WITHDRAW_AMOUNT_INVALID',
        422,
      )
      expect(err.fields).toHaveProperty('amountFen')
    }
    cloudErrorOf(
      () => cloud.createWithdrawal(m, { accountId: 'acc_wx_M001', amountFen: 999 }),
      'WITHDRAW_BELOW_MINIMUM',
      422,
    )
    expect(cloud.createWithdrawal(m, { accountId: 'acc_wx_M001', amountFen: 1000 }).state).toBe('processing')
    cloudErrorOf(
      () => cloud.createWithdrawal(m, { accountId: 'acc_wx_M001', amountFen: available }),
      'WITHDRAW_ABOVE_AVAILABLE',
      422,
    )
    expect(cloud.createWithdrawal(m, { accountId: 'acc_wx_M001', amountFen: available - 1000 }).state).toBe(
      'processing',
    )
    expect(wx(cloud, m).availableFen).toBe(0)
  })

  test('another merchant’s account is ACCOUNT_NOT_FOUND', () => {
    const { cloud } = cloudFor('merchant')
    cloudErrorOf(
      () => cloud.createWithdrawal('u_merchant2', { accountId: 'acc_wx_M001', amountFen: 1000 }),
      'ACCOUNT_NOT_FOUND',
      404,
    )
  })

  test('the same idempotency key withdraws once', () => {
    const { cloud } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const available = wx(cloud, m).availableFen
    const body = { accountId: 'acc_wx_M001', amountFen: 2_000 }
    const a = cloud.withIdempotency(m, 'wd-key', body, () => cloud.createWithdrawal(m, body))
    const b = cloud.withIdempotency(m, 'wd-key', body, () => cloud.createWithdrawal(m, body))
    expect(b).toEqual(a)
    expect(wx(cloud, m).availableFen).toBe(available - 2_000)
    cloudErrorOf(
      () =>
        cloud.withIdempotency(m, 'wd-key', { ...body, amountFen: 3_000 }, () =>
          cloud.createWithdrawal(m, body),
        ),
      'IDEMPOTENCY_CONFLICT',
      409,
    )
  })
})

describe('receipts (收款)', () => {
  test('a sale today adds to today’s row and to its channel', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const before = cloud.listReceipts(m, { from: '2026-11-14', to: '2026-11-20', groupBy: 'day' })
    expect(before.rows.map((r) => r.key)).toEqual([
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ])
    const total = buy(cloud, clock)
    const after = cloud.listReceipts(m, { from: '2026-11-14', to: '2026-11-20', groupBy: 'day' })
    const today = (r: typeof after) => r.rows.find((row) => row.key === '2026-11-20')
    expect((today(after)?.grossFen ?? 0) - (today(before)?.grossFen ?? 0)).toBe(total)
    expect((today(after)?.orderCount ?? 0) - (today(before)?.orderCount ?? 0)).toBe(1)
    const wxToday = (r: typeof after) => today(r)?.byChannel.find((c) => c.channel === 'wxpay')?.grossFen ?? 0
    expect(wxToday(after) - wxToday(before)).toBe(total)
  })

  test('rows add up to the total, whatever the grouping; refunds are counted on their day', () => {
    const { cloud } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    for (const groupBy of ['day', 'channel', 'device'] as const) {
      const report = cloud.listReceipts(m, { from: '2026-10-21', to: '2026-11-20', groupBy })
      expect(report).toMatchObject({ from: '2026-10-21', to: '2026-11-20', groupBy })
      const sum = (f: 'grossFen' | 'refundFen' | 'orderCount') => report.rows.reduce((n, r) => n + r[f], 0)
      expect(sum('grossFen')).toBe(report.total.grossFen)
      expect(sum('refundFen')).toBe(report.total.refundFen)
      expect(sum('orderCount')).toBe(report.total.orderCount)
      expect(report.total.netFen).toBe(report.total.grossFen - report.total.refundFen)
      expect(report.total.refundFen).toBe(100)
    }
    expect(
      cloud
        .listReceipts(m, { from: '2026-10-21', to: '2026-11-20', groupBy: 'device' })
        .rows.map((r) => r.key),
    ).toEqual(['GZ0001A', 'SM0002D', 'SJ0001V'])
  })

  test('dates are validated', () => {
    const { cloud } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    cloudErrorOf(
      () => cloud.listReceipts(m, { from: '2026-11-21', to: '2026-11-20' }),
      'VALIDATION_FAILED',
      422,
    )
    cloudErrorOf(() => cloud.listReceipts(m, { from: '2026-13-01' }), 'VALIDATION_FAILED', 422)
    cloudErrorOf(
      () => cloud.listReceipts(m, { from: '2026-01-01', to: '2026-11-20' }),
      'VALIDATION_FAILED',
      422,
    )
  })
})

describe('merchant orders, statistics and devices', () => {
  test('orders can be filtered by day and device; another merchant’s device is not found', () => {
    const { cloud } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const day = cloud.listMerchantOrders(m, { date: '2026-11-18', limit: 100 })
    expect(day.items.length).toBeGreaterThan(0)
    expect(day.items.every((o) => o.createdAt.startsWith('2026-11-18'))).toBe(true)
    expect(day.items[0]).toEqual(expect.objectContaining({ refundedFen: 0, channel: expect.any(String) }))
    const gz = cloud.listMerchantOrders(m, { deviceCode: 'SM0002D', limit: 100 })
    expect(gz.items.every((o) => o.deviceCode === 'SM0002D')).toBe(true)
    cloudErrorOf(() => cloud.listMerchantOrders(m, { deviceCode: 'GZ0099Z' }), 'DEVICE_NOT_FOUND', 404)
  })

  test('statistics: a sale today shows in sales, count, series and by device', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const before = cloud.getStatistics(m)
    expect(before.range).toBe('today')
    expect(before.series).toHaveLength(1)
    const total = buy(cloud, clock)
    const after = cloud.getStatistics(m, { range: 'today' })
    expect(after.salesFen - before.salesFen).toBe(total)
    expect(after.orderCount - before.orderCount).toBe(1)
    expect(after.avgTicketFen).toBe(Math.round(after.salesFen / after.orderCount))
    expect(after.series[0]).toEqual({
      date: '2026-11-20',
      salesFen: after.salesFen,
      orderCount: after.orderCount,
    })
    const week = cloud.getStatistics(m, { range: '7d' })
    expect(week.series.map((p) => p.date)).toEqual([
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ])
    expect(week.series.reduce((n, p) => n + p.salesFen, 0)).toBe(week.salesFen)
    expect(week.byDevice.map((d) => d.salesFen)).toEqual(
      [...week.byDevice.map((d) => d.salesFen)].sort((a, b) => b - a),
    )
    expect(week.topGoods.map((g) => g.qty)).toEqual(
      [...week.topGoods.map((g) => g.qty)].sort((a, b) => b - a),
    )
    expect(cloud.getStatistics(m, { range: '30d' }).series).toHaveLength(30)
  })

  test('latency p50/p95 per device comes from the door sessions of the range', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m2 = loginAs(cloud, 'u_merchant2')
    // GZ0099Z's five past visits opened in 400 ms and settled in 600 ms; none today.
    expect(cloud.getStatistics(m2, { range: '7d' }).latency).toEqual([
      { deviceCode: 'GZ0099Z', openP50Ms: 400, openP95Ms: 400, settleP50Ms: 600, settleP95Ms: 600 },
    ])
    expect(cloud.getStatistics(m2, { range: 'today' }).latency).toEqual([
      { deviceCode: 'GZ0099Z', openP50Ms: null, openP95Ms: null, settleP50Ms: null, settleP95Ms: null },
    ])
    cloud.configure({ doorDelayMs: 300, settlementDelayMs: 500 })
    buy(cloud, clock, 'GZ0099Z', ['p_water'])
    expect(cloud.getStatistics(m2, { range: 'today' }).latency).toEqual([
      { deviceCode: 'GZ0099Z', openP50Ms: 300, openP95Ms: 300, settleP50Ms: 500, settleP95Ms: 500 },
    ])
  })

  test('devices with their QR URLs, and staff invites for them', () => {
    const { cloud } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    expect(cloud.listMerchantDevices(m).items[0]).toEqual({
      code: 'GZ0001A',
      name: '鲜享1号柜',
      place: '科技园A栋1楼大堂',
      depositFen: 5000,
      qrUrl: 'https://qr.kaimengui.cn/c/GZ0001A',
    })
    const invite = cloud.createStaffInvite(m, { deviceCodes: ['GZ0001A', 'SM0002D'] })
    expect(invite.expiresAt).toBe('2026-11-21T12:00:00+08:00')
    const user = cloud.bindStaff(loginAs(cloud, 'u_first'), { inviteCode: invite.inviteCode })
    expect(user.roles.staffDeviceCodes).toEqual(['GZ0001A', 'SM0002D'])
    cloudErrorOf(
      () => cloud.bindStaff('u_other', { inviteCode: invite.inviteCode }),
      'STAFF_INVITE_INVALID',
      403,
    )
    expect(
      cloudErrorOf(() => cloud.createStaffInvite(m, { deviceCodes: ['GZ0099Z'] }), 'VALIDATION_FAILED', 422)
        .fields,
    ).toHaveProperty('deviceCodes')
  })

  test('an invite expires after a day', () => {
    const { cloud, clock } = cloudFor('merchant')
    const invite = cloud.createStaffInvite('u_merchant', { deviceCodes: ['GZ0001A'] })
    clock.advance(DAY)
    cloudErrorOf(
      () => cloud.bindStaff('u_first', { inviteCode: invite.inviteCode }),
      'STAFF_INVITE_INVALID',
      403,
    )
  })
})

describe('the withdrawal rules, one at a time', () => {
  test('a failed withdrawal returns its money exactly once, to the account it came from', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const ali = () => cloud.listAccounts(m).items.find((a) => a.channel === 'alipay')!
    const before = { wx: wx(cloud, m), ali: ali() }
    cloud.setWithdrawalFailure('M001', true)
    const w = cloud.createWithdrawal(m, { accountId: 'acc_wx_M001', amountFen: 12_345 })
    expect(wx(cloud, m).availableFen).toBe(before.wx.availableFen - 12_345)
    clock.advance(2_000)
    expect(wx(cloud, m).availableFen).toBe(before.wx.availableFen)
    expect(wx(cloud, m).pendingFen).toBe(before.wx.pendingFen)
    expect(ali()).toEqual(before.ali)
    // Long after, still one return: the bank's answer is applied once.
    clock.advance(10 * DAY)
    const returns = cloud.inspect().ledger.filter((e) => e.ref === w.id)
    expect(returns.map((e) => [e.kind, e.amountFen])).toEqual([
      ['withdrawal', -12_345],
      ['withdrawal_return', 12_345],
    ])
    expect(cloud.listWithdrawals(m).items[0]).toMatchObject({
      id: w.id,
      state: 'failed',
      reason: expect.stringContaining('退回'),
      settledAt: '2026-11-20T12:00:02+08:00',
    })
  })

  test('the returned money can be withdrawn again; once the bank accepts, it stays withdrawn', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const available = wx(cloud, m).availableFen
    cloud.setWithdrawalFailure('M001', true)
    cloud.createWithdrawal(m, { accountId: 'acc_wx_M001', amountFen: available })
    expect(wx(cloud, m).availableFen).toBe(0)
    cloudErrorOf(
      () => cloud.createWithdrawal(m, { accountId: 'acc_wx_M001', amountFen: 1_000 }),
      'WITHDRAW_ABOVE_AVAILABLE',
      422,
    )
    clock.advance(2_000)
    cloud.setWithdrawalFailure('M001', false)
    const again = cloud.createWithdrawal(m, { accountId: 'acc_wx_M001', amountFen: available })
    clock.advance(2_000)
    expect(cloud.listWithdrawals(m).items.map((w) => w.state)).toEqual(['succeeded', 'failed', 'succeeded'])
    expect(cloud.listWithdrawals(m).items[0]?.id).toBe(again.id)
    expect(wx(cloud, m).availableFen).toBe(0)
  })

  test('records are filtered by account; another merchant’s account is ACCOUNT_NOT_FOUND', () => {
    const { cloud } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    cloud.createWithdrawal(m, { accountId: 'acc_ali_M001', amountFen: 100 })
    expect(cloud.listWithdrawals(m, { accountId: 'acc_ali_M001' }).items.map((w) => w.amountFen)).toEqual([
      100,
    ])
    expect(cloud.listWithdrawals(m, { accountId: 'acc_wx_M001' }).items.map((w) => w.amountFen)).toEqual([
      50_000,
    ])
    cloudErrorOf(() => cloud.listWithdrawals(m, { accountId: 'acc_wx_M002' }), 'ACCOUNT_NOT_FOUND', 404)
  })
})

describe('complaints as the merchant sees them', () => {
  test('each comes with the shopper’s photos and the session’s shelf log', () => {
    const { cloud } = cloudFor('merchant')
    const [item] = cloud.listMerchantComplaints(loginAs(cloud, 'u_merchant'), { state: 'pending' }).items
    expect(item?.complaint.photoUrls).toEqual([expect.stringMatching(/\/uploads\/up_\d+\.jpg$/)])
    expect(item?.evidence?.photoUrls).toEqual([])
    expect(item?.evidence?.weightLog.map((e) => [e.productId, e.deltaQty])).toEqual([
      ['p_cola', -2],
      ['p_chips', -1],
    ])
    expect(item?.evidence?.weightLog[0]?.at.startsWith('2026-11-18T18:2')).toBe(true)
  })
})
