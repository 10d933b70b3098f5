import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import { pollUntil } from '@/api/retry'
import { AppError } from '@/domain/errors'
import { platform } from '@/platform'
import type { AppState } from './types'

export type PaymentPhase = 'idle' | 'paying' | 'confirming' | 'succeeded' | 'failed'

export interface PaymentSlice {
  payment: { phase: PaymentPhase; orderId: string | null; error: AppError | null }
  /** Pay an unpaid order with the platform's payment, then believe only the cloud. */
  payOrder: (orderId: string) => Promise<boolean>
  /**
   * A payment the cloud reports pending (after a restart): 确认中 until the cloud's answer. False when the
   * shopper closed exactly this one's cashier on this run (the cloud keeps it pending until it expires).
   */
  resumePayment: (paymentId: string, orderId: string) => boolean
}

const CONFIRM_TIMEOUT_MS = 30_000

export const createPaymentSlice: StateCreator<AppState, [], [], PaymentSlice> = (set, get) => {
  const setPayment = (patch: Partial<PaymentSlice['payment']>) =>
    set((s) => ({ payment: { ...s.payment, ...patch } }))
  let backedOutOf: string | null = null
  const busy = (orderId: string) => {
    const { phase, orderId: current } = get().payment
    return (phase === 'paying' || phase === 'confirming') && current === orderId
  }

  /** Polls the cloud for the payment's outcome; the platform's own result is never proof. */
  const confirm = async (paymentId: string): Promise<boolean> => {
    setPayment({ phase: 'confirming' })
    const { answer, timedOut } = await pollUntil(
      () => callApi('getPayment', { path: { paymentId } }),
      (payment) => payment.state !== 'pending',
      { everyMs: 1000, timeoutMs: CONFIRM_TIMEOUT_MS },
    )
    if (answer.ok && answer.data.state === 'succeeded') {
      setPayment({ phase: 'succeeded' })
      await get().refreshCabinet()
      return true
    }
    const error = !answer.ok
      ? answer.error
      : timedOut
        ? new AppError('PAYMENT_PENDING')
        : new AppError('PAYMENT_FAILED', { detail: answer.data.failure?.message })
    setPayment({ phase: 'failed', error })
    return false
  }

  return {
    payment: { phase: 'idle', orderId: null, error: null },

    payOrder: async (orderId) => {
      if (busy(orderId)) return false
      setPayment({ phase: 'paying', orderId, error: null })
      // One key per order payment attempt: a double tap or a retry gets the same payment back.
      const created = await callApi('payOrder', {
        path: { orderId },
        body: { platform: platform.name },
        idempotencyKey: `pay-${orderId}`,
      })
      if (!created.ok) {
        setPayment({ phase: 'failed', error: created.error })
        if (created.error.code === 'ORDER_ALREADY_PAID') void get().refreshCabinet()
        return created.error.code === 'ORDER_ALREADY_PAID'
      }
      const flow = await platform.pay(created.data.payload)
      if (flow.outcome === 'cancelled') {
        backedOutOf = created.data.id
        setPayment({ phase: 'failed', error: new AppError('PLATFORM_CANCELLED') })
        return false
      }
      return confirm(created.data.id)
    },

    resumePayment: (paymentId, orderId) => {
      if (paymentId === backedOutOf) return false
      if (busy(orderId)) return true
      setPayment({ phase: 'confirming', orderId, error: null })
      void confirm(paymentId)
      return true
    },
  }
}
