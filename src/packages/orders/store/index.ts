import { newId } from '@/api/ids'
import { uploadFile } from '@/api/upload'
import { platform } from '@/platform'
import { useAppStore } from '@/stores'
import { createOrdersStore } from './createOrdersStore'

export type { OrdersState } from './types'

export const useOrdersStore = createOrdersStore({
  // The one payment flow of the app lives in the main store; after it the cabinet's gate is fresh too.
  payOrder: async (orderId) => {
    const ok = await useAppStore.getState().payOrder(orderId)
    return { ok, error: ok ? null : useAppStore.getState().payment.error }
  },
  chooseImages: (count) => platform.chooseImages(count),
  uploadFile,
  newId,
  now: () => Date.now(),
})
