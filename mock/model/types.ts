// Contract-shaped objects the model returns (names and fields from docs/contract-sketch.md). Every value is
// plain JSON: hosts serialize it as is.
import type { CloudErrorCode } from './errors'

export type Platform = 'weapp' | 'alipay' | 'h5'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface ListInput {
  cursor?: string | null
  limit?: number
}

// ---- auth -------------------------------------------------------------------------------------------

export interface User {
  id: string
  nickname: string
  phoneBound: boolean
  phoneMasked: string | null
  roles: { shopper: true; staffDeviceCodes: string[]; merchantId: string | null }
}

export interface LoginResult {
  token: string
  expiresAt: string
  user: User
}

// ---- cabinet ------------------------------------------------------------------------------------------

export type DeviceState =
  | 'ok'
  | 'offline'
  | 'expired'
  | 'not_activated'
  | 'lock_fault'
  | 'camera_fault'
  | 'restocking'
  | 'in_use'
  | 'quota_exhausted'

export type DeviceKind = 'gravity' | 'vision'

export interface Device {
  code: string
  name: string
  place: string
  kind: DeviceKind
  doorCount: 1 | 2
  online: boolean
  state: DeviceState
  serviceExpiresAt: string
  temperatureC: number
}

export type DoorNo = 1 | 2

export interface Door {
  no: DoorNo
  name: '左门' | '右门' | '柜门'
  isDefault: boolean
}

export type StockState = 'in_stock' | 'low' | 'sold_out'

export interface Goods {
  productId: string
  name: string
  imageUrl: string
  doorNo: DoorNo
  priceFen: number
  promoPriceFen: number | null
  stock: number
  stockState: StockState
  promotionIds: string[]
}

export type PromotionKind = 'limited_time' | 'time_slot' | 'full_reduction'

export interface Tier {
  thresholdFen: number
  minusFen: number
}

export interface Promotion {
  id: string
  kind: PromotionKind
  label: string
  activeNow: boolean
  startsAt?: string
  endsAt?: string
  window?: { from: string; to: string; weekdays: number[] }
  percentOff?: number
  fixedPriceFen?: number
  tiers?: Tier[]
  productIds?: string[] | null
}

export type GateCode =
  | 'DEVICE_OFFLINE'
  | 'DEVICE_SERVICE_EXPIRED'
  | 'DEVICE_NOT_ACTIVATED'
  | 'DEVICE_LOCK_FAULT'
  | 'DEVICE_CAMERA_FAULT'
  | 'DEVICE_RESTOCKING'
  | 'DEVICE_IN_USE'
  | 'DEVICE_QUOTA_EXHAUSTED'
  | 'LOGIN_REQUIRED'
  | 'USER_BLACKLISTED'
  | 'PHONE_REQUIRED'
  | 'UNPAID_ORDER'
  | 'CREDIT_REQUIRED'
  | 'CREDIT_REJECTED'
  | 'CREDIT_PENDING'
  | 'RATE_LIMITED'

export interface GateReason {
  code: GateCode
  message: string
  hint: string
  unpaidOrder?: { orderId: string; amountFen: number }
  retryAfterSec?: number
  availableAt?: string
}

export type CreditMethod =
  | 'wxpay_score_use'
  | 'wxpay_score_enable'
  | 'alipay_pay_after_use'
  | 'alipay_agreement'
  | 'alipay_preauth'

export interface CreditMethodOffer {
  method: CreditMethod
  title: string
  description: string
  depositFen?: number
}

export interface CreditOffer {
  methods: CreditMethodOffer[]
  ineligible: { method: CreditMethod; reason: string }[]
}

export interface Gate {
  mayOpen: boolean
  reasons: GateReason[]
  credit: CreditOffer | null
}

export type StaffAction = 'shop' | 'restock' | 'stocktake'

export interface CabinetLanding {
  device: Device
  doors: Door[]
  goods: Goods[]
  promotions: Promotion[]
  merchant: { id: string; name: string; servicePhone: string }
  gate: Gate
  staffActions: StaffAction[]
}

// ---- credit -------------------------------------------------------------------------------------------

export type CreditAuthorizationState = 'pending' | 'authorized' | 'rejected' | 'expired' | 'cancelled'

export type CreditPayload =
  | {
      kind: 'wxpay_score_use'
      businessType: 'wxpayScoreUse'
      extraData: {
        mch_id: string
        package: string
        timestamp: string
        nonce_str: string
        sign_type: 'HMAC-SHA256'
        sign: string
      }
    }
  | {
      kind: 'wxpay_score_enable'
      businessType: 'wxpayScoreEnable'
      extraData: { apply_permissions_token: string }
    }
  | { kind: 'alipay_sign'; signStr: string }
  | { kind: 'alipay_trade'; orderStr: string }

export interface CreditAuthorization {
  id: string
  method: CreditMethod
  state: CreditAuthorizationState
  reason?: string
  payload: CreditPayload
}

// ---- door sessions -------------------------------------------------------------------------------------

export type DoorSessionState =
  | 'awaiting_confirmation'
  | 'opening'
  | 'open'
  | 'closed'
  | 'settled'
  | 'empty'
  | 'payment_pending'
  | 'under_review'
  | 'failed'
  | 'cancelled'

export interface LineDiscount {
  promotionId: string
  kind: PromotionKind
  label: string
  amountFen: number
}

export interface CartLine {
  productId: string
  name: string
  qty: number
  unitPriceFen: number
  paidUnitPriceFen: number
  discounts: LineDiscount[]
  lineTotalFen: number
  objected: boolean
}

export interface Cart {
  lines: CartLine[]
  subtotalFen: number
  discountFen: number
  totalFen: number
}

export interface DoorSession {
  id: string
  deviceCode: string
  doorNo: DoorNo
  mode: 'shop'
  state: DoorSessionState
  failure?: { code: CloudErrorCode; message: string }
  seq: number
  openedAt?: string
  closedAt?: string
  openDeadlineAt: string
  cart: Cart
  orderId: string | null
  recognition: 'live' | 'after_close'
}

export type SessionEventKind =
  | 'opening'
  | 'opened'
  | 'open_failed'
  | 'taken'
  | 'returned'
  | 'closed'
  | 'settling'
  | 'settled'
  | 'empty'
  | 'payment_failed'
  | 'under_review'
  | 'door_left_open'
  | 'objection'

export interface SessionEvent {
  seq: number
  at: string
  kind: SessionEventKind
  productId?: string
  qty?: number
  session: DoorSession
}

// ---- orders ---------------------------------------------------------------------------------------------

export type OrderStatus = 'paid' | 'unpaid' | 'under_review' | 'refunded' | 'partially_refunded' | 'empty'
export type OrderChannel = 'wxpay_score' | 'wxpay' | 'alipay'
export type OrderListFilter = 'all' | 'unpaid' | 'done' | 'refund_or_complaint'

export interface OrderSummary {
  id: string
  deviceCode: string
  deviceName: string
  createdAt: string
  goodsSummary: string
  totalFen: number
  status: OrderStatus
  hasComplaint: boolean
}

export interface Refund {
  id: string
  amountFen: number
  channel: OrderChannel
  destination: '原路返回'
  state: 'processing' | 'succeeded'
  createdAt: string
  succeededAt?: string
}

export type ComplaintState = 'pending' | 'resolved' | 'rejected'

export interface ComplaintSummary {
  id: string
  state: ComplaintState
  createdAt: string
}

export interface Receipt {
  id: string
  sessionId: string
  device: { code: string; name: string; place: string }
  status: OrderStatus
  channel: OrderChannel
  lines: CartLine[]
  promotions: LineDiscount[]
  subtotalFen: number
  discountFen: number
  totalFen: number
  paidAt?: string
  doorOpenedAt: string
  doorClosedAt: string
  refunds: Refund[]
  complaint: ComplaintSummary | null
  servicePhone: string
}

export type PaymentPayload =
  | { kind: 'wxpay'; timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string }
  | { kind: 'alipay'; tradeNO: string }

export interface Payment {
  id: string
  orderId: string
  state: 'pending' | 'succeeded' | 'failed'
  payload: PaymentPayload
}

// ---- complaints -----------------------------------------------------------------------------------------

export type ComplaintItemKind =
  | 'not_taken'
  | 'wrong_quantity'
  | 'misrecognized'
  | 'duplicate_charge'
  | 'wrong_price'

export interface ComplaintItem {
  productId: string
  kind: ComplaintItemKind
  actualQty?: number
  actualProductId?: string
}

export interface Complaint {
  id: string
  orderId: string
  state: ComplaintState
  items: ComplaintItem[]
  description: string
  photoUrls: string[]
  reply?: string
  correctedOrder?: Receipt
  refund?: Refund
  createdAt: string
  handledAt?: string
}

export interface Upload {
  uploadId: string
  url: string
}

// ---- staff ------------------------------------------------------------------------------------------------

export type StaffRole = 'restocker' | 'ops'
export type AlarmKind =
  | 'lock_fault'
  | 'camera_fault'
  | 'offline'
  | 'door_open'
  | 'temperature'
  | 'low_stock'
  | 'sold_out'

export interface Alarm {
  id: string
  deviceCode: string
  kind: AlarmKind
  state: 'open' | 'acknowledged' | 'cleared'
  raisedAt: string
  productId?: string
  acknowledgedAt?: string
  clearedAt?: string
}

export type ExpiryWarning = null | 30 | 7 | 1 | 'expired'

export interface StockAlert {
  productId: string
  name: string
  doorNo: DoorNo
  stock: number
  stockState: 'low' | 'sold_out'
}

export interface StaffGoods {
  productId: string
  name: string
  imageUrl: string
  doorNo: DoorNo
  priceFen: number
  systemStock: number
  capacity: number
  stockState: StockState
}

export interface StaffDevice {
  code: string
  name: string
  place: string
  kind: DeviceKind
  doorCount: 1 | 2
  role: StaffRole
  online: boolean
  state: DeviceState
  temperatureC: number
  alarms: Alarm[]
  stockAlerts: StockAlert[]
  serviceExpiresAt: string
  expiryWarning: ExpiryWarning
  goods?: StaffGoods[]
}

export interface RestockChange {
  productId: string
  name: string
  before: number
  delta: number
  after: number
}

export interface RestockSession {
  id: string
  deviceCode: string
  doorNo: DoorNo
  state: 'opening' | 'open' | 'closed' | 'confirmed' | 'failed'
  failure?: { code: CloudErrorCode; message: string }
  changes: RestockChange[]
  restockOrderId?: string
  openedAt?: string
  closedAt?: string
  confirmedAt?: string
}

export interface RestockOrderLine {
  productId: string
  name: string
  doorNo: DoorNo
  plannedQty: number
  actualQty?: number
}

export interface RestockOrder {
  id: string
  deviceCode: string
  state: 'open' | 'done'
  createdAt: string
  lines: RestockOrderLine[]
}

export type StocktakeReason = 'damaged' | 'expired' | 'lost' | 'other'

export interface StocktakeLine {
  productId: string
  name: string
  systemStock: number
  counted: number
  diff: number
  reason?: StocktakeReason
}

export interface Stocktake {
  id: string
  deviceCode: string
  createdAt: string
  lines: StocktakeLine[]
}

export type AbnormalReason = 'under_review' | 'settlement_failed' | 'objection'

export interface AbnormalOrder {
  orderId: string
  deviceCode: string
  deviceName: string
  reason: AbnormalReason
  createdAt: string
  totalFen: number
  lines: CartLine[]
  evidence: { photoUrls: string[]; weightLog: { at: string; productId: string; deltaQty: number }[] }
  state: 'open' | 'resolved'
}

export interface DeviceCommand {
  id: string
  deviceCode: string
  kind: 'light' | 'temperature'
  value: number | boolean
  state: 'sending' | 'acknowledged' | 'failed'
  reason?: string
  createdAt: string
  settledAt?: string
}

// ---- merchant ---------------------------------------------------------------------------------------------

export interface ChannelAmounts {
  channel: 'wxpay' | 'alipay'
  grossFen: number
  refundFen: number
  netFen: number
  orderCount: number
}

export interface ReceiptRow {
  key: string
  grossFen: number
  refundFen: number
  netFen: number
  orderCount: number
  byChannel: ChannelAmounts[]
}

export interface Account {
  id: string
  channel: 'wxpay' | 'alipay'
  name: string
  availableFen: number
  pendingFen: number
  minWithdrawFen: number
  destination: string
}

export interface Withdrawal {
  id: string
  accountId: string
  amountFen: number
  state: 'processing' | 'succeeded' | 'failed'
  reason?: string
  createdAt: string
  settledAt?: string
}

export interface LatencyRow {
  deviceCode: string
  openP50Ms: number | null
  openP95Ms: number | null
  settleP50Ms: number | null
  settleP95Ms: number | null
}

export interface Statistics {
  range: 'today' | '7d' | '30d'
  salesFen: number
  orderCount: number
  avgTicketFen: number
  series: { date: string; salesFen: number; orderCount: number }[]
  byDevice: { deviceCode: string; deviceName: string; salesFen: number; orderCount: number }[]
  topGoods: { productId: string; name: string; qty: number; salesFen: number }[]
  latency: LatencyRow[]
}

export interface MerchantDevice {
  code: string
  name: string
  place: string
  qrUrl: string
}
