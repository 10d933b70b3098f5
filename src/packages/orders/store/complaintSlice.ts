import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { Complaint, ComplaintItemKind, Receipt } from '@/api/types'
import { AppError, refusalError } from '@/domain/errors'
import {
  MAX_PHOTOS,
  MAX_PHOTO_BYTES,
  fieldsFromCloud,
  lineField,
  newDraft,
  photoTooLargeMessage,
  submissionKey,
  toRequest,
  validateDraft,
  type ComplaintDraft,
  type FieldErrors,
  type LineDraft,
  type PhotoDraft,
} from '../domain/complaintDraft'
import type { OrdersPorts } from './ports'
import type { OrdersState } from './types'

export interface ComplaintForm {
  /** Drafts by order id: leaving the form and coming back finds it as it was left. */
  drafts: Record<string, ComplaintDraft>
  /** The order whose form is on screen. */
  orderId: string | null
  /** Field messages shown under the fields; `form` above the submit button. */
  fields: FieldErrors
  /** After the first submit every field is checked as the shopper types; before, only the limits. */
  attempted: boolean
  submitting: boolean
  /** Why the last submission did not go through (network, refusal); the draft is kept for a retry. */
  error: AppError | null
}

export interface ComplaintSlice {
  complaintForm: ComplaintForm
  /** Opens the form for an order: its receipt and its cabinet's goods, and its draft (kept or new). */
  openComplaintForm: (orderId: string) => Promise<void>
  toggleLine: (productId: string) => void
  setLineKind: (productId: string, kind: ComplaintItemKind) => void
  setActualQty: (productId: string, text: string) => void
  setActualProduct: (productId: string, actualProductId: string) => void
  setDescription: (text: string) => void
  /** The platform's picker for the photos still allowed; each one is uploaded at once, with progress. */
  addPhotos: () => Promise<void>
  retryPhoto: (photoId: string) => Promise<void>
  removePhoto: (photoId: string) => void
  /** Files the complaint once: the same draft sent again (a retry, a double tap) is the same complaint. */
  submitComplaint: () => Promise<Complaint | null>
}

const emptyForm: ComplaintForm = {
  drafts: {},
  orderId: null,
  fields: {},
  attempted: false,
  submitting: false,
  error: null,
}

/** Before the first submit only limits the shopper can see being crossed are reported while typing. */
function liveFields(all: FieldErrors, draft: ComplaintDraft, attempted: boolean): FieldErrors {
  if (attempted) return all
  const shown: FieldErrors = {}
  if (all.description) shown.description = all.description
  if (all.photos) shown.photos = all.photos
  for (const line of draft.lines) {
    const key = lineField(line.productId, 'actualQty')
    if (all[key] && line.actualQty.trim() !== '') shown[key] = all[key]
  }
  return shown
}

export const createComplaintSlice =
  (ports: OrdersPorts): StateCreator<OrdersState, [], [], ComplaintSlice> =>
  (set, get) => {
    const form = () => get().complaintForm
    const draft = (): ComplaintDraft | null => {
      const { orderId, drafts } = form()
      return orderId ? (drafts[orderId] ?? null) : null
    }
    const receipt = (): Receipt | null => {
      const { orderId } = form()
      return orderId ? (get().receipts[orderId]?.value ?? null) : null
    }

    const setForm = (change: Partial<ComplaintForm>) =>
      set((s) => ({ complaintForm: { ...s.complaintForm, ...change } }))

    /** Applies a change to the draft on screen and re-checks it. */
    const edit = (change: (d: ComplaintDraft) => ComplaintDraft, extra: FieldErrors = {}) => {
      const current = draft()
      if (!current) return
      const next = change(current)
      const r = receipt()
      const all = r ? validateDraft(next, r, get().cloudNow()) : {}
      setForm({
        drafts: { ...form().drafts, [next.orderId]: next },
        fields: { ...liveFields(all, next, form().attempted), ...extra },
      })
    }

    const editLine = (productId: string, change: (line: LineDraft) => LineDraft) =>
      edit((d) => ({ ...d, lines: d.lines.map((l) => (l.productId === productId ? change(l) : l)) }))

    const patchPhoto = (orderId: string, photoId: string, change: Partial<PhotoDraft>) => {
      const d = form().drafts[orderId]
      if (!d) return
      const photos = d.photos.map((p) => (p.id === photoId ? { ...p, ...change } : p))
      setForm({ drafts: { ...form().drafts, [orderId]: { ...d, photos } } })
    }

    const upload = async (orderId: string, photo: PhotoDraft): Promise<void> => {
      const d = form().drafts[orderId]
      if (!d) return
      patchPhoto(orderId, photo.id, { state: 'uploading', progress: 0, error: null })
      // One key per photo of this draft: a retry after a lost answer gets the upload already stored.
      const result = await ports.uploadFile(photo.path, {
        idempotencyKey: `up-${d.id}-${photo.id}`,
        onProgress: (progress) => patchPhoto(orderId, photo.id, { progress }),
      })
      if (result.ok) {
        patchPhoto(orderId, photo.id, { state: 'uploaded', progress: 100, uploadId: result.data.uploadId })
      } else patchPhoto(orderId, photo.id, { state: 'failed', error: result.error })
    }

    return {
      complaintForm: emptyForm,

      openComplaintForm: async (orderId) => {
        const drafts = form().drafts
        setForm({
          orderId,
          drafts: drafts[orderId] ? drafts : { ...drafts, [orderId]: newDraft(ports.newId('d'), orderId) },
          fields: {},
          attempted: false,
          error: null,
        })
        // Always read afresh: a complaint filed meanwhile (on another phone, or just now) closes the form.
        await get().loadReceipt(orderId)
        const r = get().receipts[orderId]?.value
        if (!r) return
        await get().loadCabinetGoods(r.device.code)
      },

      toggleLine: (productId) =>
        edit((d) => ({
          ...d,
          lines: d.lines.some((l) => l.productId === productId)
            ? d.lines.filter((l) => l.productId !== productId)
            : [...d.lines, { productId, kind: null, actualQty: '', actualProductId: null }],
        })),

      setLineKind: (productId, kind) => editLine(productId, (l) => ({ ...l, kind })),

      setActualQty: (productId, text) => editLine(productId, (l) => ({ ...l, actualQty: text })),

      setActualProduct: (productId, actualProductId) =>
        editLine(productId, (l) => ({ ...l, actualProductId })),

      setDescription: (text) => edit((d) => ({ ...d, description: text })),

      addPhotos: async () => {
        const current = draft()
        if (!current) return
        const room = MAX_PHOTOS - current.photos.length
        if (room <= 0) {
          setForm({ fields: { ...form().fields, photos: `最多上传${MAX_PHOTOS}张照片` } })
          return
        }
        const chosen = await ports.chooseImages(room)
        if (!chosen.ok) {
          const error = refusalError(chosen.reason, 'MEDIA_DENIED', chosen.detail ?? chosen.reason)
          if (error) setForm({ error })
          return
        }
        const fitting = chosen.images.filter((image) => image.sizeBytes <= MAX_PHOTO_BYTES)
        const kept = fitting.slice(0, room)
        // What was left out is said where the photos are, and nothing already added is lost.
        const message =
          fitting.length < chosen.images.length
            ? photoTooLargeMessage()
            : kept.length < fitting.length
              ? `最多上传${MAX_PHOTOS}张照片，多选的已忽略`
              : undefined
        const photos: PhotoDraft[] = kept.map((image) => ({
          id: ports.newId('p'),
          path: image.path,
          sizeBytes: image.sizeBytes,
          state: 'uploading',
          progress: 0,
          uploadId: null,
          error: null,
        }))
        edit((d) => ({ ...d, photos: [...d.photos, ...photos] }), message ? { photos: message } : {})
        await Promise.all(photos.map((photo) => upload(current.orderId, photo)))
      },

      retryPhoto: async (photoId) => {
        const current = draft()
        const photo = current?.photos.find((p) => p.id === photoId)
        if (current && photo && photo.state === 'failed') await upload(current.orderId, photo)
      },

      removePhoto: (photoId) => edit((d) => ({ ...d, photos: d.photos.filter((p) => p.id !== photoId) })),

      submitComplaint: async () => {
        const current = draft()
        const r = receipt()
        if (!current || !r || form().submitting) return null
        const fields = validateDraft(current, r, get().cloudNow())
        if (Object.keys(fields).length > 0) {
          setForm({ attempted: true, fields, error: new AppError('VALIDATION_FAILED') })
          return null
        }
        setForm({ attempted: true, fields: {}, submitting: true, error: null })
        try {
          // Photos whose upload failed are sent again first; the form goes only with all of them.
          await Promise.all(
            current.photos.filter((p) => p.state === 'failed').map((p) => upload(current.orderId, p)),
          )
          const ready = form().drafts[current.orderId] ?? current
          const stuck = ready.photos.find((p) => p.state !== 'uploaded')
          if (stuck) {
            setForm({
              fields: {
                photos: stuck.state === 'uploading' ? '照片上传中，请稍候再提交' : '照片上传失败，请重试',
              },
              error: stuck.error ?? null,
            })
            return null
          }
          const request = toRequest(ready, r)
          const result = await callApi('createComplaint', {
            body: request,
            idempotencyKey: submissionKey(ready, request),
          })
          if (!result.ok) {
            const cloudFields = result.error.fields ? fieldsFromCloud(result.error.fields, request) : {}
            setForm({ error: result.error, fields: cloudFields })
            if (result.error.code === 'COMPLAINT_ALREADY_OPEN') void get().loadReceipt(r.id)
            return null
          }
          const { [current.orderId]: _filed, ...rest } = form().drafts
          setForm({ drafts: rest, fields: {}, attempted: false, error: null })
          set((s) => ({
            complaints: {
              ...s.complaints,
              [result.data.id]: { value: result.data, status: 'ready', error: null },
            },
          }))
          get().invalidateOrders()
          void get().loadReceipt(r.id)
          return result.data
        } finally {
          setForm({ submitting: false })
        }
      },
    }
  }
