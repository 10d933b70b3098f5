// Named scenarios that tests, demos and the simulator load by name. Every scenario starts from the same
// base world (one merchant with three cabinets, a second merchant for isolation checks, shoppers, a
// restocker, a merchant owner and 30 days of history) and applies one twist, mostly to the shopper
// `u_happy` or the cabinet `GZ0001A`, so a test logs in with `code:u_happy`, opens `GZ0001A` and meets the
// situation the scenario is named after. All times are relative to the clock's now at load time; the
// default clock starts at DEFAULT_FIXTURE_TIME (a Friday noon, when every kind of promotion is on).
import { addLedger, refreshStockAlarms, raiseAlarm } from './access'
import { payloadFor } from './credit'
import { createOrder, createRefund } from './orders'
import { priceCart, type CartItem, type PromotionRule } from './pricing'
import type {
  ComplaintRecord,
  CreditAuthRecord,
  Ctx,
  DeviceRecord,
  FaultKind,
  MerchantRecord,
  OrderBase,
  ProductRecord,
  SessionRecord,
  UserRecord,
} from './state'
import { nextId } from './state'
import { DAY_MS, HOUR_MS, MINUTE_MS, startOfChinaDay } from './time'
import type { CreditMethod, DoorNo, OrderChannel } from './types'

export const DEFAULT_FIXTURE_TIME = '2026-11-20T12:00:00+08:00'

export const SCENARIO_NAMES = [
  'happy',
  'first_time',
  'unpaid_order',
  'offline_device',
  'expired_device',
  'not_activated',
  'lock_fault',
  'camera_fault',
  'restocking',
  'in_use',
  'quota_exhausted',
  'blacklisted',
  'credit_rejected',
  'rate_limited',
  'dual_door',
  'vision',
  'restocker',
  'merchant',
  'demo',
  'order_history',
] as const

export type ScenarioName = (typeof SCENARIO_NAMES)[number]

export interface ScenarioInfo {
  name: ScenarioName
  description: string
  /** the user the scenario is about, and the login code that logs in as them */
  userId: string
  loginCode: string
  /** the cabinet the scenario is about */
  deviceCode: string
  /** ids of notable records (orders, complaints, sessions…) the scenario created */
  refs: Record<string, string>
}

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name)
}

/** Users every scenario has. */
export const FIXTURE_USERS = {
  happy: 'u_happy',
  firstTime: 'u_first',
  other: 'u_other',
  staff: 'u_staff',
  merchant: 'u_merchant',
  otherMerchant: 'u_merchant2',
} as const

/** Cabinets every scenario has (the demo scenario adds more). */
export const FIXTURE_DEVICES = {
  gravity: 'GZ0001A',
  dualDoor: 'SM0002D',
  vision: 'SJ0001V',
  otherMerchant: 'GZ0099Z',
} as const

// ---- builders ------------------------------------------------------------------------------------------

type GoodsSpec = [
  productId: string,
  name: string,
  priceFen: number,
  stock: number,
  capacity: number,
  doorNo?: DoorNo,
]

function goods(specs: GoodsSpec[]): ProductRecord[] {
  return specs.map(([productId, name, priceFen, stock, capacity, doorNo]) => ({
    productId,
    name,
    imageUrl: '',
    doorNo: doorNo ?? 1,
    priceFen,
    stock,
    capacity,
  }))
}

interface DeviceSpec {
  code: string
  name: string
  place: string
  merchantId: string
  kind?: 'gravity' | 'vision'
  doorCount?: 1 | 2
  goods: GoodsSpec[]
  promotions?: PromotionRule[]
  expiresInDays?: number
  recognitionQuota?: number | null
  faults?: FaultKind[]
  temperatureC?: number
  depositFen?: number
}

function addDevice(ctx: Ctx, spec: DeviceSpec): DeviceRecord {
  const now = ctx.clock.now()
  const device: DeviceRecord = {
    code: spec.code,
    name: spec.name,
    place: spec.place,
    merchantId: spec.merchantId,
    kind: spec.kind ?? 'gravity',
    doorCount: spec.doorCount ?? 1,
    activated: true,
    serviceExpiresAt: now + (spec.expiresInDays ?? 200) * DAY_MS,
    temperatureC: spec.temperatureC ?? 4.5,
    recognitionQuota: spec.recognitionQuota ?? (spec.kind === 'vision' ? 500 : null),
    faults: new Set(spec.faults ?? []),
    goods: goods(spec.goods),
    promotions: spec.promotions ?? [],
    depositFen: spec.depositFen ?? ctx.world.merchants.get(spec.merchantId)?.preauthDepositFen ?? 5_000,
  }
  ctx.world.devices.set(device.code, device)
  for (const f of device.faults) {
    if (f === 'offline' || f === 'lock_fault' || f === 'camera_fault') raiseAlarm(ctx, device.code, f)
  }
  for (const g of device.goods) refreshStockAlarms(ctx, device, g.productId)
  return device
}

function addUser(
  ctx: Ctx,
  id: string,
  nickname: string,
  phone: string | null,
  extra: Partial<UserRecord> = {},
): UserRecord {
  const user: UserRecord = {
    id,
    nickname,
    phone,
    blacklisted: false,
    lastPlatform: 'weapp',
    merchantId: null,
    credit: { wechat: { eligible: true }, alipay: { eligible: true } },
    agreementRefusal: {},
    refused: {},
    createdAt: ctx.clock.now() - 90 * DAY_MS,
    ...extra,
  }
  ctx.world.users.set(id, user)
  return user
}

function authorize(ctx: Ctx, userId: string, method: CreditMethod, deviceCode = 'GZ0001A'): CreditAuthRecord {
  const id = nextId(ctx, 'cra')
  const record: CreditAuthRecord = {
    id,
    userId,
    method,
    channel: method.startsWith('wxpay') ? 'wechat' : 'alipay',
    deviceCode,
    state: 'authorized',
    payload: payloadFor(ctx, { id, method, deviceCode }),
    createdAt: ctx.clock.now() - 30 * DAY_MS,
    settledAt: ctx.clock.now() - 30 * DAY_MS,
    consumedBy: null,
    timers: [],
  }
  ctx.world.creditAuths.set(id, record)
  return record
}

interface SeedOrder {
  userId: string
  deviceCode: string
  openedAt: number
  items: CartItem[]
  base: OrderBase
  channel: OrderChannel
  doorNo?: DoorNo
  openLatencyMs?: number
  shoppingMs?: number
  settleLatencyMs?: number
}

/** A finished visit from the past: a door session record (for latency statistics) and its order. */
function seedOrder(ctx: Ctx, spec: SeedOrder): string {
  const device = ctx.world.devices.get(spec.deviceCode)
  if (!device) throw new Error(`seedOrder: no device ${spec.deviceCode}`)
  const requestedAt = spec.openedAt - (spec.openLatencyMs ?? 400)
  const closedAt = spec.openedAt + (spec.shoppingMs ?? 40_000)
  const settledAt = closedAt + (spec.settleLatencyMs ?? 600)
  const session: SessionRecord = {
    id: nextId(ctx, 'sess'),
    userId: spec.userId,
    deviceCode: spec.deviceCode,
    doorNo: spec.doorNo ?? device.goods.find((g) => g.productId === spec.items[0]?.productId)?.doorNo ?? 1,
    mode: 'shop',
    intentId: `seed-${ctx.world.sessions.size + 1}`,
    kind: device.kind,
    state: spec.base === 'paid' ? 'settled' : spec.base === 'unpaid' ? 'payment_pending' : 'under_review',
    seq: 0,
    events: [],
    requestedAt,
    openedAt: spec.openedAt,
    closedAt,
    settledAt,
    openDeadlineAt: requestedAt + ctx.settings.openTimeoutMs,
    items: new Map(spec.items.map((i) => [i.productId, { qty: i.qty, objected: Boolean(i.objected) }])),
    takeLog: spec.items.map((i, n) => ({
      at: spec.openedAt + (n + 1) * 5_000,
      productId: i.productId,
      deltaQty: -i.qty,
    })),
    priceBook: {
      catalog: device.goods.map((g) => ({ productId: g.productId, name: g.name, priceFen: g.priceFen })),
      rules: device.promotions,
    },
    orderId: null,
    creditAuthId: null,
    channel: spec.channel,
    timers: [],
  }
  ctx.world.sessions.set(session.id, session)
  const order = createOrder(ctx, {
    userId: spec.userId,
    sessionId: session.id,
    deviceCode: spec.deviceCode,
    openedAt: spec.openedAt,
    closedAt,
    createdAt: settledAt,
    priceBook: session.priceBook,
    items: spec.items,
    base: spec.base,
    channel: spec.channel,
    takeLog: session.takeLog,
  })
  session.orderId = order.id
  return order.id
}

/** A small deterministic PRNG (mulberry32) so the generated history is the same on every load. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

// ---- the base world ------------------------------------------------------------------------------------

const GZ_GOODS: GoodsSpec[] = [
  ['p_cola', '可口可乐 330ml', 350, 12, 20],
  ['p_sprite', '雪碧 330ml', 350, 8, 20],
  ['p_water', '农夫山泉 550ml', 200, 15, 24],
  ['p_milk', '蒙牛纯牛奶 250ml', 450, 2, 12],
  ['p_coffee', '雀巢咖啡 268ml', 650, 6, 12],
  ['p_yogurt', '安慕希酸奶 205g', 699, 5, 10],
  ['p_sandwich', '火腿芝士三明治', 1290, 4, 8],
  ['p_chips', '乐事薯片 原味 70g', 790, 0, 10],
]

function gzPromotions(now: number): PromotionRule[] {
  return [
    {
      id: 'pr_cola_special',
      kind: 'limited_time',
      label: '限时特价2.5元',
      productIds: ['p_cola'],
      startsAt: now - 5 * DAY_MS,
      endsAt: now + 10 * DAY_MS,
      fixedPriceFen: 250,
    },
    {
      id: 'pr_yogurt_80',
      kind: 'limited_time',
      label: '限时8折',
      productIds: ['p_yogurt'],
      startsAt: now - 2 * DAY_MS,
      endsAt: now + 5 * DAY_MS,
      percentOff: 20,
    },
    {
      id: 'pr_lunch',
      kind: 'time_slot',
      label: '午间85折',
      productIds: ['p_sandwich', 'p_milk', 'p_coffee'],
      window: { from: '11:00', to: '14:00', weekdays: [1, 2, 3, 4, 5] },
      percentOff: 15,
    },
    {
      id: 'pr_night',
      kind: 'time_slot',
      label: '夜间9折',
      productIds: null,
      window: { from: '22:00', to: '02:00', weekdays: [1, 2, 3, 4, 5, 6, 7] },
      percentOff: 10,
    },
    {
      id: 'pr_full',
      kind: 'full_reduction',
      label: '满20减3，满50减8',
      tiers: [
        { thresholdFen: 2000, minusFen: 300 },
        { thresholdFen: 5000, minusFen: 800 },
      ],
    },
  ]
}

function addMerchant(ctx: Ctx, m: MerchantRecord, balances: { wx: number; ali: number | null }): void {
  ctx.world.merchants.set(m.id, m)
  const openingAt = ctx.clock.now() - 60 * DAY_MS
  const wx = `acc_wx_${m.id}`
  ctx.world.accounts.set(wx, {
    id: wx,
    merchantId: m.id,
    channel: 'wxpay',
    name: `微信支付子商户（${m.name}）`,
    minWithdrawFen: 1_000,
    destination: '招商银行（尾号8848）',
  })
  addLedger(ctx, wx, balances.wx, 'opening', 'opening', openingAt)
  if (balances.ali !== null) {
    const ali = `acc_ali_${m.id}`
    ctx.world.accounts.set(ali, {
      id: ali,
      merchantId: m.id,
      channel: 'alipay',
      name: `支付宝商户（${m.name}）`,
      minWithdrawFen: 100,
      destination: '支付宝账户 xian***@163.com',
    })
    addLedger(ctx, ali, balances.ali, 'opening', 'opening', openingAt)
  }
}

function buildBase(ctx: Ctx, refs: Record<string, string>): void {
  const now = ctx.clock.now()
  addMerchant(
    ctx,
    {
      id: 'M001',
      name: '鲜享便利',
      servicePhone: '400-820-8820',
      wxpayScoreEnable: true,
      preauthDepositFen: 5_000,
      wxMchId: '1601234567',
      alipayPid: '2088101122334455',
      withdrawalFailure: false,
    },
    { wx: 128_800, ali: 56_320 },
  )
  addMerchant(
    ctx,
    {
      id: 'M002',
      name: '他家超市',
      servicePhone: '400-100-2000',
      wxpayScoreEnable: false,
      preauthDepositFen: 5_000,
      wxMchId: '1609876543',
      alipayPid: '2088109988776655',
      withdrawalFailure: false,
    },
    { wx: 20_000, ali: null },
  )

  addDevice(ctx, {
    code: 'GZ0001A',
    name: '鲜享1号柜',
    place: '科技园A栋1楼大堂',
    merchantId: 'M001',
    goods: GZ_GOODS,
    promotions: gzPromotions(now),
  })
  addDevice(ctx, {
    code: 'SM0002D',
    name: '鲜享2号双门柜',
    place: '科技园B栋2楼茶水间',
    merchantId: 'M001',
    doorCount: 2,
    goods: [
      ['p_cola', '可口可乐 330ml', 350, 10, 20, 1],
      ['p_water', '农夫山泉 550ml', 200, 10, 24, 1],
      ['p_tea', '东方树叶 500ml', 550, 8, 16, 1],
      ['p_juice', '汇源100%橙汁 300ml', 590, 6, 12, 1],
      ['p_sandwich', '火腿芝士三明治', 1290, 5, 8, 2],
      ['p_onigiri', '金枪鱼饭团', 890, 6, 10, 2],
      ['p_salad', '鸡胸肉沙拉', 1590, 3, 6, 2],
      ['p_cake', '提拉米苏', 1290, 2, 6, 2],
    ],
    promotions: [
      {
        id: 'pr_sm_lunch',
        kind: 'time_slot',
        label: '午间9折',
        productIds: ['p_sandwich', 'p_onigiri', 'p_salad'],
        window: { from: '11:00', to: '14:00', weekdays: [1, 2, 3, 4, 5] },
        percentOff: 10,
      },
      {
        id: 'pr_sm_cake',
        kind: 'limited_time',
        label: '限时特价9.9元',
        productIds: ['p_cake'],
        startsAt: now - DAY_MS,
        endsAt: now + 6 * DAY_MS,
        fixedPriceFen: 990,
      },
      {
        id: 'pr_sm_full',
        kind: 'full_reduction',
        label: '满30减5',
        tiers: [{ thresholdFen: 3000, minusFen: 500 }],
      },
    ],
  })
  addDevice(ctx, {
    code: 'SJ0001V',
    name: '鲜享视觉柜',
    place: '科技园C栋1楼电梯厅',
    merchantId: 'M001',
    kind: 'vision',
    goods: [
      ['p_cola', '可口可乐 330ml', 350, 10, 20],
      ['p_water', '农夫山泉 550ml', 200, 12, 24],
      ['p_coffee', '雀巢咖啡 268ml', 650, 6, 12],
      ['p_chips', '乐事薯片 原味 70g', 790, 6, 10],
      ['p_icecream', '可爱多冰淇淋', 600, 8, 12],
    ],
    promotions: [
      {
        id: 'pr_sj_coffee',
        kind: 'limited_time',
        label: '限时9折',
        productIds: ['p_coffee'],
        startsAt: now - 3 * DAY_MS,
        endsAt: now + 4 * DAY_MS,
        percentOff: 10,
      },
      {
        id: 'pr_sj_full',
        kind: 'full_reduction',
        label: '满15减2',
        tiers: [{ thresholdFen: 1500, minusFen: 200 }],
      },
    ],
  })
  addDevice(ctx, {
    code: 'GZ0099Z',
    name: '他家1号柜',
    place: '滨海大道88号',
    merchantId: 'M002',
    goods: [
      ['p_cola', '可口可乐 330ml', 400, 10, 20],
      ['p_water', '农夫山泉 550ml', 250, 10, 20],
    ],
  })

  addUser(ctx, 'u_happy', '小鲜', '13800000001')
  authorize(ctx, 'u_happy', 'wxpay_score_enable')
  authorize(ctx, 'u_happy', 'alipay_pay_after_use')
  addUser(ctx, 'u_first', '微信用户', null, { createdAt: now })
  addUser(ctx, 'u_other', '路人甲', '13800000002')
  authorize(ctx, 'u_other', 'wxpay_score_enable')
  addUser(ctx, 'u_staff', '补货员小王', '13800000003')
  addUser(ctx, 'u_merchant', '鲜享老板', '13800000004', { merchantId: 'M001' })
  addUser(ctx, 'u_merchant2', '他家老板', '13800000005', { merchantId: 'M002' })
  ctx.world.staff.push(
    { userId: 'u_staff', deviceCode: 'GZ0001A', role: 'restocker', state: 'active' },
    { userId: 'u_staff', deviceCode: 'SM0002D', role: 'restocker', state: 'active' },
    { userId: 'u_staff', deviceCode: 'SJ0001V', role: 'ops', state: 'active' },
  )

  // The happy shopper's own history: one order still within the 7-day complaint window, one outside it.
  const day = startOfChinaDay(now)
  refs.recentOrderId = seedOrder(ctx, {
    userId: 'u_happy',
    deviceCode: 'GZ0001A',
    openedAt: day - 2 * DAY_MS + 18 * HOUR_MS + 20 * MINUTE_MS,
    items: [
      { productId: 'p_cola', qty: 2 },
      { productId: 'p_chips', qty: 1 },
    ],
    base: 'paid',
    channel: 'wxpay_score',
  })
  refs.oldOrderId = seedOrder(ctx, {
    userId: 'u_happy',
    deviceCode: 'GZ0001A',
    openedAt: day - 10 * DAY_MS + 9 * HOUR_MS,
    items: [
      { productId: 'p_water', qty: 1 },
      { productId: 'p_sandwich', qty: 1 },
    ],
    base: 'paid',
    channel: 'wxpay_score',
  })

  // 30 days of other shoppers at the merchant's cabinets: receipts, statistics and latency come from these.
  const crowd = ['u_crowd_1', 'u_crowd_2', 'u_crowd_3', 'u_crowd_4', 'u_crowd_5']
  crowd.forEach((id, i) => {
    addUser(ctx, id, `顾客${i + 1}`, `1390000000${i + 1}`, { lastPlatform: i % 2 === 0 ? 'weapp' : 'alipay' })
    authorize(ctx, id, i % 2 === 0 ? 'wxpay_score_enable' : 'alipay_pay_after_use')
  })
  const rand = prng(20261120)
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T
  let refunded = false
  for (let d = 30; d >= 0; d -= 1) {
    for (const code of ['GZ0001A', 'SM0002D', 'SJ0001V']) {
      const device = ctx.world.devices.get(code)
      if (!device) continue
      const visits = 1 + Math.floor(rand() * 3)
      for (let v = 0; v < visits; v += 1) {
        const openedAt =
          day - d * DAY_MS + (8 + Math.floor(rand() * 13)) * HOUR_MS + Math.floor(rand() * 60) * MINUTE_MS
        if (openedAt >= now - HOUR_MS) continue
        const userIndex = Math.floor(rand() * crowd.length)
        const door: DoorNo = device.doorCount === 2 && rand() < 0.5 ? 2 : 1
        const onDoor = device.goods.filter((g) => g.doorNo === door)
        const items = new Map<string, number>()
        const kinds = 1 + Math.floor(rand() * 3)
        for (let k = 0; k < kinds; k += 1) {
          const g = pick(onDoor)
          items.set(g.productId, (items.get(g.productId) ?? 0) + 1 + Math.floor(rand() * 2))
        }
        const slow = rand() < 0.08
        const orderId = seedOrder(ctx, {
          userId: crowd[userIndex] ?? 'u_crowd_1',
          deviceCode: code,
          doorNo: door,
          openedAt,
          items: [...items].map(([productId, qty]) => ({ productId, qty })),
          base: 'paid',
          channel: userIndex % 2 === 0 ? 'wxpay_score' : 'alipay',
          openLatencyMs: 250 + Math.floor(rand() * (slow ? 1500 : 450)),
          settleLatencyMs: 400 + Math.floor(rand() * (slow ? 2500 : 700)),
          shoppingMs: 15_000 + Math.floor(rand() * 60_000),
        })
        if (!refunded && d === 6) {
          // One partial refund in the history, so receipts show a refund column.
          const order = ctx.world.orders.get(orderId)
          if (order && order.priced.totalFen > 100) {
            const refund = createRefund(ctx, order, 100)
            refund.state = 'succeeded'
            refund.createdAt = order.createdAt + 2 * HOUR_MS
            refund.succeededAt = refund.createdAt + MINUTE_MS
            const entry = ctx.world.ledger.find((e) => e.ref === refund.id)
            if (entry) entry.at = entry.availableAt = refund.createdAt
            refunded = true
            refs.refundedOrderId = orderId
          }
        }
      }
    }
  }
  for (let d = 1; d <= 5; d += 1) {
    seedOrder(ctx, {
      userId: 'u_crowd_1',
      deviceCode: 'GZ0099Z',
      openedAt: day - d * DAY_MS + 15 * HOUR_MS,
      items: [{ productId: 'p_cola', qty: 1 }],
      base: 'paid',
      channel: 'wxpay_score',
    })
  }

  // An order waiting for a person: recognition under review (staff's abnormal orders).
  refs.abnormalOrderId = seedOrder(ctx, {
    userId: 'u_crowd_2',
    deviceCode: 'SJ0001V',
    openedAt: now - 3 * HOUR_MS,
    items: [
      { productId: 'p_coffee', qty: 1 },
      { productId: 'p_icecream', qty: 2 },
    ],
    base: 'under_review',
    channel: 'alipay',
  })
  const abnormal = ctx.world.orders.get(refs.abnormalOrderId)
  if (abnormal) abnormal.abnormal = { reason: 'under_review', state: 'open' }

  // A past withdrawal that went through.
  const wd = nextId(ctx, 'wd')
  ctx.world.withdrawals.set(wd, {
    id: wd,
    merchantId: 'M001',
    accountId: 'acc_wx_M001',
    amountFen: 50_000,
    state: 'succeeded',
    createdAt: now - 5 * DAY_MS,
    settledAt: now - 5 * DAY_MS + 2 * HOUR_MS,
  })
  addLedger(ctx, 'acc_wx_M001', -50_000, 'withdrawal', wd, now - 5 * DAY_MS)

  // A 补货单 for the restocker.
  const ro = nextId(ctx, 'ro')
  ctx.world.restockOrders.set(ro, {
    id: ro,
    deviceCode: 'GZ0001A',
    state: 'open',
    createdAt: now - 2 * HOUR_MS,
    lines: [
      { productId: 'p_chips', doorNo: 1, plannedQty: 10 },
      { productId: 'p_milk', doorNo: 1, plannedQty: 8 },
    ],
  })
  refs.restockOrderId = ro
}

// ---- twists ---------------------------------------------------------------------------------------------

function deviceOf(ctx: Ctx, code: string): DeviceRecord {
  const d = ctx.world.devices.get(code)
  if (!d) throw new Error(`fixture: no device ${code}`)
  return d
}

function userOf(ctx: Ctx, id: string): UserRecord {
  const u = ctx.world.users.get(id)
  if (!u) throw new Error(`fixture: no user ${id}`)
  return u
}

function openSession(
  ctx: Ctx,
  userId: string,
  deviceCode: string,
  openedAgoMs: number,
  state: SessionRecord['state'],
): SessionRecord {
  const d = deviceOf(ctx, deviceCode)
  const now = ctx.clock.now()
  const s: SessionRecord = {
    id: nextId(ctx, 'sess'),
    userId,
    deviceCode,
    doorNo: 1,
    mode: 'shop',
    intentId: `fixture-${ctx.world.sessions.size + 1}`,
    kind: d.kind,
    state,
    seq: 0,
    events: [],
    requestedAt: now - openedAgoMs - 400,
    openedAt: now - openedAgoMs,
    openDeadlineAt: now - openedAgoMs + ctx.settings.openTimeoutMs,
    items: new Map(),
    takeLog: [],
    priceBook: {
      catalog: d.goods.map((g) => ({ productId: g.productId, name: g.name, priceFen: g.priceFen })),
      rules: d.promotions,
    },
    orderId: null,
    creditAuthId: null,
    channel: 'wxpay_score',
    timers: [],
  }
  if (state === 'empty') {
    s.closedAt = now - openedAgoMs + 5_000
    s.settledAt = s.closedAt + 500
  }
  ctx.world.sessions.set(s.id, s)
  return s
}

function addComplaintFixture(ctx: Ctx, refs: Record<string, string>): void {
  const orderId = refs.recentOrderId
  const order = orderId ? ctx.world.orders.get(orderId) : undefined
  if (!order) return
  // The shopper's photo of the shelf (no bytes: the emulator draws a placeholder for it).
  const photoId = nextId(ctx, 'up')
  ctx.world.uploads.set(photoId, {
    id: photoId,
    userId: order.userId,
    contentType: 'image/jpeg',
    sizeBytes: 180_000,
    createdAt: ctx.clock.now() - 3 * HOUR_MS,
  })
  const id = nextId(ctx, 'cmp')
  ctx.world.complaints.set(id, {
    id,
    orderId: order.id,
    userId: order.userId,
    merchantId: order.merchantId,
    state: 'pending',
    items: [{ productId: 'p_cola', kind: 'wrong_quantity', actualQty: 1 }],
    description: '只拿了一瓶可乐，扣了两瓶的钱',
    photoUploadIds: [photoId],
    createdAt: ctx.clock.now() - 3 * HOUR_MS,
  })
  order.complaintId = id
  refs.complaintId = id
}

function addDemoDevices(ctx: Ctx): void {
  const few: GoodsSpec[] = [
    ['p_cola', '可口可乐 330ml', 350, 10, 20],
    ['p_water', '农夫山泉 550ml', 200, 10, 24],
    ['p_coffee', '雀巢咖啡 268ml', 650, 5, 12],
  ]
  addDevice(ctx, {
    code: 'GZ0003F',
    name: '鲜享3号柜',
    place: '科技园D栋大堂',
    merchantId: 'M001',
    goods: few,
    faults: ['offline'],
  })
  addDevice(ctx, {
    code: 'GZ0004E',
    name: '鲜享4号柜',
    place: '科技园E栋3楼',
    merchantId: 'M001',
    goods: few,
    expiresInDays: 5,
  })
  addDevice(ctx, {
    code: 'GZ0005L',
    name: '鲜享5号柜',
    place: '科技园F栋1楼',
    merchantId: 'M001',
    goods: few,
    faults: ['lock_fault'],
  })
  addDevice(ctx, {
    code: 'SJ0002Q',
    name: '鲜享视觉2号柜',
    place: '科技园G栋1楼',
    merchantId: 'M001',
    kind: 'vision',
    goods: few,
    recognitionQuota: 0,
  })
  for (const code of ['GZ0003F', 'GZ0004E', 'GZ0005L', 'SJ0002Q']) {
    ctx.world.staff.push({ userId: 'u_staff', deviceCode: code, role: 'ops', state: 'active' })
  }
}

/** Orders u_happy has in the `order_history` scenario: the order list's thousand-order case. */
export const ORDER_HISTORY_SIZE = 1000

/** A settled refund in the past (seeded history is not waiting for the refund timer). */
function settledRefund(ctx: Ctx, orderId: string, amountFen: number, at: number): string {
  const order = ctx.world.orders.get(orderId)
  if (!order) throw new Error(`fixture: no order ${orderId}`)
  const refund = createRefund(ctx, order, amountFen)
  refund.state = 'succeeded'
  refund.createdAt = at
  refund.succeededAt = at + 5 * MINUTE_MS
  const entry = ctx.world.ledger.find((e) => e.ref === refund.id)
  if (entry) entry.at = entry.availableAt = at
  return refund.id
}

/**
 * A long history for one shopper, newest first every 7 hours back in time across the three cabinets, with
 * the after-sales cases the order pages show near the top: a partly refunded order, a complaint resolved
 * with a corrected order and a refund, and a complaint rejected with the merchant's reply.
 */
function addOrderHistory(ctx: Ctx, refs: Record<string, string>, userId: string, total: number): void {
  const now = ctx.clock.now()
  const rand = prng(1000)
  const existing = [...ctx.world.orders.values()].filter((o) => o.userId === userId).length
  const codes = ['GZ0001A', 'SM0002D', 'SJ0001V']
  const showcase: Record<number, CartItem[]> = {
    1: [
      { productId: 'p_coffee', qty: 2 },
      { productId: 'p_water', qty: 1 },
    ],
    2: [
      { productId: 'p_cola', qty: 2 },
      { productId: 'p_yogurt', qty: 1 },
      { productId: 'p_sandwich', qty: 1 },
    ],
    4: [{ productId: 'p_milk', qty: 2 }],
  }
  for (let n = 0; n < total - existing; n += 1) {
    const code = showcase[n] ? 'GZ0001A' : (codes[n % codes.length] ?? 'GZ0001A')
    const device = deviceOf(ctx, code)
    const onDoor = device.goods.filter((g) => g.doorNo === 1)
    const items = new Map<string, number>()
    for (let k = 0, kinds = 1 + Math.floor(rand() * 3); k < kinds; k += 1) {
      const g = onDoor[Math.floor(rand() * onDoor.length)] ?? onDoor[0]
      if (g) items.set(g.productId, (items.get(g.productId) ?? 0) + 1)
    }
    const orderId = seedOrder(ctx, {
      userId,
      deviceCode: code,
      doorNo: 1,
      openedAt: now - 3 * HOUR_MS - n * 7 * HOUR_MS - Math.floor(rand() * 50) * MINUTE_MS,
      items: showcase[n] ?? [...items].map(([productId, qty]) => ({ productId, qty })),
      base: 'paid',
      channel: n % 4 === 3 ? 'alipay' : 'wxpay_score',
    })
    const order = ctx.world.orders.get(orderId)
    if (!order) continue
    if (n === 1) {
      refs.historyRefundedOrderId = orderId
      settledRefund(ctx, orderId, 200, order.createdAt + 2 * HOUR_MS)
    } else if (n === 2 || n === 4) {
      const resolved = n === 2
      const id = nextId(ctx, 'cmp')
      const createdAt = order.createdAt + HOUR_MS
      const complaint: ComplaintRecord = {
        id,
        orderId,
        userId,
        merchantId: order.merchantId,
        state: resolved ? 'resolved' : 'rejected',
        items: resolved
          ? [{ productId: 'p_yogurt', kind: 'not_taken' }]
          : [{ productId: 'p_milk', kind: 'wrong_quantity', actualQty: 1 }],
        description: resolved ? '没有拿酸奶，却扣了酸奶的钱' : '只拿了一盒牛奶',
        photoUploadIds: [],
        createdAt,
        handledAt: createdAt + 3 * HOUR_MS,
        reply: resolved ? '已核实，差额将原路退回' : '经核对柜内称重记录，您取走了2盒牛奶，扣款无误',
      }
      if (resolved) {
        const corrected = order.items.filter((i) => i.productId !== 'p_yogurt')
        const priced = priceCart(corrected, order.priceBook.catalog, order.priceBook.rules, order.openedAt)
        complaint.corrected = { items: corrected, priced }
        complaint.refundId = settledRefund(
          ctx,
          orderId,
          order.priced.totalFen - priced.totalFen,
          createdAt + 3 * HOUR_MS,
        )
        refs.resolvedComplaintId = id
        refs.resolvedOrderId = orderId
      } else {
        refs.rejectedComplaintId = id
        refs.rejectedOrderId = orderId
      }
      ctx.world.complaints.set(id, complaint)
      order.complaintId = id
    }
  }
}

const DESCRIPTIONS: Record<ScenarioName, string> = {
  happy: '已登录、已开通先用后付的顾客，单门重力柜，三种促销都在进行中',
  first_time: '首次使用的顾客：未绑定手机号、未开通先用后付',
  unpaid_order: '顾客有一笔待支付订单，开门前要先支付',
  offline_device: '柜子离线',
  expired_device: '设备服务已到期',
  not_activated: '设备未激活（设备未维护）',
  lock_fault: '门锁故障',
  camera_fault: '摄像头故障',
  restocking: '补货员正在补货',
  in_use: '另一位顾客正在购物',
  quota_exhausted: '视觉柜识别次数已用完',
  blacklisted: '顾客在黑名单中',
  credit_rejected: '顾客先用后付评估未通过（微信被拒；支付宝只能预授权押金）',
  rate_limited: '顾客短时间内开门次数过多',
  dual_door: '双门重力柜（分仓）',
  vision: '视觉柜：关门后识别',
  restocker: '补货员：绑定三台柜子，有一张补货单',
  merchant: '商户：收款、余额、提现、统计和一条待处理投诉',
  demo: '演示：多台不同状态的柜子、待处理投诉和异常订单',
  order_history: '顾客有1000笔历史订单，含退款、已处理和已驳回的申诉',
}

/** Loads a scenario into an empty model. */
export function loadScenario(ctx: Ctx, name: ScenarioName): ScenarioInfo {
  const refs: Record<string, string> = {}
  buildBase(ctx, refs)
  const now = ctx.clock.now()
  let userId: string = FIXTURE_USERS.happy
  let deviceCode: string = FIXTURE_DEVICES.gravity
  const gz = deviceOf(ctx, 'GZ0001A')
  const happy = userOf(ctx, 'u_happy')
  switch (name) {
    case 'happy':
      break
    case 'first_time':
      userId = FIXTURE_USERS.firstTime
      break
    case 'unpaid_order':
      refs.unpaidOrderId = seedOrder(ctx, {
        userId: 'u_happy',
        deviceCode: 'GZ0001A',
        openedAt: now - HOUR_MS,
        items: [
          { productId: 'p_sandwich', qty: 1 },
          { productId: 'p_coffee', qty: 1 },
        ],
        base: 'unpaid',
        channel: 'wxpay_score',
      })
      break
    case 'offline_device':
      gz.faults.add('offline')
      raiseAlarm(ctx, gz.code, 'offline')
      break
    case 'expired_device':
      gz.serviceExpiresAt = now - DAY_MS
      break
    case 'not_activated':
      gz.activated = false
      break
    case 'lock_fault':
      gz.faults.add('lock_fault')
      raiseAlarm(ctx, gz.code, 'lock_fault')
      break
    case 'camera_fault':
      gz.faults.add('camera_fault')
      raiseAlarm(ctx, gz.code, 'camera_fault')
      break
    case 'restocking': {
      const rs = nextId(ctx, 'rs')
      ctx.world.restockSessions.set(rs, {
        id: rs,
        userId: 'u_staff',
        deviceCode: 'GZ0001A',
        doorNo: 1,
        intentId: 'fixture-restock',
        state: 'open',
        before: new Map(gz.goods.map((g) => [g.productId, g.stock])),
        deltas: new Map(),
        seq: 0,
        events: [],
        requestedAt: now - 2 * MINUTE_MS,
        openedAt: now - 2 * MINUTE_MS + 300,
        timers: [],
      })
      refs.restockSessionId = rs
      break
    }
    case 'in_use':
      refs.otherSessionId = openSession(ctx, 'u_other', 'GZ0001A', 30_000, 'open').id
      break
    case 'quota_exhausted':
      deviceOf(ctx, 'SJ0001V').recognitionQuota = 0
      deviceCode = FIXTURE_DEVICES.vision
      break
    case 'blacklisted':
      happy.blacklisted = true
      break
    case 'credit_rejected': {
      for (const [id, a] of ctx.world.creditAuths)
        if (a.userId === 'u_happy') ctx.world.creditAuths.delete(id)
      happy.credit = {
        wechat: { eligible: false, reason: '微信支付分暂不满足使用条件' },
        alipay: { eligible: false, reason: '芝麻信用暂不满足先享条件' },
      }
      happy.refused = {
        wxpay_score_enable: '微信支付分暂不满足使用条件',
        wxpay_score_use: '微信支付分暂不满足使用条件',
      }
      const rejected = authorize(ctx, 'u_happy', 'wxpay_score_enable')
      rejected.state = 'rejected'
      rejected.reason = '微信支付分暂不满足使用条件'
      refs.rejectedAuthorizationId = rejected.id
      break
    }
    case 'rate_limited':
      for (const ago of [90_000, 60_000, 30_000]) openSession(ctx, 'u_happy', 'GZ0001A', ago, 'empty')
      break
    case 'dual_door':
      deviceCode = FIXTURE_DEVICES.dualDoor
      break
    case 'vision':
      deviceCode = FIXTURE_DEVICES.vision
      break
    case 'restocker':
      userId = FIXTURE_USERS.staff
      break
    case 'merchant':
      userId = FIXTURE_USERS.merchant
      addComplaintFixture(ctx, refs)
      break
    case 'demo':
      addDemoDevices(ctx)
      addComplaintFixture(ctx, refs)
      break
    case 'order_history':
      addOrderHistory(ctx, refs, FIXTURE_USERS.happy, ORDER_HISTORY_SIZE)
      break
  }
  return { name, description: DESCRIPTIONS[name], userId, loginCode: `code:${userId}`, deviceCode, refs }
}
