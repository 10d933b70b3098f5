import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import { worthRetrying } from '@/api/retry'
import { newId } from '@/api/ids'
import type { ComplaintState, MerchantComplaint } from '@/api/types'
import { AppError } from '@/domain/errors'
import {
  approvalBody,
  replyProblem,
  suggestedCorrection,
  withQty,
  type CorrectionLine,
} from '../domain/correction'
import { fetchPageInto, idle, type Paged } from './load'
import type { MerchantState } from './types'

export type Decision = 'approve' | 'reject'

/** edit (lines and reply) → confirm (what will happen, once more) → submitting → done. */
export type DecisionStep = 'edit' | 'confirm' | 'submitting' | 'done'

export interface ComplaintsSlice {
  complaints: Paged<MerchantComplaint> & { state: ComplaintState }
  loadComplaints: (state: ComplaintState) => Promise<void>
  loadMoreComplaints: () => Promise<void>

  decision: {
    complaintId: string | null
    lines: CorrectionLine[]
    reply: string
    mode: Decision | null
    step: DecisionStep
    attempt: { key: string; mode: Decision } | null
    error: AppError | null
  }
  /** Opens a complaint for handling; the list is loaded first when the page was opened directly. */
  openComplaint: (complaintId: string) => Promise<void>
  setCorrectionQty: (productId: string, qty: number) => void
  setDecisionReply: (reply: string) => void
  reviewDecision: (mode: Decision) => void
  backToEditDecision: () => void
  submitDecision: () => Promise<void>
}

export function complaintById(s: MerchantState, id: string | null): MerchantComplaint | null {
  return s.complaints.list.data?.find((item) => item.complaint.id === id) ?? null
}

const PAGE = 20

const emptyDecision: ComplaintsSlice['decision'] = {
  complaintId: null,
  lines: [],
  reply: '',
  mode: null,
  step: 'edit',
  attempt: null,
  error: null,
}

export const createComplaintsSlice: StateCreator<MerchantState, [], [], ComplaintsSlice> = (set, get) => {
  const patchList = (patch: Partial<ComplaintsSlice['complaints']>) =>
    set((s) => ({ complaints: { ...s.complaints, ...patch } }))
  const patchDecision = (patch: Partial<ComplaintsSlice['decision']>) =>
    set((s) => ({ decision: { ...s.decision, ...patch } }))

  const fetchPage = (state: ComplaintState, cursor: string | null) =>
    fetchPageInto(
      () => get().complaints,
      (page) => patchList(page),
      () => callApi('listMerchantComplaints', { query: { state, cursor: cursor ?? undefined, limit: PAGE } }),
      cursor,
      () => get().complaints.state === state,
    )

  /** Puts the cloud's answer for one complaint into the list on screen (added when it is not there). */
  const putComplaint = (updated: MerchantComplaint) =>
    set((s) => {
      const data = s.complaints.list.data ?? []
      const known = data.some((item) => item.complaint.id === updated.complaint.id)
      return {
        complaints: {
          ...s.complaints,
          list: {
            status: 'ready',
            error: null,
            data: known
              ? data.map((item) => (item.complaint.id === updated.complaint.id ? updated : item))
              : [...data, updated],
          },
        },
      }
    })

  /**
   * Reads one complaint as the cloud has it now. There is no single-complaint endpoint for merchants, so it
   * is looked up in the newest 100 of every state (a complaint older than that is long handled).
   */
  const fetchComplaint = async (complaintId: string): Promise<AppError | null> => {
    const page = await callApi('listMerchantComplaints', { query: { limit: 100 } })
    if (!page.ok) return page.error
    const found = page.data.items.find((item) => item.complaint.id === complaintId)
    if (!found) return new AppError('COMPLAINT_NOT_FOUND')
    putComplaint(found)
    return null
  }

  return {
    complaints: { state: 'pending', list: idle(), nextCursor: null },

    loadComplaints: async (state) => {
      patchList({ state, nextCursor: null })
      await fetchPage(state, null)
    },

    loadMoreComplaints: async () => {
      const { state, nextCursor, list } = get().complaints
      if (!nextCursor || list.status === 'loading') return
      await fetchPage(state, nextCursor)
    },

    decision: emptyDecision,

    openComplaint: async (complaintId) => {
      if (get().decision.complaintId === complaintId && get().decision.step !== 'done') return
      // Opened from a link, the list is not on the phone yet.
      const error = complaintById(get(), complaintId) ? null : await fetchComplaint(complaintId)
      const item = complaintById(get(), complaintId)
      if (error || !item) {
        patchList({
          list: { ...get().complaints.list, status: 'error', error: error ?? new AppError('NOT_FOUND') },
        })
        return
      }
      set({
        decision: { ...emptyDecision, complaintId, lines: suggestedCorrection(item.complaint, item.order) },
      })
    },

    setCorrectionQty: (productId, qty) => {
      if (get().decision.step !== 'edit') return
      patchDecision({ lines: withQty(get().decision.lines, productId, qty), attempt: null, error: null })
    },

    setDecisionReply: (reply) => {
      if (get().decision.step !== 'edit') return
      patchDecision({ reply, attempt: null, error: null })
    },

    reviewDecision: (mode) => {
      const d = get().decision
      if (d.step !== 'edit' || !d.complaintId) return
      const problem = replyProblem(d.reply, mode === 'reject')
      if (problem) {
        patchDecision({ error: new AppError('VALIDATION_FAILED', { fields: { reply: problem } }) })
        return
      }
      // The key belongs to one decision with one content; any edit (above) dropped the old one.
      const attempt = d.attempt?.mode === mode ? d.attempt : { key: newId(`${mode}-`), mode }
      patchDecision({ mode, step: 'confirm', attempt, error: null })
    },

    backToEditDecision: () => {
      if (get().decision.step === 'confirm') patchDecision({ step: 'edit', error: null })
    },

    submitDecision: async () => {
      const d = get().decision
      if (d.step !== 'confirm' || !d.attempt || !d.complaintId) return
      patchDecision({ step: 'submitting', error: null })
      const path = { complaintId: d.complaintId }
      const result =
        d.attempt.mode === 'approve'
          ? await callApi('approveComplaint', {
              path,
              body: approvalBody(d.lines, d.reply),
              idempotencyKey: d.attempt.key,
            })
          : await callApi('rejectComplaint', {
              path,
              body: { reply: d.reply.trim() },
              idempotencyKey: d.attempt.key,
            })
      if (result.ok) {
        const item = complaintById(get(), d.complaintId)
        if (item) putComplaint({ ...item, complaint: result.data })
        patchDecision({ step: 'done', attempt: null })
        return
      }
      if (worthRetrying(result.error, 'kept')) {
        patchDecision({ step: 'confirm', error: result.error })
        return
      }
      patchDecision({ step: 'edit', attempt: null, error: result.error })
      // Handled elsewhere meanwhile (another phone, a colleague): show what the cloud now says.
      if (result.error.code === 'COMPLAINT_ALREADY_HANDLED') await fetchComplaint(d.complaintId)
    },
  }
}
