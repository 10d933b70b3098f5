/**
 * The merchant workspace's store against the emulated cloud (msw in Node): receipts, withdrawals,
 * statistics, complaints and devices, as the pages drive them, minus the pixels.
 */
import { configureTransport } from '@/api/transport'
import { errorDetail } from '@/domain/errors'
import { installCloudInJest } from '../../../../../mock/hosts/node'
import { printableQr } from '../../domain/qrSticker'
import { createMerchantStore } from '..'
import { withdrawAccount, withdrawCheck } from '../walletSlice'

const WX = 'acc_wx_M001'

const emulator = installCloudInJest({ scenario: 'merchant' })
let requests = 0
emulator.server.events.on('request:start', ({ request }) => {
  if (new URL(request.url).pathname.startsWith('/v1/')) requests += 1
})

/** A fresh merchant world and a fresh phone (store) signed in as `userId`. */
function start(userId = 'u_merchant') {
  emulator.control.scenario({ name: 'merchant' })
  configureTransport({
    baseUrl: 'http://cloud.test',
    getToken: () => emulator.tokenFor(userId),
    relogin: async () => emulator.tokenFor(userId),
    defaultTimeoutMs: 3000,
  })
  h = {
    store: createMerchantStore(),
    get cloud() {
      return emulator.cloud
    },
    control: emulator.control,
    clock: emulator.clock,
    requests: () => requests,
  }
  return h
}

let h: {
  store: ReturnType<typeof createMerchantStore>
  readonly cloud: typeof emulator.cloud
  control: typeof emulator.control
  clock: typeof emulator.clock
  requests: () => number
}

const available = (accountId = WX) =>
  h.cloud.listAccounts('u_merchant').items.find((a) => a.id === accountId)!
const withdrawalCount = () => h.cloud.listWithdrawals('u_merchant', { limit: 100 }).items.length

describe('receipts (收款)', () => {
  test('7 days on the cloud’s day, with both channels, by day and by cabinet, and a day’s orders', async () => {
    const { store } = start()
    await store.getState().selectRangePreset('7d')
    const { receipts, today } = store.getState()
    expect(today).toBe('2026-11-20')
    expect(receipts.range).toEqual({ preset: '7d', from: '2026-11-14', to: '2026-11-20' })
    const report = receipts.report.data!
    expect(report.rows.map((r) => r.key)).toHaveLength(7)
    const channels = report.total.byChannel.filter((c) => c.grossFen > 0).map((c) => c.channel)
    expect(channels.sort()).toEqual(['alipay', 'wxpay'])

    await store.getState().setReceiptGrouping('device')
    expect(store.getState().receipts.report.data?.rows.map((r) => r.key)).toEqual([
      'GZ0001A',
      'SM0002D',
      'SJ0001V',
    ])
    expect(store.getState().receipts.report.data?.total).toEqual(report.total)

    const day = report.rows.find((r) => r.orderCount > 0)!
    await store.getState().openMerchantOrders({ date: day.key })
    while (store.getState().merchantOrders.nextCursor) await store.getState().loadMoreMerchantOrders()
    const orders = store.getState().merchantOrders.list.data!
    expect(orders.length).toBeGreaterThanOrEqual(day.orderCount)
    expect(orders.every((o) => o.createdAt.startsWith(day.key))).toBe(true)
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length)
  })

  test('a custom range the cloud cannot answer is refused on the phone, with the reason', async () => {
    const { store } = start()
    await store.getState().selectRangePreset('today')
    const before = h.requests()
    await store.getState().selectCustomRange('2026-11-20', '2026-11-10')
    expect(store.getState().receipts.rangeError).toMatchObject({
      code: 'DATE_RANGE_INVALID',
      hint: '开始日期不能晚于结束日期',
    })
    await store.getState().selectCustomRange('2026-01-01', '2026-11-20')
    expect(store.getState().receipts.rangeError?.hint).toBe('最多查询92天')
    expect(h.requests()).toBe(before)
    expect(store.getState().receipts.range?.preset).toBe('today')
    await store.getState().selectCustomRange('2026-11-01', '2026-11-20')
    expect(store.getState().receipts.rangeError).toBeNull()
    expect(store.getState().receipts.report.data?.rows).toHaveLength(20)
  })
})

describe('withdrawals (提现)', () => {
  async function ready(text: string) {
    await h.store.getState().loadWallet()
    h.store.getState().startWithdrawal(WX)
    h.store.getState().setWithdrawAmount(text)
    h.store.getState().reviewWithdrawal()
  }

  test('a double tap on 确认提现 withdraws once', async () => {
    const { store } = start()
    const before = { available: available().availableFen, count: withdrawalCount() }
    await ready('100')
    expect(store.getState().withdraw.step).toBe('confirm')
    await Promise.all([store.getState().confirmWithdrawal(), store.getState().confirmWithdrawal()])
    expect(store.getState().withdraw).toMatchObject({
      step: 'done',
      result: { amountFen: 10_000, state: 'processing' },
    })
    expect(withdrawalCount()).toBe(before.count + 1)
    expect(available().availableFen).toBe(before.available - 10_000)
    expect(store.getState().accounts.data?.find((a) => a.id === WX)?.availableFen).toBe(
      before.available - 10_000,
    )
  })

  test('the wallet follows a 处理中 withdrawal until it settles, then reloads the balances', async () => {
    const { store, clock } = start()
    await ready('100')
    await store.getState().confirmWithdrawal()
    const stop = store.getState().watchWithdrawals()
    const reads = h.requests()
    clock.advance(60_000) // the cloud pays it out
    const settled = () => store.getState().withdrawals.data?.[0]?.state === 'succeeded'
    for (let waited = 0; !settled() && waited < 4_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100))
    expect(settled()).toBe(true)
    // One read found it settled; the balances followed once; then the watch ended by itself: nothing
    // more over more than two of its 1.5 s periods.
    await new Promise((resolve) => setTimeout(resolve, 3_500))
    expect(h.requests() - reads).toBe(2)
    stop()
  })

  test('a retry after a lost answer carries the same key and creates one withdrawal', async () => {
    const { store, control } = start()
    const before = withdrawalCount()
    await ready('50.5')
    control.network({ dropResponses: 1 })
    await store.getState().confirmWithdrawal()
    expect(store.getState().withdraw).toMatchObject({ step: 'confirm', error: { code: 'NETWORK' } })
    expect(withdrawalCount()).toBe(before + 1) // the cloud did it; only the answer was lost
    const key = store.getState().withdraw.attempt?.key
    store.getState().backToEditWithdrawal()
    store.getState().reviewWithdrawal()
    expect(store.getState().withdraw.attempt?.key).toBe(key)
    await store.getState().confirmWithdrawal()
    expect(store.getState().withdraw).toMatchObject({ step: 'done', result: { amountFen: 5050 } })
    expect(withdrawalCount()).toBe(before + 1)
  })

  test.each([
    ['12.345', 'WITHDRAW_AMOUNT_INVALID', '金额最多两位小数'],
    ['-10', 'WITHDRAW_AMOUNT_INVALID', '金额不能为负数'],
    ['abc', 'WITHDRAW_AMOUNT_INVALID', '请输入正确的金额，如 12.50'],
    ['1 00', 'WITHDRAW_AMOUNT_INVALID', '金额中不能有空格'],
    ['¥1,000', 'WITHDRAW_AMOUNT_INVALID', '金额中不能有逗号'],
    ['9.99', 'WITHDRAW_BELOW_MINIMUM', '最低提现¥10.00'],
    ['99999', 'WITHDRAW_ABOVE_AVAILABLE', '最多可提现¥'],
  ])('"%s" is refused on the phone (%s) and nothing is sent', async (text, code, reason) => {
    const { store } = start()
    await ready(text)
    expect(store.getState().withdraw.step).toBe('edit')
    expect(store.getState().withdraw.error).toMatchObject({ code })
    expect(store.getState().withdraw.error?.hint).toContain(reason)
    expect(
      withdrawCheck(withdrawAccount(store.getState()), store.getState().withdraw.amountText),
    ).toMatchObject({ ok: false, code })
    const before = h.requests()
    await store.getState().confirmWithdrawal()
    expect(h.requests()).toBe(before)
  })

  test('全部提现 fills the available amount, pasted spaces and ¥ are accepted', async () => {
    const { store } = start()
    await ready('')
    store.getState().fillAllAvailable()
    expect(withdrawCheck(withdrawAccount(store.getState()), store.getState().withdraw.amountText)).toEqual({
      ok: true,
      fen: available().availableFen,
    })
    store.getState().setWithdrawAmount(' ¥ 20.00 ')
    expect(withdrawCheck(withdrawAccount(store.getState()), store.getState().withdraw.amountText)).toEqual({
      ok: true,
      fen: 2000,
    })
  })

  test('a withdrawal the bank refuses ends 失败 with the reason, and the money is back in available', async () => {
    const { store, control, clock } = start()
    control.merchant({ merchantId: 'M001', withdrawalFailure: true })
    const before = available().availableFen
    await ready('300')
    await store.getState().confirmWithdrawal()
    expect(store.getState().accounts.data?.find((a) => a.id === WX)?.availableFen).toBe(before - 30_000)
    clock.advance(2_000)
    await store.getState().loadWallet()
    expect(store.getState().withdrawals.data?.[0]).toMatchObject({
      state: 'failed',
      reason: expect.stringContaining('退回'),
      settledAt: expect.any(String),
    })
    expect(store.getState().accounts.data?.find((a) => a.id === WX)?.availableFen).toBe(before)
  })

  test('the cloud’s refusal (the balance changed meanwhile) sends the merchant back to the amount', async () => {
    const { store, cloud } = start()
    await ready('1000')
    cloud.createWithdrawal('u_merchant', { accountId: WX, amountFen: available().availableFen - 1000 })
    await store.getState().confirmWithdrawal()
    expect(store.getState().withdraw).toMatchObject({
      step: 'edit',
      attempt: null,
      error: { code: 'WITHDRAW_ABOVE_AVAILABLE' },
    })
    expect(errorDetail(store.getState().withdraw.error!)).toMatch(/最多可提现/)
    expect(store.getState().accounts.data?.find((a) => a.id === WX)?.availableFen).toBe(1000)
  })
})

describe('complaints (客诉)', () => {
  const complaintId = () => h.cloud.scenario.refs.complaintId!
  const orderId = () => h.cloud.scenario.refs.recentOrderId!

  test('approved with a corrected line: the cloud refunds the difference once, the shopper sees it', async () => {
    const { store } = start()
    await store.getState().loadComplaints('pending')
    const [item] = store.getState().complaints.list.data!
    expect(item?.complaint.photoUrls).toHaveLength(1)
    expect(item?.evidence?.weightLog.length).toBeGreaterThan(0)
    await store.getState().openComplaint(complaintId())
    expect(store.getState().decision.lines.map((l) => [l.productId, l.chargedQty, l.qty])).toEqual([
      ['p_cola', 2, 1],
      ['p_chips', 1, 1],
    ])
    store.getState().reviewDecision('approve')
    await Promise.all([store.getState().submitDecision(), store.getState().submitDecision()])
    expect(store.getState().decision.step).toBe('done')
    const handled = store.getState().complaints.list.data?.[0]?.complaint
    expect(handled).toMatchObject({ state: 'resolved', refund: { destination: '原路返回' } })
    const receipt = h.cloud.getOrder('u_happy', orderId())
    expect(receipt.refunds).toEqual([expect.objectContaining({ amountFen: handled?.refund?.amountFen })])
    expect(receipt.status).toBe('partially_refunded')
  })

  test('approving again from a second phone is refused as already handled; nothing is refunded twice', async () => {
    const { store } = start()
    const other = createMerchantStore()
    await store.getState().openComplaint(complaintId())
    await other.getState().openComplaint(complaintId())
    store.getState().reviewDecision('approve')
    await store.getState().submitDecision()
    other.getState().reviewDecision('approve')
    await other.getState().submitDecision()
    expect(other.getState().decision).toMatchObject({
      step: 'edit',
      error: { code: 'COMPLAINT_ALREADY_HANDLED' },
    })
    expect(
      other.getState().complaints.list.data?.find((i) => i.complaint.id === complaintId())?.complaint.state,
    ).toBe('resolved')
    expect(h.cloud.getOrder('u_happy', orderId()).refunds).toHaveLength(1)
  })

  test('a corrected order above the original is refused by the cloud with its reason; nothing changes', async () => {
    const { store } = start()
    await store.getState().openComplaint(complaintId())
    store.getState().setCorrectionQty('p_chips', 5)
    store.getState().reviewDecision('approve')
    await store.getState().submitDecision()
    const { decision } = store.getState()
    expect(decision).toMatchObject({ step: 'edit', attempt: null, error: { code: 'VALIDATION_FAILED' } })
    expect(errorDetail(decision.error!)).toBe('更正后金额不能高于原订单金额')
    expect(h.cloud.listMerchantComplaints('u_merchant', { state: 'pending' }).items).toHaveLength(1)
    expect(h.cloud.getOrder('u_happy', orderId()).refunds).toEqual([])
  })

  test('a rejection needs a reply; with one, the shopper gets it', async () => {
    const { store, cloud } = start()
    await store.getState().openComplaint(complaintId())
    const before = h.requests()
    store.getState().reviewDecision('reject')
    expect(store.getState().decision).toMatchObject({ step: 'edit', error: { code: 'VALIDATION_FAILED' } })
    expect(h.requests()).toBe(before)
    store.getState().setDecisionReply('货架称重记录显示取走两瓶')
    store.getState().reviewDecision('reject')
    await store.getState().submitDecision()
    expect(cloud.getComplaint('u_happy', complaintId())).toMatchObject({
      state: 'rejected',
      reply: '货架称重记录显示取走两瓶',
    })
  })
})

describe('statistics and devices', () => {
  test('7 days of sales with a point per day, by cabinet, top goods and latency', async () => {
    const { store } = start()
    await store.getState().showStatistics('7d')
    const stats = store.getState().statistics.byRange['7d'].data!
    expect(stats.series).toHaveLength(7)
    expect(stats.byDevice.length).toBe(3)
    expect(stats.topGoods.length).toBeGreaterThan(0)
    expect(stats.latency.every((l) => l.openP50Ms !== null)).toBe(true)
    expect(store.getState().today).toBe('2026-11-20')
  })

  test('every cabinet of the merchant gets a printable QR', async () => {
    const { store } = start()
    await store.getState().loadDevices()
    const devices = store.getState().devices.data!
    expect(devices.map((d) => d.code)).toEqual(['GZ0001A', 'SM0002D', 'SJ0001V'])
    expect(devices.every((d) => printableQr(d).ok)).toBe(true)
  })
})

test('a shopper opening the workspace is refused by the cloud, on every screen', async () => {
  const { store } = start('u_happy')
  await Promise.all([
    store.getState().loadWallet(),
    store.getState().showStatistics('today'),
    store.getState().loadComplaints('pending'),
    store.getState().loadDevices(),
    store.getState().selectRangePreset('7d'),
  ])
  const s = store.getState()
  for (const error of [
    s.accounts.error,
    s.withdrawals.error,
    s.statistics.byRange.today.error,
    s.complaints.list.error,
    s.devices.error,
    s.receipts.report.error,
  ]) {
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: '没有操作权限' })
  }
})

describe('cabinet deposits (押金开门 / 预授权)', () => {
  test('a deposit typed in yuan is saved in fen and shown; 0 turns deposits off; bad amounts send nothing', async () => {
    const { store } = start()
    await store.getState().loadDevices()
    expect(store.getState().devices.data?.find((d) => d.code === 'GZ0001A')?.depositFen).toBe(5000)

    const before = h.requests()
    for (const text of ['', '-5', '12.345', '500.01', '５００.０１']) {
      expect(await store.getState().setDeposit('GZ0001A', text)).toMatchObject({ code: 'VALIDATION_FAILED' })
    }
    expect(h.requests()).toBe(before)

    expect(await store.getState().setDeposit('GZ0001A', '¥30.5')).toBeNull()
    expect(store.getState().devices.data?.find((d) => d.code === 'GZ0001A')?.depositFen).toBe(3050)
    expect(h.cloud.inspect().devices.get('GZ0001A')?.depositFen).toBe(3050)

    expect(await store.getState().setDeposit('GZ0001A', '0')).toBeNull()
    expect(h.cloud.inspect().devices.get('GZ0001A')?.depositFen).toBe(0)
    expect(store.getState().devices.data?.find((d) => d.code === 'GZ0001A')?.depositFen).toBe(0)
  })
})
