import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import { repeatUntil, worthRetrying } from '@/api/retry'
import { newId } from '@/api/ids'
import type { MerchantAccount, Withdrawal } from '@/api/types'
import { AppError } from '@/domain/errors'
import { formatFenPlain, parseWithdrawalAmount, type WithdrawalAmountCheck } from '@/domain/money'
import { fetchInto, idle, type Load } from './load'
import type { MerchantState } from './types'

const WATCH_EVERY_MS = 1500
const WATCH_FOR_MS = 60_000

/** edit → confirm (the amount and destination shown once more) → submitting → done. */
export type WithdrawStep = 'edit' | 'confirm' | 'submitting' | 'done'

export interface WithdrawAttempt {
  /** One key per amount the merchant confirmed: a double tap or a retry after a lost answer reuses it. */
  key: string
  accountId: string
  amountFen: number
}

export interface WalletSlice {
  accounts: Load<MerchantAccount[]>
  withdrawals: Load<Withdrawal[]>
  loadWallet: () => Promise<void>
  /** Re-reads the records while any is 处理中, then the balances once; returns a stop function. */
  watchWithdrawals: () => () => void

  withdraw: {
    accountId: string | null
    amountText: string
    step: WithdrawStep
    attempt: WithdrawAttempt | null
    result: Withdrawal | null
    error: AppError | null
  }
  startWithdrawal: (accountId: string) => void
  setWithdrawAmount: (text: string) => void
  fillAllAvailable: () => void
  reviewWithdrawal: () => void
  backToEditWithdrawal: () => void
  confirmWithdrawal: () => Promise<void>
}

/** The account a withdrawal form is for, from the balances on screen. */
export function withdrawAccount(s: MerchantState): MerchantAccount | null {
  return s.accounts.data?.find((a) => a.id === s.withdraw.accountId) ?? null
}

/** The amount as typed, checked against the account's minimum and available balance (null: nothing typed). */
export function withdrawCheck(
  account: MerchantAccount | null,
  amountText: string,
): WithdrawalAmountCheck | null {
  if (!account || amountText.trim() === '') return null
  return parseWithdrawalAmount(amountText, {
    minFen: account.minWithdrawFen,
    availableFen: account.availableFen,
  })
}

const emptyForm: WalletSlice['withdraw'] = {
  accountId: null,
  amountText: '',
  step: 'edit',
  attempt: null,
  result: null,
  error: null,
}

export const createWalletSlice: StateCreator<MerchantState, [], [], WalletSlice> = (set, get) => {
  const patchForm = (patch: Partial<WalletSlice['withdraw']>) =>
    set((s) => ({ withdraw: { ...s.withdraw, ...patch } }))
  const loadAccounts = () =>
    fetchInto(
      () => get().accounts,
      (accounts) => set({ accounts }),
      async () => {
        const r = await callApi('listAccounts', {})
        return r.ok ? { ...r, data: r.data.items } : r
      },
    )
  const loadWithdrawals = () =>
    fetchInto(
      () => get().withdrawals,
      (withdrawals) => set({ withdrawals }),
      async () => {
        const r = await callApi('listWithdrawals', { query: { limit: 50 } })
        return r.ok ? { ...r, data: r.data.items } : r
      },
    )
  const processing = () => (get().withdrawals.data ?? []).some((w) => w.state === 'processing')

  return {
    accounts: idle(),
    withdrawals: idle(),

    loadWallet: async () => {
      await Promise.all([loadAccounts(), loadWithdrawals()])
    },

    watchWithdrawals: () => {
      let stopped = false
      const over = () => stopped || !processing()
      if (!over()) {
        void repeatUntil(
          async () => {
            if (!stopped) await loadWithdrawals()
          },
          over,
          { everyMs: WATCH_EVERY_MS, timeoutMs: WATCH_FOR_MS, pauseFirst: true },
        ).then(async ({ timedOut }) => {
          // A record that just settled moved money (a failed one gave it back): the balances follow.
          if (!stopped && !timedOut) await loadAccounts()
        })
      }
      return () => {
        stopped = true
      }
    },

    withdraw: emptyForm,

    startWithdrawal: (accountId) => {
      const form = get().withdraw
      // Coming back to a form in progress keeps it (and its key); a finished one starts afresh.
      if (form.accountId === accountId && form.step !== 'done') return
      set({ withdraw: { ...emptyForm, accountId } })
    },

    setWithdrawAmount: (text) => patchForm({ amountText: text, error: null }),

    fillAllAvailable: () => {
      const account = withdrawAccount(get())
      if (account) patchForm({ amountText: formatFenPlain(account.availableFen), error: null })
    },

    reviewWithdrawal: () => {
      const s = get()
      const account = withdrawAccount(s)
      if (!account || s.withdraw.step !== 'edit') return
      const check = withdrawCheck(account, s.withdraw.amountText) ?? {
        ok: false,
        code: 'WITHDRAW_AMOUNT_INVALID',
        reason: '请输入金额',
      }
      if (!check.ok) {
        patchForm({ error: new AppError(check.code, { hint: check.reason }) })
        return
      }
      const previous = s.withdraw.attempt
      const same = previous?.accountId === account.id && previous.amountFen === check.fen
      patchForm({
        step: 'confirm',
        error: null,
        attempt: same ? previous : { key: newId('wd-'), accountId: account.id, amountFen: check.fen },
      })
    },

    backToEditWithdrawal: () => {
      if (get().withdraw.step === 'confirm') patchForm({ step: 'edit', error: null })
    },

    confirmWithdrawal: async () => {
      const { step, attempt } = get().withdraw
      // The second tap of a double tap finds the form submitting and does nothing.
      if (step !== 'confirm' || !attempt) return
      patchForm({ step: 'submitting', error: null })
      const result = await callApi('createWithdrawal', {
        body: { accountId: attempt.accountId, amountFen: attempt.amountFen },
        idempotencyKey: attempt.key,
      })
      if (result.ok) {
        patchForm({ step: 'done', result: result.data, attempt: null })
        await get().loadWallet()
        return
      }
      if (worthRetrying(result.error, 'kept')) {
        // It may have gone through: the retry carries the same key, so it cannot withdraw twice.
        patchForm({ step: 'confirm', error: result.error })
        return
      }
      // A definite refusal (below the minimum, above what is available now…): back to the amount.
      patchForm({ step: 'edit', attempt: null, error: result.error })
      await loadAccounts()
    },
  }
}
