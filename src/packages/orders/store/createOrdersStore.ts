import { create } from 'zustand'
import { createComplaintSlice } from './complaintSlice'
import { createFaultSlice } from './faultSlice'
import { createOrderListSlice } from './orderListSlice'
import type { OrdersPorts } from './ports'
import { createReceiptSlice } from './receiptSlice'
import type { OrdersState } from './types'

/**
 * The after-sales store of the orders subpackage, apart from the main store so the main package stays
 * small; nothing in it needs to survive a restart, so it is not persisted.
 */
export function createOrdersStore(ports: OrdersPorts) {
  return create<OrdersState>()((...a) => ({
    ...createOrderListSlice(...a),
    ...createReceiptSlice(ports)(...a),
    ...createComplaintSlice(ports)(...a),
    ...createFaultSlice(ports)(...a),
  }))
}

export type OrdersStore = ReturnType<typeof createOrdersStore>
