// The merchant's back office: receipts, balances, withdrawals, statistics, devices and staff invites.
// Everything is computed from orders, refunds, door sessions and the ledger, and only ever the caller's
// own merchant's.
import { requireMerchant } from './access'
import { cloudError, validationError } from './errors'
import { onWithdrawalSettled } from './messages'
import { newestFirst, orderStatus, refundedFen, toOrderSummary } from './orders'
import { nextId, type Ctx, type DeviceRecord, type WithdrawalRecord } from './state'
import { chinaParts, dateKeyToMs, DAY_MS, isoIfSet, startOfChinaDay, toIso } from './time'
import type {
  Account,
  ChannelAmounts,
  LatencyRow,
  MerchantDevice,
  OrderListFilter,
  MerchantOrderSummary,
  Page,
  ReceiptReport,
  ReceiptRow,
  Statistics,
  Withdrawal,
} from './types'
import { accountChannelOf, definedIn, fnv1a, paginate, percentile } from './util'

type Channel = 'wxpay' | 'alipay'

function toWithdrawal(w: WithdrawalRecord): Withdrawal {
  const out: Withdrawal = {
    id: w.id,
    accountId: w.accountId,
    amountFen: w.amountFen,
    state: w.state,
    createdAt: toIso(w.createdAt),
  }
  return Object.assign(out, definedIn(w, ['reason']), isoIfSet(w, ['settledAt']))
}

function balances(ctx: Ctx, accountId: string): { availableFen: number; pendingFen: number } {
  const now = ctx.clock.now()
  let availableFen = 0
  let pendingFen = 0
  for (const e of ctx.world.ledger) {
    if (e.accountId !== accountId || e.at > now) continue
    if (e.availableAt <= now) availableFen += e.amountFen
    else pendingFen += e.amountFen
  }
  // A refund larger than what has settled is taken from later sales; the balance shown never goes negative.
  return { availableFen: Math.max(0, availableFen), pendingFen: Math.max(0, pendingFen) }
}

interface Movement {
  at: number
  deviceCode: string
  channel: Channel
  grossFen: number
  refundFen: number
  orders: number
}

/** Paid sales (on their payment day) and refunds (on their own day) of one merchant. */
function movements(ctx: Ctx, merchantId: string, from: number, to: number): Movement[] {
  const out: Movement[] = []
  for (const o of ctx.world.orders.values()) {
    if (o.merchantId !== merchantId) continue
    const channel = accountChannelOf(o.channel)
    if (o.base === 'paid' && o.paidAt !== undefined && o.paidAt >= from && o.paidAt < to) {
      out.push({
        at: o.paidAt,
        deviceCode: o.deviceCode,
        channel,
        grossFen: o.priced.totalFen,
        refundFen: 0,
        orders: 1,
      })
    }
    for (const id of o.refundIds) {
      const r = ctx.world.refunds.get(id)
      if (r && r.createdAt >= from && r.createdAt < to) {
        out.push({
          at: r.createdAt,
          deviceCode: o.deviceCode,
          channel,
          grossFen: 0,
          refundFen: r.amountFen,
          orders: 0,
        })
      }
    }
  }
  return out
}

function emptyChannels(): Record<Channel, ChannelAmounts> {
  const zero = (channel: Channel): ChannelAmounts => ({
    channel,
    grossFen: 0,
    refundFen: 0,
    netFen: 0,
    orderCount: 0,
  })
  return { wxpay: zero('wxpay'), alipay: zero('alipay') }
}

const MAX_DEPOSIT_FEN = 50_000

function toMerchantDevice(ctx: Ctx, d: DeviceRecord): MerchantDevice {
  return {
    code: d.code,
    name: d.name,
    place: d.place,
    depositFen: d.depositFen,
    qrUrl: `${ctx.settings.qrBaseUrl}${d.code}`,
  }
}

export function merchantOps(ctx: Ctx) {
  return {
    listReceipts(
      caller: string | null,
      input: { from?: string; to?: string; groupBy?: 'day' | 'channel' | 'device' } = {},
    ): ReceiptReport {
      const { merchantId } = requireMerchant(ctx, caller)
      const today = chinaParts(ctx.clock.now()).dateKey
      const fromKey = input.from ?? chinaParts(ctx.clock.now() - 6 * DAY_MS).dateKey
      const toKey = input.to ?? today
      const from = dateKeyToMs(fromKey)
      const toStart = dateKeyToMs(toKey)
      const fields: Record<string, string> = {}
      if (from === null) fields.from = '日期格式应为YYYY-MM-DD'
      if (toStart === null) fields.to = '日期格式应为YYYY-MM-DD'
      const groupBy = input.groupBy ?? 'day'
      if (!['day', 'channel', 'device'].includes(groupBy)) fields.groupBy = '分组方式无效'
      if (from !== null && toStart !== null) {
        if (from > toStart) fields.from = '开始日期不能晚于结束日期'
        else if (toStart - from > 92 * DAY_MS) fields.to = '查询范围不能超过92天'
      }
      if (Object.keys(fields).length > 0 || from === null || toStart === null) throw validationError(fields)
      const rows = new Map<string, { channels: Record<Channel, ChannelAmounts> }>()
      const keys: string[] = []
      if (groupBy === 'day') {
        for (let t = from; t <= toStart; t += DAY_MS) keys.push(chinaParts(t).dateKey)
      } else if (groupBy === 'channel') keys.push('wxpay', 'alipay')
      else {
        for (const d of ctx.world.devices.values()) if (d.merchantId === merchantId) keys.push(d.code)
      }
      for (const k of keys) rows.set(k, { channels: emptyChannels() })
      for (const m of movements(ctx, merchantId, from, toStart + DAY_MS)) {
        const key =
          groupBy === 'day' ? chinaParts(m.at).dateKey : groupBy === 'channel' ? m.channel : m.deviceCode
        const row = rows.get(key)
        if (!row) continue
        const c = row.channels[m.channel]
        c.grossFen += m.grossFen
        c.refundFen += m.refundFen
        c.netFen = c.grossFen - c.refundFen
        c.orderCount += m.orders
      }
      const rowsOut: ReceiptRow[] = keys.map((key) => {
        const byChannel = Object.values(rows.get(key)?.channels ?? emptyChannels())
        const sum = (f: 'grossFen' | 'refundFen' | 'orderCount'): number =>
          byChannel.reduce((n, c) => n + c[f], 0)
        return {
          key,
          grossFen: sum('grossFen'),
          refundFen: sum('refundFen'),
          netFen: sum('grossFen') - sum('refundFen'),
          orderCount: sum('orderCount'),
          byChannel,
        }
      })
      const total = emptyChannels()
      for (const row of rowsOut) {
        for (const c of row.byChannel) {
          const t = total[c.channel]
          t.grossFen += c.grossFen
          t.refundFen += c.refundFen
          t.netFen += c.netFen
          t.orderCount += c.orderCount
        }
      }
      const byChannel = Object.values(total)
      return {
        from: fromKey,
        to: toKey,
        groupBy,
        rows: rowsOut,
        total: {
          grossFen: byChannel.reduce((n, c) => n + c.grossFen, 0),
          refundFen: byChannel.reduce((n, c) => n + c.refundFen, 0),
          netFen: byChannel.reduce((n, c) => n + c.netFen, 0),
          orderCount: byChannel.reduce((n, c) => n + c.orderCount, 0),
          byChannel,
        },
      }
    },

    listMerchantOrders(
      caller: string | null,
      input: {
        date?: string
        deviceCode?: string
        status?: OrderListFilter
        cursor?: string | null
        limit?: number
      } = {},
    ): Page<MerchantOrderSummary> {
      const { merchantId } = requireMerchant(ctx, caller)
      let dayStart: number | null = null
      if (input.date !== undefined) {
        dayStart = dateKeyToMs(input.date)
        if (dayStart === null) throw validationError({ date: '日期格式应为YYYY-MM-DD' })
      }
      if (
        input.deviceCode !== undefined &&
        ctx.world.devices.get(input.deviceCode)?.merchantId !== merchantId
      ) {
        throw cloudError('DEVICE_NOT_FOUND')
      }
      const orders = [...ctx.world.orders.values()]
        .filter(
          (o) =>
            o.merchantId === merchantId &&
            (input.deviceCode === undefined || o.deviceCode === input.deviceCode) &&
            (dayStart === null || (o.createdAt >= dayStart && o.createdAt < dayStart + DAY_MS)) &&
            (input.status === undefined || input.status === 'all' || orderStatus(ctx, o) === input.status),
        )
        .sort(newestFirst)
      const page = paginate(orders, (o) => o.id, input)
      return {
        items: page.items.map((o) => ({
          ...toOrderSummary(ctx, o),
          refundedFen: refundedFen(ctx, o),
          channel: o.channel,
        })),
        nextCursor: page.nextCursor,
      }
    },

    listAccounts(caller: string | null): { items: Account[] } {
      const { merchantId } = requireMerchant(ctx, caller)
      const items = [...ctx.world.accounts.values()]
        .filter((a) => a.merchantId === merchantId)
        .map((a) => ({
          id: a.id,
          channel: a.channel,
          name: a.name,
          ...balances(ctx, a.id),
          minWithdrawFen: a.minWithdrawFen,
          destination: a.destination,
        }))
      return { items }
    },

    /** Hosts wrap it in withIdempotency: the same key and amount never withdraws twice. */
    createWithdrawal(caller: string | null, input: { accountId: string; amountFen: number }): Withdrawal {
      const { merchantId } = requireMerchant(ctx, caller)
      const account = ctx.world.accounts.get(input?.accountId)
      if (!account || account.merchantId !== merchantId) throw cloudError('ACCOUNT_NOT_FOUND')
      const amount = input.amountFen
      if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0) {
        throw validationError({ amountFen: '请输入正确的金额（最多两位小数）' }, 'WITHDRAW_AMOUNT_INVALID')
      }
      if (amount < account.minWithdrawFen) {
        throw validationError(
          { amountFen: `最低提现${(account.minWithdrawFen / 100).toFixed(2)}元` },
          'WITHDRAW_BELOW_MINIMUM',
        )
      }
      const { availableFen } = balances(ctx, account.id)
      if (amount > availableFen) {
        throw validationError(
          { amountFen: `最多可提现${(availableFen / 100).toFixed(2)}元` },
          'WITHDRAW_ABOVE_AVAILABLE',
        )
      }
      const w: WithdrawalRecord = {
        id: nextId(ctx, 'wd'),
        merchantId,
        accountId: account.id,
        amountFen: amount,
        state: 'processing',
        createdAt: ctx.clock.now(),
      }
      ctx.world.withdrawals.set(w.id, w)
      ctx.world.ledger.push({
        accountId: account.id,
        amountFen: -amount,
        at: w.createdAt,
        availableAt: w.createdAt,
        kind: 'withdrawal',
        ref: w.id,
      })
      ctx.clock.setTimeout(() => {
        w.settledAt = ctx.clock.now()
        if (ctx.world.merchants.get(merchantId)?.withdrawalFailure) {
          w.state = 'failed'
          w.reason = '收款银行卡信息有误，资金已退回可提现余额'
          ctx.world.ledger.push({
            accountId: account.id,
            amountFen: amount,
            at: w.settledAt,
            availableAt: w.settledAt,
            kind: 'withdrawal_return',
            ref: w.id,
          })
        } else w.state = 'succeeded'
        onWithdrawalSettled(ctx, w)
      }, ctx.settings.withdrawalDelayMs)
      return toWithdrawal(w)
    },

    listWithdrawals(
      caller: string | null,
      input: { accountId?: string; cursor?: string | null; limit?: number } = {},
    ): Page<Withdrawal> {
      const { merchantId } = requireMerchant(ctx, caller)
      if (
        input.accountId !== undefined &&
        ctx.world.accounts.get(input.accountId)?.merchantId !== merchantId
      ) {
        throw cloudError('ACCOUNT_NOT_FOUND')
      }
      const list = [...ctx.world.withdrawals.values()]
        .filter(
          (w) =>
            w.merchantId === merchantId && (input.accountId === undefined || w.accountId === input.accountId),
        )
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
      const page = paginate(list, (w) => w.id, input)
      return { items: page.items.map(toWithdrawal), nextCursor: page.nextCursor }
    },

    getStatistics(caller: string | null, input: { range?: 'today' | '7d' | '30d' } = {}): Statistics {
      const { merchantId } = requireMerchant(ctx, caller)
      const range = input.range ?? 'today'
      const days = { today: 1, '7d': 7, '30d': 30 }[range]
      if (days === undefined) throw validationError({ range: '范围无效' })
      const now = ctx.clock.now()
      const start = startOfChinaDay(now) - (days - 1) * DAY_MS
      const devices = [...ctx.world.devices.values()].filter((d) => d.merchantId === merchantId)
      const paid = [...ctx.world.orders.values()].filter(
        (o) =>
          o.merchantId === merchantId &&
          o.base === 'paid' &&
          o.paidAt !== undefined &&
          o.paidAt >= start &&
          o.paidAt <= now,
      )
      const salesFen = paid.reduce((n, o) => n + o.priced.totalFen, 0)
      const series = Array.from({ length: days }, (_, i) => {
        const dayStart = start + i * DAY_MS
        const inDay = paid.filter((o) => (o.paidAt ?? 0) >= dayStart && (o.paidAt ?? 0) < dayStart + DAY_MS)
        return {
          date: chinaParts(dayStart).dateKey,
          salesFen: inDay.reduce((n, o) => n + o.priced.totalFen, 0),
          orderCount: inDay.length,
        }
      })
      const byDevice = devices.map((d) => {
        const mine = paid.filter((o) => o.deviceCode === d.code)
        return {
          deviceCode: d.code,
          deviceName: d.name,
          salesFen: mine.reduce((n, o) => n + o.priced.totalFen, 0),
          orderCount: mine.length,
        }
      })
      byDevice.sort((a, b) => b.salesFen - a.salesFen || b.orderCount - a.orderCount)
      const goods = new Map<string, { productId: string; name: string; qty: number; salesFen: number }>()
      for (const o of paid) {
        for (const l of o.priced.lines) {
          const g = goods.get(l.productId) ?? { productId: l.productId, name: l.name, qty: 0, salesFen: 0 }
          g.qty += l.qty
          g.salesFen += l.lineTotalFen
          goods.set(l.productId, g)
        }
      }
      const topGoods = [...goods.values()]
        .sort((a, b) => b.qty - a.qty || b.salesFen - a.salesFen)
        .slice(0, 10)
      const latency: LatencyRow[] = devices.map((d) => {
        const sessions = [...ctx.world.sessions.values()].filter(
          (s) => s.deviceCode === d.code && s.requestedAt >= start && s.requestedAt <= now,
        )
        const open = sessions.flatMap((s) => (s.openedAt !== undefined ? [s.openedAt - s.requestedAt] : []))
        const settle = sessions.flatMap((s) =>
          s.settledAt !== undefined && s.closedAt !== undefined ? [s.settledAt - s.closedAt] : [],
        )
        return {
          deviceCode: d.code,
          openP50Ms: percentile(open, 50),
          openP95Ms: percentile(open, 95),
          settleP50Ms: percentile(settle, 50),
          settleP95Ms: percentile(settle, 95),
        }
      })
      return {
        range,
        salesFen,
        orderCount: paid.length,
        avgTicketFen: paid.length === 0 ? 0 : Math.round(salesFen / paid.length),
        series,
        byDevice,
        topGoods,
        latency,
      }
    },

    listMerchantDevices(caller: string | null): { items: MerchantDevice[] } {
      const { merchantId } = requireMerchant(ctx, caller)
      const items = [...ctx.world.devices.values()]
        .filter((d) => d.merchantId === merchantId)
        .map((d) => toMerchantDevice(ctx, d))
      return { items }
    },

    /** The deposit held for 押金开门 / 预授权 at one of the merchant's cabinets (0: none offered). */
    setDeviceDeposit(
      caller: string | null,
      deviceCode: string,
      input: { depositFen: number },
    ): MerchantDevice {
      const { merchantId } = requireMerchant(ctx, caller)
      const device = ctx.world.devices.get(deviceCode)
      // Another merchant's cabinet is "not found": codes do not reveal who owns what.
      if (!device || device.merchantId !== merchantId) throw cloudError('DEVICE_NOT_FOUND')
      const fen = input?.depositFen
      if (!Number.isInteger(fen) || fen < 0 || fen > MAX_DEPOSIT_FEN)
        throw validationError({ depositFen: '押金须为 0–500 元，以分计的整数' })
      device.depositFen = fen
      return toMerchantDevice(ctx, device)
    },

    createStaffInvite(
      caller: string | null,
      input: { deviceCodes: string[] },
    ): { inviteCode: string; expiresAt: string } {
      const { merchantId } = requireMerchant(ctx, caller)
      const codes = input?.deviceCodes
      if (!Array.isArray(codes) || codes.length === 0) throw validationError({ deviceCodes: '请选择设备' })
      if (codes.some((c) => ctx.world.devices.get(c)?.merchantId !== merchantId)) {
        throw validationError({ deviceCodes: '包含不属于您的设备' })
      }
      const n = nextId(ctx, 'inv')
      const code = `K${fnv1a(`${n}|${merchantId}|${codes.join(',')}`)
        .toUpperCase()
        .slice(0, 7)}`
      const expiresAt = ctx.clock.now() + ctx.settings.staffInviteTtlMs
      ctx.world.invites.set(code, {
        code,
        merchantId,
        deviceCodes: [...new Set(codes)],
        expiresAt,
        usedBy: null,
      })
      return { inviteCode: code, expiresAt: toIso(expiresAt) }
    },

    /** Control: make the merchant's next withdrawals fail at the bank (or succeed again). */
    setWithdrawalFailure(merchantId: string, failing: boolean): void {
      const merchant = ctx.world.merchants.get(merchantId)
      if (!merchant) throw cloudError('NOT_FOUND')
      merchant.withdrawalFailure = failing
    },
  }
}
