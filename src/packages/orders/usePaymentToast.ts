import { useCallback } from 'react'
import Taro from '@tarojs/taro'
import type { AppError } from '@/domain/errors'

/** Pays through the store and tells the outcome in a toast (a cancel by the shopper needs no words). */
export function usePaymentToast(
  payOrder: (orderId: string) => Promise<{ paid: boolean; error: AppError | null }>,
): (orderId: string) => Promise<boolean> {
  return useCallback(
    async (orderId: string) => {
      const { paid, error } = await payOrder(orderId)
      if (paid) void Taro.showToast({ title: '支付成功', icon: 'success' })
      else if (error && error.code !== 'PLATFORM_CANCELLED')
        void Taro.showToast({ title: error.message, icon: 'none' })
      return paid
    },
    [payOrder],
  )
}
