import type { BlacklistSlice } from './blacklistSlice'
import type { ComplaintsSlice } from './complaintsSlice'
import type { DevicesSlice } from './devicesSlice'
import type { ReceiptsSlice } from './receiptsSlice'
import type { StatisticsSlice } from './statisticsSlice'
import type { WalletSlice } from './walletSlice'

export type MerchantState = ReceiptsSlice &
  WalletSlice &
  StatisticsSlice &
  ComplaintsSlice &
  DevicesSlice &
  BlacklistSlice
