// What the cloud tells people when they are not looking: every event becomes a message in the user's
// message centre (消息), and also a subscribe message (订阅消息) when the user has allowed that template on
// the platform they last used. The emulator keeps what it "sent" so the simulator and the tests can see it.
import { channelOfPlatform, paginate } from './util'
import { cloudError, validationError } from './errors'
import { nextId, type CloudEvent, type Ctx, type DeviceRecord, type OrderRecord, type World } from './state'
import { chinaParts, DAY_MS, toIso } from './time'
import type { Page, Platform } from './types'
import type * as C from '../../src/api/types'

export type MessageTopic = C.MessageTopic
export type Message = C.Message
export type Subscription = C.Subscription
export type SubscribeAnswer = C.SubscribeAnswer

/** Days before a device's service ends when its merchant is told (设备使用时长: 到期前30天、前7天、前1天), and 0 = ended. */
export const EXPIRY_NOTICE_DAYS = [30, 7, 1, 0] as const

export interface TemplateSpec {
  topic: MessageTopic
  title: string
  /** the template's keywords, in order: name on each platform → what it says */
  keywords: { key: string; label: string }[]
  audience: 'shopper' | 'staff' | 'merchant'
}

/**
 * The templates a merchant applies for, once per platform (WeChat 公共模板库 / Alipay 模板库). The keyword
 * names follow WeChat's `thing1` / `amount2` / `time3` style; Alipay's templates use the same labels.
 */
export const TEMPLATES: readonly TemplateSpec[] = [
  {
    topic: 'payment_succeeded',
    title: '支付成功通知',
    audience: 'shopper',
    keywords: [
      { key: 'amount1', label: '支付金额' },
      { key: 'thing2', label: '购买设备' },
      { key: 'time3', label: '支付时间' },
    ],
  },
  {
    topic: 'refund_made',
    title: '退款成功通知',
    audience: 'shopper',
    keywords: [
      { key: 'amount1', label: '退款金额' },
      { key: 'character_string2', label: '订单号' },
      { key: 'time3', label: '退款时间' },
    ],
  },
  {
    topic: 'complaint_handled',
    title: '申诉处理结果通知',
    audience: 'shopper',
    keywords: [
      { key: 'phrase1', label: '处理结果' },
      { key: 'thing2', label: '商家回复' },
      { key: 'time3', label: '处理时间' },
    ],
  },
  {
    topic: 'unpaid_reminder',
    title: '待支付订单提醒',
    audience: 'shopper',
    keywords: [
      { key: 'amount1', label: '待付金额' },
      { key: 'thing2', label: '购买设备' },
      { key: 'thing3', label: '温馨提示' },
    ],
  },
  {
    topic: 'device_alarm',
    title: '设备告警通知',
    audience: 'staff',
    keywords: [
      { key: 'thing1', label: '设备名称' },
      { key: 'phrase2', label: '告警类型' },
      { key: 'time3', label: '告警时间' },
    ],
  },
  {
    topic: 'stock_alert',
    title: '库存不足提醒',
    audience: 'staff',
    keywords: [
      { key: 'thing1', label: '设备名称' },
      { key: 'thing2', label: '商品名称' },
      { key: 'phrase3', label: '库存状态' },
    ],
  },
  {
    topic: 'service_expiry',
    title: '服务到期提醒',
    audience: 'merchant',
    keywords: [
      { key: 'thing1', label: '设备名称' },
      { key: 'time2', label: '到期时间' },
      { key: 'thing3', label: '温馨提示' },
    ],
  },
  {
    topic: 'withdrawal_result',
    title: '提现结果通知',
    audience: 'merchant',
    keywords: [
      { key: 'amount1', label: '提现金额' },
      { key: 'phrase2', label: '提现结果' },
      { key: 'thing3', label: '备注' },
    ],
  },
]

/** A template id as the platform would issue it; stable so a build and the cloud agree. */
export function templateIdOf(platform: Platform, topic: MessageTopic): string {
  const prefix = channelOfPlatform(platform) === 'wechat' ? 'wx' : 'ali'
  return `${prefix}-tmpl-${topic.replace(/_/g, '-')}`
}

const PAGES = {
  receipt: 'packages/orders/pages/detail/index',
  complaint: 'packages/orders/pages/complaint-status/index',
  device: 'packages/staff/pages/device/index',
  wallet: 'packages/merchant/pages/wallet/index',
  merchantHome: 'packages/merchant/pages/home/index',
} as const

export interface MessageRecord {
  id: string
  userId: string
  topic: MessageTopic
  title: string
  body: string
  fields: Record<string, string>
  page: { path: string; query: Record<string, string> }
  createdAt: number
  readAt: number | null
  /** the subscribe message that went out for it, when the user had allowed the template */
  push: { platform: Platform; templateId: string } | null
}

export interface SubscriptionRecord {
  userId: string
  platform: Platform
  templateId: string
  topic: MessageTopic
  lastAnswer?: SubscribeAnswer
  /** messages the one-time acceptances still allow */
  credits: number
  kept: boolean
  /** refused for good: the app does not ask again */
  refused: boolean
}

export interface MessagesWorld {
  messages: MessageRecord[]
  subscriptions: Map<string, SubscriptionRecord>
  /** timed notices already sent: `expiry:${deviceCode}:${serviceExpiresAt}:${days}`, `unpaid:${orderId}` */
  timedSent: Set<string>
  /** timed notices falling due up to this instant have been looked at */
  sweptUntil: number
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`
function minute(ms: number): string {
  const p = chinaParts(ms)
  return `${p.dateKey} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
}
/** WeChat's `thing` keywords hold at most 20 characters. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text)

function subKey(userId: string, platform: Platform, templateId: string): string {
  return `${userId}|${platform}|${templateId}`
}

function specOf(topic: MessageTopic): TemplateSpec {
  return TEMPLATES.find((t) => t.topic === topic) as TemplateSpec
}

/**
 * Keeps a message for the user and pushes it as a subscribe message when an allowance is left on the
 * platform the user last used (a WeChat one-time acceptance is used up by it).
 */
export function deliver(
  ctx: Ctx,
  userId: string,
  topic: MessageTopic,
  content: { body: string; values: string[]; page: MessageRecord['page'] },
  at: number = ctx.clock.now(),
): MessageRecord | null {
  const user = ctx.world.users.get(userId)
  if (!user) return null
  const spec = specOf(topic)
  const fields = Object.fromEntries(spec.keywords.map((k, i) => [k.key, content.values[i] ?? '']))
  const platform = user.lastPlatform
  const sub =
    platform === 'h5'
      ? undefined
      : ctx.world.notices.subscriptions.get(subKey(userId, platform, templateIdOf(platform, topic)))
  let push: MessageRecord['push'] = null
  if (sub && !sub.refused && (sub.kept || sub.credits > 0)) {
    if (!sub.kept) sub.credits -= 1
    push = { platform, templateId: sub.templateId }
  }
  const record: MessageRecord = {
    id: nextId(ctx, 'msg', 5),
    userId,
    topic,
    title: spec.title,
    body: content.body,
    fields,
    page: content.page,
    createdAt: at,
    readAt: null,
    push,
  }
  ctx.world.notices.messages.push(record)
  return record
}

// ---- who is told what ----------------------------------------------------------------------------------

function deviceName(world: World, code: string): string {
  return world.devices.get(code)?.name ?? code
}

function merchantUsers(world: World, merchantId: string): string[] {
  return [...world.users.values()].filter((u) => u.merchantId === merchantId).map((u) => u.id)
}

type OrderEventKind = Extract<CloudEvent, { type: 'order_event' }>['kind']

/** Order events (paid, payment failed, refunded, complaint handled) become the shopper's messages. */
export function onOrderEvent(ctx: Ctx, event: CloudEvent): void {
  if (event.type === 'order_event') tellOrderOwner(ctx, event.orderId, event.kind)
}

/** Tells an order's owner what happened to it (also for a charge at settlement, which has no order event). */
export function tellOrderOwner(ctx: Ctx, orderId: string, kind: OrderEventKind): void {
  const order = ctx.world.orders.get(orderId)
  if (!order) return
  const receipt = { path: PAGES.receipt, query: { orderId: order.id } }
  const device = deviceName(ctx.world, order.deviceCode)
  const now = ctx.clock.now()
  switch (kind) {
    case 'paid':
      deliver(ctx, order.userId, 'payment_succeeded', {
        body: `您在${device}购物已支付${yuan(dueOf(order))}`,
        values: [yuan(dueOf(order)), thing(device), minute(order.paidAt ?? now)],
        page: receipt,
      })
      return
    case 'payment_failed':
      deliver(ctx, order.userId, 'unpaid_reminder', {
        body: `您在${device}的订单${yuan(dueOf(order))}扣款未成功，请尽快支付`,
        values: [yuan(dueOf(order)), thing(device), '未支付订单会影响下次开门，请尽快支付'],
        page: receipt,
      })
      return
    case 'refunded': {
      const refund = [...order.refundIds]
        .reverse()
        .map((id) => ctx.world.refunds.get(id))
        .find((r) => r?.state === 'succeeded')
      if (!refund) return
      deliver(ctx, order.userId, 'refund_made', {
        body: `订单${order.id}已退款${yuan(refund.amountFen)}，原路退回`,
        values: [yuan(refund.amountFen), order.id, minute(refund.succeededAt ?? now)],
        page: receipt,
      })
      return
    }
    case 'complaint_handled': {
      const complaint = order.complaintId ? ctx.world.complaints.get(order.complaintId) : undefined
      if (!complaint) return
      const result = complaint.state === 'rejected' ? '已驳回' : '已处理'
      const reply =
        complaint.reply?.trim() || (complaint.state === 'rejected' ? '商家未通过申诉' : '商家已处理')
      deliver(ctx, order.userId, 'complaint_handled', {
        body: `您对订单${order.id}的申诉${result}：${reply}`,
        values: [result, thing(reply), minute(complaint.handledAt ?? now)],
        page: { path: PAGES.complaint, query: { complaintId: complaint.id, orderId: order.id } },
      })
      return
    }
  }
}

/** What the shopper still owes or paid: the total less what the deposit covered. */
function dueOf(order: OrderRecord): number {
  return Math.max(0, order.priced.totalFen - (order.depositChargedFen ?? 0))
}

const ALARM_WORDS: Record<string, string> = {
  lock_fault: '门锁故障',
  camera_fault: '摄像头故障',
  offline: '设备离线',
  door_open: '柜门未关',
  temperature: '温度异常',
  low_stock: '库存不足',
  sold_out: '已售罄',
}

/** A raised alarm goes to every active staff member bound to the device; stock alarms as stock alerts. */
export function onAlarmRaised(
  ctx: Ctx,
  alarm: { deviceCode: string; kind: string; productId?: string; raisedAt: number },
): void {
  const device = ctx.world.devices.get(alarm.deviceCode)
  if (!device) return
  const staff = ctx.world.staff.filter((b) => b.deviceCode === device.code && b.state === 'active')
  const recipients = [...new Set(staff.map((b) => b.userId))]
  const page = { path: PAGES.device, query: { code: device.code } }
  const words = ALARM_WORDS[alarm.kind] ?? alarm.kind
  for (const userId of recipients) {
    if (alarm.kind === 'low_stock' || alarm.kind === 'sold_out') {
      const product = device.goods.find((g) => g.productId === alarm.productId)
      const name = product?.name ?? '商品'
      deliver(
        ctx,
        userId,
        'stock_alert',
        {
          body: `${device.name}的${name}${words}，请及时补货`,
          values: [thing(device.name), thing(name), words],
          page,
        },
        alarm.raisedAt,
      )
    } else {
      deliver(
        ctx,
        userId,
        'device_alarm',
        {
          body: `${device.name}${words}，请尽快处理`,
          values: [thing(device.name), words, minute(alarm.raisedAt)],
          page,
        },
        alarm.raisedAt,
      )
    }
  }
}

/** A withdrawal paid out or refused is told to the merchant's people. */
export function onWithdrawalSettled(
  ctx: Ctx,
  w: { merchantId: string; amountFen: number; state: string; reason?: string },
): void {
  const paid = w.state === 'succeeded'
  for (const userId of merchantUsers(ctx.world, w.merchantId)) {
    deliver(ctx, userId, 'withdrawal_result', {
      body: paid
        ? `提现${yuan(w.amountFen)}已到账`
        : `提现${yuan(w.amountFen)}未成功：${w.reason ?? '已退回余额'}`,
      values: [
        yuan(w.amountFen),
        paid ? '已到账' : '提现失败',
        thing(paid ? '请查收' : (w.reason ?? '已退回可提现余额')),
      ],
      page: { path: PAGES.wallet, query: {} },
    })
  }
}

/** An order still unpaid this long after it was made gets one more reminder. */
export const UNPAID_REMINDER_AFTER_MS = DAY_MS

/**
 * Notices that fall due with time: service expiry at 30 / 7 / 1 days before and when it ends, and the
 * reminder of an order still unpaid a day later. The clock travels in steps the model does not see, so
 * every read first sends what fell due since the last look, once each, each at its own instant.
 */
export function sweepTimedNotices(ctx: Ctx): void {
  const now = ctx.clock.now()
  const from = ctx.world.notices.sweptUntil
  if (now <= from) return
  ctx.world.notices.sweptUntil = now
  const due: { at: number; key: string; run: () => void }[] = []
  for (const device of ctx.world.devices.values()) {
    for (const days of EXPIRY_NOTICE_DAYS) {
      const at = device.serviceExpiresAt - days * DAY_MS
      due.push({
        at,
        key: `expiry:${device.code}:${device.serviceExpiresAt}:${days}`,
        run: () => tellExpiry(ctx, device, days, at),
      })
    }
  }
  for (const order of ctx.world.orders.values()) {
    if (order.base !== 'unpaid') continue
    const at = order.createdAt + UNPAID_REMINDER_AFTER_MS
    due.push({ at, key: `unpaid:${order.id}`, run: () => tellUnpaid(ctx, order, at) })
  }
  due
    .filter((d) => d.at > from && d.at <= now && !ctx.world.notices.timedSent.has(d.key))
    .sort((a, b) => a.at - b.at)
    .forEach((d) => {
      ctx.world.notices.timedSent.add(d.key)
      d.run()
    })
}

function tellExpiry(ctx: Ctx, device: DeviceRecord, days: number, at: number): void {
  for (const userId of merchantUsers(ctx.world, device.merchantId)) {
    deliver(
      ctx,
      userId,
      'service_expiry',
      {
        body:
          days === 0
            ? `${device.name}服务已到期，顾客无法开门，请尽快续费`
            : `${device.name}服务将在${days}天后到期，请及时续费`,
        values: [
          thing(device.name),
          minute(device.serviceExpiresAt),
          days === 0 ? '服务已到期，请尽快续费' : `还有${days}天到期，请及时续费`,
        ],
        page: { path: PAGES.merchantHome, query: {} },
      },
      at,
    )
  }
}

function tellUnpaid(ctx: Ctx, order: OrderRecord, at: number): void {
  const device = deviceName(ctx.world, order.deviceCode)
  deliver(
    ctx,
    order.userId,
    'unpaid_reminder',
    {
      body: `您在${device}的订单${yuan(dueOf(order))}已待支付超过一天，请尽快支付`,
      values: [yuan(dueOf(order)), thing(device), '未支付订单会影响下次开门，请尽快支付'],
      page: { path: PAGES.receipt, query: { orderId: order.id } },
    },
    at,
  )
}

// ---- the caller's side ---------------------------------------------------------------------------------

function toMessage(m: MessageRecord): Message {
  return {
    id: m.id,
    topic: m.topic,
    title: m.title,
    body: m.body,
    fields: { ...m.fields },
    page: { path: m.page.path, query: { ...m.page.query } },
    createdAt: toIso(m.createdAt),
    readAt: m.readAt === null ? null : toIso(m.readAt),
    pushed: m.push !== null,
  }
}

function newestFirst(a: MessageRecord, b: MessageRecord): number {
  return b.createdAt - a.createdAt || (b.id < a.id ? -1 : 1)
}

/** Which topics a user can receive: shopper topics for all, staff and merchant topics by role. */
function topicsOf(world: World, userId: string): MessageTopic[] {
  const user = world.users.get(userId)
  const staff = world.staff.some((b) => b.userId === userId && b.state === 'active')
  return TEMPLATES.filter(
    (t) =>
      t.audience === 'shopper' ||
      (t.audience === 'staff' && staff) ||
      (t.audience === 'merchant' && !!user?.merchantId),
  ).map((t) => t.topic)
}

function toSubscription(world: World, userId: string, platform: Platform, topic: MessageTopic): Subscription {
  const templateId = templateIdOf(platform, topic)
  const sub = world.notices.subscriptions.get(subKey(userId, platform, templateId))
  const out: Subscription = {
    topic,
    templateId,
    title: specOf(topic).title,
    askable: platform !== 'h5' && !sub?.refused,
    allowance: !sub || sub.refused ? 'none' : sub.kept ? 'kept' : sub.credits > 0 ? 'once' : 'none',
  }
  if (sub?.lastAnswer) out.lastAnswer = sub.lastAnswer
  return out
}

export function messageOps(ctx: Ctx, requireUser: (caller: string | null) => { id: string }) {
  const list = (userId: string, platform: Platform) => ({
    items: topicsOf(ctx.world, userId).map((t) => toSubscription(ctx.world, userId, platform, t)),
  })
  return {
    listMessages(
      caller: string | null,
      input: { cursor?: string | null; limit?: number } = {},
    ): Page<Message> & { unreadCount: number } {
      const user = requireUser(caller)
      sweepTimedNotices(ctx)
      const mine = ctx.world.notices.messages.filter((m) => m.userId === user.id).sort(newestFirst)
      const page = paginate(mine, (m) => m.id, input)
      return {
        items: page.items.map(toMessage),
        nextCursor: page.nextCursor,
        unreadCount: mine.filter((m) => m.readAt === null).length,
      }
    },

    markMessageRead(caller: string | null, messageId: string): Message {
      const user = requireUser(caller)
      const message = ctx.world.notices.messages.find((m) => m.id === messageId && m.userId === user.id)
      // Another user's message reads as not found: no oracle.
      if (!message) throw cloudError('MESSAGE_NOT_FOUND')
      message.readAt ??= ctx.clock.now()
      return toMessage(message)
    },

    listSubscriptions(caller: string | null, input: { platform?: string }): C.SubscriptionList {
      const user = requireUser(caller)
      const platform = input.platform
      if (platform !== 'weapp' && platform !== 'alipay' && platform !== 'h5') {
        throw validationError({ platform: '平台无效' })
      }
      return list(user.id, platform)
    },

    recordSubscriptionAnswers(
      caller: string | null,
      input: C.RecordSubscriptionAnswersRequest,
    ): C.SubscriptionList {
      const user = requireUser(caller)
      const topics = topicsOf(ctx.world, user.id)
      const known = new Map(topics.map((t) => [templateIdOf(input.platform, t), t]))
      const fields: Record<string, string> = {}
      input.answers.forEach((a, i) => {
        if (!known.has(a.templateId)) fields[`answers.${i}.templateId`] = '没有这个消息模板'
      })
      if (Object.keys(fields).length > 0) throw validationError(fields)
      for (const a of input.answers) {
        const key = subKey(user.id, input.platform, a.templateId)
        const sub: SubscriptionRecord = ctx.world.notices.subscriptions.get(key) ?? {
          userId: user.id,
          platform: input.platform,
          templateId: a.templateId,
          topic: known.get(a.templateId) as MessageTopic,
          credits: 0,
          kept: false,
          refused: false,
        }
        sub.lastAnswer = a.answer
        if (a.answer === 'accept') {
          sub.refused = false
          if (a.keep) sub.kept = true
          else sub.credits += 1
        } else if (a.answer === 'ban' || (a.answer === 'reject' && a.keep)) {
          sub.refused = true
          sub.kept = false
          sub.credits = 0
        } else if (a.answer === 'reject') {
          sub.kept = false
        }
        ctx.world.notices.subscriptions.set(key, sub)
      }
      return list(user.id, input.platform)
    },

    /** The emulator's record of what it sent (the simulator's 消息 panel); newest first. */
    sentMessages(
      userId?: string,
    ): (Message & { userId: string; templateId: string | null; platform: Platform | null })[] {
      sweepTimedNotices(ctx)
      return ctx.world.notices.messages
        .filter((m) => userId === undefined || m.userId === userId)
        .sort(newestFirst)
        .map((m) => ({
          ...toMessage(m),
          userId: m.userId,
          templateId: m.push?.templateId ?? null,
          platform: m.push?.platform ?? null,
        }))
    },
  }
}
