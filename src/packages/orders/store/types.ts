import type { ComplaintSlice } from './complaintSlice'
import type { FaultSlice } from './faultSlice'
import type { OrderListSlice } from './orderListSlice'
import type { ReceiptSlice } from './receiptSlice'

export type OrdersState = OrderListSlice & ReceiptSlice & ComplaintSlice & FaultSlice

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'
