import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { FaultReportKind } from '@/api/types'
import { AppError } from '@/domain/errors'
import { DESCRIPTION_LIMIT, charCount, type FieldErrors } from '../domain/complaintDraft'
import { requestKey } from '../domain/requestKey'
import type { OrdersPorts } from './ports'
import type { OrdersState } from './types'

export interface FaultReport {
  /** Names this report for idempotency: a double tap or a retry files it once. */
  key: string
  /** After the first submit every field is checked as the shopper types; before, only the length. */
  attempted: boolean
  deviceCode: string | null
  sessionId: string | null
  kind: FaultReportKind | null
  description: string
  fields: FieldErrors
  submitting: boolean
  error: AppError | null
  /** The cloud's id of the filed report. */
  reportId: string | null
}

export interface FaultSlice {
  fault: FaultReport
  /** A new report about a cabinet (and the visit concerned, if any). */
  startFaultReport: (deviceCode: string, sessionId?: string) => void
  setFaultKind: (kind: FaultReportKind) => void
  setFaultDescription: (text: string) => void
  submitFaultReport: () => Promise<boolean>
}

function check(kind: FaultReportKind | null, description: string, attempted: boolean): FieldErrors {
  const fields: FieldErrors = {}
  if (!kind && attempted) fields.kind = '请选择遇到的问题'
  if (charCount(description) > DESCRIPTION_LIMIT) fields.description = `说明不能超过${DESCRIPTION_LIMIT}字`
  return fields
}

function blankReport(key: string): FaultReport {
  return {
    key,
    attempted: false,
    deviceCode: null,
    sessionId: null,
    kind: null,
    description: '',
    fields: {},
    submitting: false,
    error: null,
    reportId: null,
  }
}

export const createFaultSlice =
  (ports: OrdersPorts): StateCreator<OrdersState, [], [], FaultSlice> =>
  (set, get) => {
    const patch = (change: Partial<FaultReport>) => set((s) => ({ fault: { ...s.fault, ...change } }))
    return {
      fault: blankReport(''),

      startFaultReport: (deviceCode, sessionId) => {
        const { fault } = get()
        // Coming back to the same unfinished report keeps what was typed.
        if (fault.deviceCode === deviceCode && fault.sessionId === (sessionId ?? null) && !fault.reportId)
          return
        set({ fault: { ...blankReport(ports.newId('fault-')), deviceCode, sessionId: sessionId ?? null } })
      },

      setFaultKind: (kind) => {
        const { description, attempted } = get().fault
        patch({ kind, fields: check(kind, description, attempted) })
      },

      setFaultDescription: (text) => {
        const { kind, attempted } = get().fault
        patch({ description: text, fields: check(kind, text, attempted) })
      },

      submitFaultReport: async () => {
        const { fault } = get()
        if (!fault.deviceCode || fault.submitting || fault.reportId) return Boolean(fault.reportId)
        const fields = check(fault.kind, fault.description, true)
        if (Object.keys(fields).length > 0 || !fault.kind) {
          patch({ attempted: true, fields, error: new AppError('VALIDATION_FAILED') })
          return false
        }
        patch({ attempted: true, submitting: true, error: null, fields: {} })
        const body = {
          deviceCode: fault.deviceCode,
          kind: fault.kind,
          description: fault.description.trim(),
          ...(fault.sessionId ? { sessionId: fault.sessionId } : {}),
        }
        const result = await callApi('createFaultReport', {
          body,
          idempotencyKey: requestKey(fault.key, body),
        })
        if (result.ok) patch({ submitting: false, reportId: result.data.id })
        else patch({ submitting: false, error: result.error, fields: result.error.fields ?? {} })
        return result.ok
      },
    }
  }
