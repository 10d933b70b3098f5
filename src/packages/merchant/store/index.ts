import { create } from 'zustand'
import { createBlacklistSlice } from './blacklistSlice'
import { createComplaintsSlice } from './complaintsSlice'
import { createDevicesSlice } from './devicesSlice'
import { createReceiptsSlice } from './receiptsSlice'
import { createStatisticsSlice } from './statisticsSlice'
import type { MerchantState } from './types'
import { createWalletSlice } from './walletSlice'

export type { MerchantState }

/**
 * The merchant workspace's own store, inside the subpackage so none of it weighs on the shopper's main
 * package. Nothing is persisted: every screen reads the cloud afresh.
 */
export function createMerchantStore() {
  return create<MerchantState>()((...a) => ({
    ...createReceiptsSlice(...a),
    ...createWalletSlice(...a),
    ...createStatisticsSlice(...a),
    ...createComplaintsSlice(...a),
    ...createDevicesSlice(...a),
    ...createBlacklistSlice(...a),
  }))
}

export const useMerchantStore = createMerchantStore()
