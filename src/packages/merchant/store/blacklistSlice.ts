import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import { newId } from '@/api/ids'
import { worthRetrying } from '@/api/retry'
import type { BlacklistEntry, BlacklistSource } from '@/api/types'
import { AppError } from '@/domain/errors'
import { blacklistReasonProblem } from '../domain/blacklist'
import { fetchPageInto, idle, type Paged } from './load'
import type { MerchantState } from './types'

/** closed → edit (the reason) → submitting → done (the entry the cloud keeps). */
export type BlockStep = 'closed' | 'edit' | 'submitting' | 'done'

export interface BlacklistSlice {
  blacklist: Paged<BlacklistEntry>
  loadBlacklist: () => Promise<void>
  loadMoreBlacklist: () => Promise<void>

  /** 拉黑 from a complaint or an order: one form at a time, for one source. */
  blocking: {
    source: BlacklistSource | null
    reason: string
    step: BlockStep
    /** The Idempotency-Key of this reason for this source, kept for a resend after a lost answer. */
    key: string | null
    error: AppError | null
    entry: BlacklistEntry | null
  }
  startBlock: (source: BlacklistSource) => void
  setBlockReason: (reason: string) => void
  cancelBlock: () => void
  submitBlock: () => Promise<void>

  /** 解除: asked once more, then sent once. */
  unblock: {
    entryId: string | null
    step: 'idle' | 'confirm' | 'submitting'
    key: string | null
    error: AppError | null
  }
  askUnblock: (entryId: string) => void
  cancelUnblock: () => void
  confirmUnblock: () => Promise<void>
}

const PAGE = 20

const closedBlock: BlacklistSlice['blocking'] = {
  source: null,
  reason: '',
  step: 'closed',
  key: null,
  error: null,
  entry: null,
}

const idleUnblock: BlacklistSlice['unblock'] = { entryId: null, step: 'idle', key: null, error: null }

const sameSource = (a: BlacklistSource | null, b: BlacklistSource) => a?.kind === b.kind && a.id === b.id

export const createBlacklistSlice: StateCreator<MerchantState, [], [], BlacklistSlice> = (set, get) => {
  const patchList = (patch: Partial<BlacklistSlice['blacklist']>) =>
    set((s) => ({ blacklist: { ...s.blacklist, ...patch } }))
  const patchBlocking = (patch: Partial<BlacklistSlice['blocking']>) =>
    set((s) => ({ blocking: { ...s.blocking, ...patch } }))
  const patchUnblock = (patch: Partial<BlacklistSlice['unblock']>) =>
    set((s) => ({ unblock: { ...s.unblock, ...patch } }))

  const fetchPage = (cursor: string | null) =>
    fetchPageInto(
      () => get().blacklist,
      (page) => patchList(page),
      () => callApi('listBlacklist', { query: { cursor: cursor ?? undefined, limit: PAGE } }),
      cursor,
    )

  /** Keeps a loaded list in step with one entry: added on top, or taken out. */
  const putEntry = (entry: BlacklistEntry, present: boolean) => {
    const data = get().blacklist.list.data
    if (!data) return
    const others = data.filter((e) => e.id !== entry.id)
    patchList({ list: { ...get().blacklist.list, data: present ? [entry, ...others] : others } })
  }

  return {
    blacklist: { list: idle(), nextCursor: null },

    loadBlacklist: async () => {
      patchList({ nextCursor: null })
      await fetchPage(null)
    },

    loadMoreBlacklist: async () => {
      const { nextCursor, list } = get().blacklist
      if (!nextCursor || list.status === 'loading') return
      await fetchPage(nextCursor)
    },

    blocking: closedBlock,

    startBlock: (source) => {
      const b = get().blocking
      if (sameSource(b.source, source) && b.step !== 'closed') return
      set({ blocking: { ...closedBlock, source: { ...source }, step: 'edit' } })
    },

    setBlockReason: (reason) => {
      if (get().blocking.step !== 'edit') return
      // Another reason is another request: it gets its own key.
      patchBlocking({ reason, key: null, error: null })
    },

    cancelBlock: () => {
      if (get().blocking.step !== 'submitting') set({ blocking: closedBlock })
    },

    submitBlock: async () => {
      const b = get().blocking
      // The guard against a double tap: only a form being edited is sent, and it stops being one at once.
      if (b.step !== 'edit' || !b.source) return
      const problem = blacklistReasonProblem(b.reason)
      if (problem) {
        patchBlocking({ error: new AppError('VALIDATION_FAILED', { fields: { reason: problem } }) })
        return
      }
      const key = b.key ?? newId('block-')
      patchBlocking({ step: 'submitting', key, error: null })
      const result = await callApi('blockShopper', {
        body: { source: b.source, reason: b.reason.trim() },
        idempotencyKey: key,
      })
      if (result.ok) {
        patchBlocking({ step: 'done', entry: result.data, key: null })
        putEntry(result.data, true)
        return
      }
      // No answer: the same key goes again with the next tap, so the cloud keeps one entry.
      patchBlocking({ step: 'edit', key: worthRetrying(result.error) ? key : null, error: result.error })
    },

    unblock: idleUnblock,

    askUnblock: (entryId) => {
      if (get().unblock.step === 'submitting') return
      set({ unblock: { ...idleUnblock, entryId, step: 'confirm' } })
    },

    cancelUnblock: () => {
      if (get().unblock.step === 'confirm') set({ unblock: idleUnblock })
    },

    confirmUnblock: async () => {
      const u = get().unblock
      if (u.step !== 'confirm' || !u.entryId) return
      const key = u.key ?? newId('unblock-')
      patchUnblock({ step: 'submitting', key, error: null })
      const result = await callApi('unblockShopper', { path: { entryId: u.entryId }, idempotencyKey: key })
      if (result.ok) {
        putEntry(result.data, false)
        set({ unblock: idleUnblock })
        return
      }
      if (worthRetrying(result.error)) {
        patchUnblock({ step: 'confirm', error: result.error })
        return
      }
      patchUnblock({ step: 'idle', key: null, error: result.error })
      // Removed meanwhile (another phone, a colleague): show the list as the cloud has it.
      if (result.error.code === 'BLACKLIST_ENTRY_NOT_FOUND') await get().loadBlacklist()
    },
  }
}
