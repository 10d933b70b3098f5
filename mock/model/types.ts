// Contract-shaped objects the model returns. They are the contract's own generated types
// (src/api/openapi.yaml → src/api/schema.gen.ts → src/api/types.ts), imported type-only, so a model output
// that drifts from the contract fails the type check. Local aliases keep the model's names short.
import type * as C from '../../src/api/types'

export type Platform = C.Platform

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

// auth
export type User = C.User
export type LoginResult = C.LoginResponse

// cabinet
export type DeviceState = C.DeviceState
export type DeviceKind = C.DeviceKind
export type Device = C.Device
export type DoorNo = C.DoorNo
export type Door = C.Door
export type StockState = C.StockState
export type Goods = C.Goods
export type PromotionKind = C.PromotionKind
export type Tier = C.PromotionTier
export type Promotion = C.Promotion
export type GateCode = C.GateReasonCode
export type GateReason = C.GateReason
export type CreditMethod = C.CreditMethod
export type CreditMethodOffer = C.CreditMethodOffer
export type CreditOffer = C.CreditOffer
export type Gate = C.Gate
export type StaffAction = C.StaffAction
export type CabinetLanding = C.CabinetLanding
export type Deposit = C.Deposit
export type ActiveState = C.ActiveState

// credit
export type CreditAuthorizationState = C.CreditAuthorizationState
export type CreditPayload = C.CreditAuthorizationPayload
export type CreditAuthorization = C.CreditAuthorization

// door sessions
export type DoorSessionState = C.DoorSessionState
export type LineDiscount = C.LineDiscount
export type OrderDiscount = C.OrderDiscount
export type CartLine = C.CartLine
export type Cart = C.Cart
export type DoorSession = C.DoorSession
export type SessionEventKind = C.SessionEventKind
export type SessionEvent = C.SessionEvent
export type SessionEventList = C.SessionEventList

// orders and payments
export type OrderStatus = C.OrderStatus
export type OrderChannel = C.PaymentChannel
export type OrderListFilter = C.OrderStatusFilter
export type OrderSummary = C.OrderSummary
export type Refund = C.Refund
export type ComplaintState = C.ComplaintState
export type ComplaintSummary = C.ComplaintSummary
export type Receipt = C.Receipt
export type PaymentPayload = C.PaymentPayload
export type Payment = C.Payment

// complaints and uploads
export type ComplaintItemKind = C.ComplaintItemKind
export type ComplaintItem = C.ComplaintItem
export type Complaint = C.Complaint
export type Upload = C.Upload
export type FaultReportKind = C.FaultReportKind

// staff
export type StaffRole = C.StaffRole
export type AlarmKind = C.AlarmKind
export type AlarmState = C.AlarmState
export type Alarm = C.Alarm
export type ExpiryWarning = C.ExpiryWarning
export type StockAlert = C.StockAlert
export type StaffGoods = C.StaffGoods
export type StaffDevice = C.StaffDevice
export type StaffDeviceDetail = C.StaffDeviceDetail
export type RestockChange = C.RestockChange
export type RestockSession = C.RestockSession
export type RestockSessionEventKind = C.RestockSessionEventKind
export type RestockSessionEvent = C.RestockSessionEvent
export type RestockOrderLine = C.RestockOrderLine
export type RestockOrder = C.RestockOrder
export type StocktakeReason = C.StockAdjustReason
export type StocktakeInputLine = C.StocktakeLine
export type StocktakeLine = C.StocktakeResultLine
export type Stocktake = C.Stocktake
export type AbnormalReason = C.AbnormalOrderReason
export type AbnormalOrder = C.AbnormalOrder
export type StockReading = C.StockReading
export type OrderEvidence = C.AbnormalOrderEvidence
export type DeviceCommand = C.DeviceCommand
export type DeviceLocation = C.DeviceLocation
export type DeviceLocationRequest = C.DeviceLocationRequest
export type DeviceLocationChange = C.DeviceLocationChange
export type LightSchedule = C.LightSchedule
export type DeviceLight = C.DeviceLight
export type DeviceCommandRequest = C.DeviceCommandRequest

// merchant
export type ReceiptGroupBy = C.ReceiptGroupBy
export type ChannelAmounts = C.ReceiptAmounts
export type ReceiptRow = C.ReceiptReportRow
export type ReceiptReport = C.ReceiptReport
export type MerchantOrderSummary = C.MerchantOrderSummary
export type Account = C.MerchantAccount
export type Withdrawal = C.Withdrawal
export type StatisticsRange = C.StatisticsRange
export type LatencyRow = C.DeviceLatency
export type Statistics = C.Statistics
export type MerchantComplaint = C.MerchantComplaint
export type MerchantDevice = C.MerchantDevice
export type StaffInvite = C.StaffInvite
export type BlacklistSource = C.BlacklistSource
export type BlacklistEntry = C.BlacklistEntry
