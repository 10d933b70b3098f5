// The model's internal state. Records hold instants as ms and ids as strings; modules turn them into
// contract-shaped snapshots. Nothing here is handed out by reference.
import type { Clock, TimerHandle } from './clock'
import type { BlacklistRecord } from './blacklist'
import type { MessagesWorld } from './messages'
import type { CloudErrorCode } from './errors'
import type { CartItem, CatalogItem, PricedCart, PromotionRule } from './pricing'
import type {
  AbnormalReason,
  AlarmKind,
  ComplaintItem,
  ComplaintState,
  CreditAuthorizationState,
  Deposit,
  CreditMethod,
  CreditPayload,
  DeviceKind,
  DeviceLight,
  DoorNo,
  DoorSessionState,
  FaultReportKind,
  LightSchedule,
  OrderChannel,
  PaymentPayload,
  Platform,
  RestockSessionEvent,
  SessionEvent,
  StaffRole,
  StocktakeLine,
  StocktakeReason,
} from './types'

export type FaultKind =
  | 'offline'
  | 'lock_fault'
  | 'camera_fault'
  | 'open_timeout'
  | 'open_fail'
  | 'settlement_failure'
  | 'payment_failure'
  | 'under_review'
  | 'slow_settlement'
  | 'command_failure'
  /** refunds and unfreezes of this cabinet's deposits fail until the fault is cleared (then they go through) */
  | 'refund_failure'

export const FAULT_KINDS: FaultKind[] = [
  'offline',
  'lock_fault',
  'camera_fault',
  'open_timeout',
  'open_fail',
  'settlement_failure',
  'payment_failure',
  'under_review',
  'slow_settlement',
  'command_failure',
  'refund_failure',
]

export type CreditChannel = 'wechat' | 'alipay'
export type AccountChannel = 'wxpay' | 'alipay'

export interface MerchantRecord {
  id: string
  name: string
  servicePhone: string
  /** WeChat decides per service_id whether the merchant gets the 免确认 mode */
  wxpayScoreEnable: boolean
  preauthDepositFen: number
  wxMchId: string
  alipayPid: string
  /** fault injection: the next withdrawals fail at the bank */
  withdrawalFailure: boolean
}

export interface AccountRecord {
  id: string
  merchantId: string
  channel: AccountChannel
  name: string
  minWithdrawFen: number
  destination: string
}

export interface LedgerEntry {
  accountId: string
  amountFen: number
  at: number
  /** money is available from this instant (sales settle T+1; everything else at once) */
  availableAt: number
  kind: 'opening' | 'sale' | 'refund' | 'withdrawal' | 'withdrawal_return'
  ref: string
}

export interface ProductRecord {
  productId: string
  name: string
  imageUrl: string
  doorNo: DoorNo
  priceFen: number
  stock: number
  capacity: number
}

export interface DeviceRecord {
  code: string
  name: string
  place: string
  merchantId: string
  kind: DeviceKind
  doorCount: 1 | 2
  activated: boolean
  serviceExpiresAt: number
  temperatureC: number
  /** recognitions left for a vision cabinet; null = not metered */
  recognitionQuota: number | null
  faults: Set<FaultKind>
  goods: ProductRecord[]
  promotions: PromotionRule[]
  /** held for 押金开门 / 预授权 at this cabinet, set by the merchant (0: no deposit offered) */
  depositFen: number
  /** the light strip as last acknowledged (absent: on, no schedule) */
  light?: DeviceLight
  /** where the cabinet stands (点位, GCJ-02); absent: never placed */
  location?: LocationRecord
}

export interface LocationPoint {
  name: string
  address: string
  latitude: number
  longitude: number
}

export interface LocationRecord extends LocationPoint {
  updatedAt: number
  /** the staff member's user id; null: placed by the platform at installation */
  updatedBy: string | null
}

/** One change of a device's location: who moved it, when, from where to where. */
export interface LocationChangeRecord {
  id: string
  deviceCode: string
  userId: string
  from: LocationRecord | null
  to: LocationRecord
  distanceM: number | null
  confirmedFar: boolean
  changedAt: number
}

export interface CreditProfile {
  eligible: boolean
  reason?: string
}

export interface UserRecord {
  id: string
  nickname: string
  phone: string | null
  blacklisted: boolean
  lastPlatform: Platform
  merchantId: string | null
  credit: Record<CreditChannel, CreditProfile>
  /** what the platforms would answer to an agreement (免密支付) signing: a refusal reason, or none */
  agreementRefusal: Partial<Record<CreditChannel, string>>
  /** methods refused after an attempt, with the platform's reason: not offered again */
  refused: Partial<Record<CreditMethod, string>>
  createdAt: number
}

export interface StaffBinding {
  userId: string
  deviceCode: string
  role: StaffRole
  state: 'active' | 'removed'
}

export interface InviteRecord {
  code: string
  merchantId: string
  deviceCodes: string[]
  expiresAt: number
  usedBy: string | null
}

export interface TokenRecord {
  token: string
  userId: string
  platform: Platform
  expiresAt: number
}

export interface CreditAuthRecord {
  id: string
  userId: string
  method: CreditMethod
  channel: CreditChannel
  deviceCode: string
  state: CreditAuthorizationState
  reason?: string
  payload: CreditPayload
  createdAt: number
  settledAt?: number
  /** single-use methods (per-order Pay Score, deposits) are consumed by one door session */
  consumedBy: string | null
  /** 押金开门 / 预授权: the amount asked when it started (the cabinet's deposit then) */
  depositFen?: number
  /** the money held once the platform confirms, and what becomes of it */
  deposit?: DepositRecord
  timers: TimerHandle[]
}

/** The contract's Deposit is the record itself: nothing about it is hidden from its owner. */
export type DepositRecord = Deposit

export interface PriceBook {
  catalog: CatalogItem[]
  rules: PromotionRule[]
}

export interface TakeLogEntry {
  at: number
  productId: string
  deltaQty: number
}

export interface SessionRecord {
  id: string
  userId: string
  deviceCode: string
  doorNo: DoorNo
  mode: 'shop'
  intentId: string
  kind: DeviceKind
  state: DoorSessionState
  failure?: { code: CloudErrorCode; message: string }
  seq: number
  events: SessionEvent[]
  requestedAt: number
  openedAt?: number
  closedAt?: number
  settledAt?: number
  openDeadlineAt: number
  /** what is physically out of the cabinet, per product (vision cabinets keep it hidden until close) */
  items: Map<string, { qty: number; objected: boolean }>
  takeLog: TakeLogEntry[]
  /** the door's stock per product when the door opened: the cabinet's "before" reading for reviewers */
  stockBefore?: Map<string, number>
  priceBook: PriceBook
  orderId: string | null
  creditAuthId: string | null
  channel: OrderChannel
  timers: TimerHandle[]
}

export type OrderBase = 'paid' | 'unpaid' | 'under_review'

export interface OrderRecord {
  id: string
  userId: string
  sessionId: string
  deviceCode: string
  merchantId: string
  createdAt: number
  openedAt: number
  closedAt: number
  priceBook: PriceBook
  items: CartItem[]
  priced: PricedCart
  base: OrderBase
  channel: OrderChannel
  paidAt?: number
  /** taken from the session's deposit at settlement; the rest of the total is what is still due */
  depositChargedFen?: number
  /** the credit authorization holding that deposit */
  depositAuthId?: string
  refundIds: string[]
  complaintId: string | null
  abnormal: { reason: AbnormalReason; state: 'open' | 'resolved' } | null
  takeLog: TakeLogEntry[]
}

export interface PaymentRecord {
  id: string
  orderId: string
  userId: string
  platform: Platform
  state: 'pending' | 'succeeded' | 'failed'
  payload: PaymentPayload
  createdAt: number
  timers: TimerHandle[]
}

export interface RefundRecord {
  id: string
  orderId: string
  amountFen: number
  channel: OrderChannel
  state: 'processing' | 'succeeded'
  createdAt: number
  succeededAt?: number
}

export interface UploadRecord {
  id: string
  userId: string
  contentType: string
  sizeBytes: number
  data?: Uint8Array
  createdAt: number
}

export interface ComplaintRecord {
  id: string
  orderId: string
  userId: string
  merchantId: string
  state: ComplaintState
  items: ComplaintItem[]
  description: string
  photoUploadIds: string[]
  reply?: string
  corrected?: { items: CartItem[]; priced: PricedCart }
  refundId?: string
  createdAt: number
  handledAt?: number
}

export interface AlarmRecord {
  id: string
  deviceCode: string
  kind: AlarmKind
  state: 'open' | 'acknowledged' | 'cleared'
  raisedAt: number
  productId?: string
  acknowledgedAt?: number
  clearedAt?: number
}

export interface RestockSessionRecord {
  id: string
  userId: string
  deviceCode: string
  doorNo: DoorNo
  intentId: string
  state: 'opening' | 'open' | 'closed' | 'confirmed' | 'failed'
  failure?: { code: CloudErrorCode; message: string }
  /** stock per product of the door when the session opened, and what the sensors saw change */
  before: Map<string, number>
  deltas: Map<string, number>
  /** the confirmed result (after adjustments), once confirmed */
  confirmed?: Map<string, number>
  /** events with a per-session `seq`, as for door sessions (polling reads the snapshot, the socket pushes) */
  seq: number
  events: RestockSessionEvent[]
  restockOrderId?: string
  requestedAt: number
  openedAt?: number
  closedAt?: number
  confirmedAt?: number
  timers: TimerHandle[]
}

export interface RestockOrderRecord {
  id: string
  deviceCode: string
  state: 'open' | 'done'
  createdAt: number
  lines: {
    productId: string
    doorNo: DoorNo
    plannedQty: number
    actualQty?: number
    /** why the loaded quantity differs from the plan */
    reason?: StocktakeReason
  }[]
}

export interface StocktakeRecord {
  id: string
  deviceCode: string
  userId: string
  createdAt: number
  lines: StocktakeLine[]
}

export interface CommandRecord {
  id: string
  deviceCode: string
  userId: string
  kind: 'light' | 'temperature'
  value: number | boolean
  schedule?: LightSchedule
  state: 'sending' | 'acknowledged' | 'failed'
  reason?: string
  createdAt: number
  settledAt?: number
}

export interface WithdrawalRecord {
  id: string
  merchantId: string
  accountId: string
  amountFen: number
  state: 'processing' | 'succeeded' | 'failed'
  reason?: string
  createdAt: number
  settledAt?: number
}

/** One tap on 开门 (idempotency.ts): the session it made and what it asked for. */
export interface IntentRecord {
  sessionId: string
  targetHash: string
}

/** A shopper's report of a faulty cabinet, kept for the merchant's people (and the simulator). */
export interface FaultReportRecord {
  id: string
  userId: string
  deviceCode: string
  kind: FaultReportKind
  description: string
  /** the door session concerned, when the shopper named one */
  sessionId?: string
  createdAt: number
}

export interface IdempotencyRecord {
  bodyHash: string
  result: unknown
  createdAt: number
}

export interface World {
  merchants: Map<string, MerchantRecord>
  accounts: Map<string, AccountRecord>
  ledger: LedgerEntry[]
  devices: Map<string, DeviceRecord>
  users: Map<string, UserRecord>
  /** platform login codes seen before (other than `code:<userId>`) → user id */
  loginCodes: Map<string, string>
  tokens: Map<string, TokenRecord>
  staff: StaffBinding[]
  invites: Map<string, InviteRecord>
  creditAuths: Map<string, CreditAuthRecord>
  sessions: Map<string, SessionRecord>
  /** `${userId}|${intentId}` → the door session it made */
  intents: Map<string, IntentRecord>
  orders: Map<string, OrderRecord>
  payments: Map<string, PaymentRecord>
  refunds: Map<string, RefundRecord>
  uploads: Map<string, UploadRecord>
  complaints: Map<string, ComplaintRecord>
  faultReports: Map<string, FaultReportRecord>
  alarms: Map<string, AlarmRecord>
  restockSessions: Map<string, RestockSessionRecord>
  /** `${userId}|${intentId}` → the restock session it made */
  restockIntents: Map<string, IntentRecord>
  restockOrders: Map<string, RestockOrderRecord>
  stocktakes: Map<string, StocktakeRecord>
  commands: Map<string, CommandRecord>
  /** every change of a device's location, oldest first */
  locationChanges: LocationChangeRecord[]
  withdrawals: Map<string, WithdrawalRecord>
  /** shoppers blocked by a merchant (blacklist.ts), removed ones kept with `removedAt` */
  blacklist: Map<string, BlacklistRecord>
  idempotency: Map<string, IdempotencyRecord>
  counters: Map<string, number>
  /** the message centre, subscribe-message answers and what was sent (messages.ts) */
  notices: MessagesWorld
}

export function emptyWorld(): World {
  return {
    merchants: new Map(),
    accounts: new Map(),
    ledger: [],
    devices: new Map(),
    users: new Map(),
    loginCodes: new Map(),
    tokens: new Map(),
    staff: [],
    invites: new Map(),
    creditAuths: new Map(),
    sessions: new Map(),
    intents: new Map(),
    orders: new Map(),
    payments: new Map(),
    refunds: new Map(),
    uploads: new Map(),
    complaints: new Map(),
    faultReports: new Map(),
    alarms: new Map(),
    restockSessions: new Map(),
    restockIntents: new Map(),
    restockOrders: new Map(),
    stocktakes: new Map(),
    commands: new Map(),
    locationChanges: [],
    withdrawals: new Map(),
    blacklist: new Map(),
    idempotency: new Map(),
    counters: new Map(),
    notices: { messages: [], subscriptions: new Map(), timedSent: new Set(), sweptUntil: 0 },
  }
}

/** Tunable behaviour of the emulated cabinets and platforms (all durations in ms). */
export interface Settings {
  /** request → door open (emulated lock) */
  doorDelayMs: number
  /** close → settled */
  settlementDelayMs: number
  /** close → settled while the `slow_settlement` fault is on */
  slowSettlementDelayMs: number
  /** request → definite failure when the door never reports open */
  openTimeoutMs: number
  /** an open door raises `door_left_open` after this long */
  doorLeftOpenMs: number
  /** pending credit authorizations complete on their own after this long (null: only by control) */
  creditAutoCompleteMs: number | null
  /** unexpired pending authorizations expire (Pay Score's apply_permissions_token lives 1 h) */
  creditExpiryMs: number
  /** in-app payments succeed on their own after this long (null: only by control) */
  paymentAutoCompleteMs: number | null
  refundDelayMs: number
  withdrawalDelayMs: number
  commandDelayMs: number
  tokenTtlMs: number
  /** at most `rateLimitMaxOpens` new door sessions per user in `rateLimitWindowMs` */
  rateLimitMaxOpens: number
  rateLimitWindowMs: number
  /** stock at or below this (and above 0) is `low` */
  lowStockThreshold: number
  complaintWindowMs: number
  /** sales become available for withdrawal this long after payment */
  settlementHoldMs: number
  staffInviteTtlMs: number
  /** a reading above this raises a temperature alarm */
  maxTemperatureC: number
  /** base for goods images and upload URLs; hosts point it at themselves */
  assetBaseUrl: string
  qrBaseUrl: string
  /** which platform's credit methods a login from the H5 build (`h5`) gets: the demo can act as either */
  h5Channel: CreditChannel
}

export const DEFAULT_SETTINGS: Settings = {
  doorDelayMs: 300,
  settlementDelayMs: 500,
  slowSettlementDelayMs: 8_000,
  openTimeoutMs: 20_000,
  doorLeftOpenMs: 60_000,
  creditAutoCompleteMs: 1_500,
  creditExpiryMs: 3_600_000,
  paymentAutoCompleteMs: 800,
  h5Channel: 'wechat',
  refundDelayMs: 1_000,
  withdrawalDelayMs: 2_000,
  commandDelayMs: 1_000,
  tokenTtlMs: 2 * 3_600_000,
  rateLimitMaxOpens: 3,
  rateLimitWindowMs: 120_000,
  lowStockThreshold: 2,
  complaintWindowMs: 7 * 86_400_000,
  settlementHoldMs: 86_400_000,
  staffInviteTtlMs: 86_400_000,
  maxTemperatureC: 10,
  assetBaseUrl: 'https://img.kaimengui.cn',
  qrBaseUrl: 'https://qr.kaimengui.cn/c/',
}

export type CloudEvent =
  | { type: 'session_event'; sessionId: string; userId: string; event: SessionEvent }
  | {
      type: 'order_event'
      orderId: string
      userId: string
      kind: 'paid' | 'payment_failed' | 'refunded' | 'complaint_handled'
      at: string
    }
  | { type: 'restock_event'; sessionId: string; userId: string; event: RestockSessionEvent }

/** What every module gets: the state, the clock and a way to tell subscribers. */
export interface Ctx {
  world: World
  clock: Clock
  settings: Settings
  emit(event: CloudEvent): void
}

/** Deterministic ids (`sess_0001`): the same scenario and the same calls give the same ids. */
export function nextId(ctx: { world: World }, prefix: string, width = 4): string {
  const n = (ctx.world.counters.get(prefix) ?? 0) + 1
  ctx.world.counters.set(prefix, n)
  return `${prefix}_${String(n).padStart(width, '0')}`
}
