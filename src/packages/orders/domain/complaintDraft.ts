/**
 * The complaint form's rules, without Taro: what a draft holds, which field is wrong and why (the same
 * refusals the cloud makes, so bad input is caught before it travels), the request built from a valid
 * draft, the cloud's field names mapped back onto the form, and the idempotency key of one submission.
 */
import type { ComplaintItem, ComplaintItemKind, CreateComplaintRequest, Receipt } from '@/api/types'
import type { AppError } from '@/domain/errors'
import { describeError } from '@/domain/errors'
import { formatDateTime, parseIso } from '@/domain/time'
import { requestKey } from './requestKey'

/** The contract's limits on a complaint (CreateComplaintRequest, createUpload). */
export const DESCRIPTION_LIMIT = 200
export const MAX_PHOTOS = 3
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

export interface LineDraft {
  productId: string
  kind: ComplaintItemKind | null
  /** As typed: the quantity field is text until it is checked. */
  actualQty: string
  actualProductId: string | null
}

export type PhotoState = 'uploading' | 'uploaded' | 'failed'

export interface PhotoDraft {
  id: string
  /** The platform's temp file path (a blob URL on H5), also what the thumbnail shows. */
  path: string
  sizeBytes: number
  state: PhotoState
  /** Upload progress in percent. */
  progress: number
  uploadId: string | null
  error: AppError | null
}

export interface ComplaintDraft {
  /** Names this draft's submissions and uploads for idempotency; new for every new draft. */
  id: string
  orderId: string
  /** The chosen receipt lines, in the order they were chosen. */
  lines: LineDraft[]
  description: string
  photos: PhotoDraft[]
}

/** `form` is the whole form; `items` the choice of lines; `line.<productId>.<field>` one line's field. */
export type FieldErrors = Record<string, string>

/** A typed count as a whole number; empty or half-typed text is NaN until it reads as one. */
export function typedCount(text: string): number {
  const trimmed = text.trim()
  return /^\d+$/.test(trimmed) ? Number(trimmed) : NaN
}

/**
 * The count after a tap on − or +, or null where the tap keeps it: an empty field counts from 0, and a
 * typed count above `max` may still be stepped down towards it.
 */
export function steppedCount(text: string, step: 1 | -1, max: number): number | null {
  const current = typedCount(text)
  const next = (Number.isFinite(current) ? current : 0) + step
  return next < 0 || (step > 0 && next > max) ? null : next
}

export const lineField = (productId: string, field: 'kind' | 'actualQty' | 'actualProductId') =>
  `line.${productId}.${field}`

export function newDraft(id: string, orderId: string): ComplaintDraft {
  return { id, orderId, lines: [], description: '', photos: [] }
}

/** Characters as people count them (code points), the way the cloud counts the 200. */
export function charCount(text: string): number {
  return [...text].length
}

export type ComplaintAvailability =
  | { state: 'open'; endsAt: string }
  | { state: 'filed' }
  | { state: 'closed'; endsAt: string }
  | { state: 'unavailable' }

/** Whether this receipt can take a complaint now; the window's end comes from the cloud. */
export function complaintAvailability(receipt: Receipt, nowMs: number): ComplaintAvailability {
  if (receipt.complaint) return { state: 'filed' }
  const endsAt = receipt.complaintWindowEndsAt
  const end = endsAt ? parseIso(endsAt) : null
  if (!endsAt || end === null) return { state: 'unavailable' }
  return nowMs > end ? { state: 'closed', endsAt } : { state: 'open', endsAt }
}

export function windowClosedMessage(endsAt: string): string {
  return `已超过申诉期限（${formatDateTime(endsAt)}截止），如有问题请联系客服`
}

function checkLine(line: LineDraft, charged: number, fields: FieldErrors): void {
  if (!line.kind) {
    fields[lineField(line.productId, 'kind')] = '请选择问题类型'
    return
  }
  if (line.kind === 'wrong_quantity') {
    const key = lineField(line.productId, 'actualQty')
    const count = typedCount(line.actualQty)
    if (!Number.isFinite(count)) fields[key] = '请填写实际拿的数量'
    else if (count > charged) fields[key] = `不能超过扣款数量${charged}`
    else if (count === charged) fields[key] = '与扣款数量相同，请填写实际拿的数量'
  }
  if (line.kind === 'misrecognized') {
    const key = lineField(line.productId, 'actualProductId')
    if (!line.actualProductId) fields[key] = '请选择实际拿的商品'
    else if (line.actualProductId === line.productId) fields[key] = '请选择另一件商品'
  }
}

/** Every reason the cloud would refuse this draft, by field; empty when it may be sent. */
export function validateDraft(draft: ComplaintDraft, receipt: Receipt, nowMs: number): FieldErrors {
  const fields: FieldErrors = {}
  const availability = complaintAvailability(receipt, nowMs)
  if (availability.state === 'filed') fields.form = describeError('COMPLAINT_ALREADY_OPEN').message
  else if (availability.state === 'closed') fields.form = windowClosedMessage(availability.endsAt)
  else if (availability.state === 'unavailable') fields.form = '该订单当前不能申诉'

  if (draft.lines.length === 0) fields.items = '请选择有问题的商品'
  for (const line of draft.lines) {
    const charged = receipt.lines.find((l) => l.productId === line.productId)
    if (!charged) fields.items = '订单里没有这个商品'
    else checkLine(line, charged.qty, fields)
  }
  if (charCount(draft.description) > DESCRIPTION_LIMIT)
    fields.description = `说明不能超过${DESCRIPTION_LIMIT}字`
  if (draft.photos.length > MAX_PHOTOS) fields.photos = `最多上传${MAX_PHOTOS}张照片`
  else if (draft.photos.some((p) => p.sizeBytes > MAX_PHOTO_BYTES)) fields.photos = photoTooLargeMessage()
  return fields
}

/**
 * The error above the submit button. "填写的信息有误" speaks for the field messages, so it goes once the
 * last of them is fixed; any other error (the network, the cloud) stays until the next submit.
 */
export function formBanner(error: AppError | null, fields: FieldErrors): AppError | null {
  if (error?.code !== 'VALIDATION_FAILED') return error
  return Object.values(fields).some((message) => message.trim() !== '') ? error : null
}

export function photoTooLargeMessage(): string {
  const entry = describeError('UPLOAD_TOO_LARGE')
  return `${entry.message}，${entry.hint}`
}

/** The request of a valid draft, lines in receipt order; extra fields only where the kind needs them. */
export function toRequest(draft: ComplaintDraft, receipt: Receipt): CreateComplaintRequest {
  const order = receipt.lines.map((l) => l.productId)
  const items = [...draft.lines]
    .sort((a, b) => order.indexOf(a.productId) - order.indexOf(b.productId))
    .map((line): ComplaintItem => {
      const item: ComplaintItem = { productId: line.productId, kind: line.kind ?? 'not_taken' }
      if (line.kind === 'wrong_quantity') item.actualQty = typedCount(line.actualQty)
      if (line.kind === 'misrecognized' && line.actualProductId) item.actualProductId = line.actualProductId
      return item
    })
  return {
    orderId: draft.orderId,
    items,
    description: draft.description.trim(),
    photoUploadIds: draft.photos.flatMap((p) => (p.uploadId ? [p.uploadId] : [])),
  }
}

const CLOUD_LINE_FIELDS = new Set(['kind', 'actualQty', 'actualProductId'])

/** The cloud's `fields` (`items.0.actualQty`, `photoUploadIds`, …) as the form's own field names. */
export function fieldsFromCloud(cloud: Record<string, string>, request: CreateComplaintRequest): FieldErrors {
  const fields: FieldErrors = {}
  for (const [key, message] of Object.entries(cloud)) {
    const item = /^items\.(\d+)\.(\w+)$/.exec(key)
    const productId = item ? request.items[Number(item[1])]?.productId : undefined
    if (item && productId && CLOUD_LINE_FIELDS.has(item[2] ?? '')) {
      fields[lineField(productId, item[2] as 'kind' | 'actualQty' | 'actualProductId')] = message
    } else if (key.startsWith('items')) fields.items = message
    else if (key === 'description') fields.description = message
    else if (key.startsWith('photoUploadIds')) fields.photos = message
    else fields.form = message
  }
  return fields
}

/** The idempotency key of one submission of this draft with this content. */
export function submissionKey(draft: ComplaintDraft, request: CreateComplaintRequest): string {
  return requestKey(`cmp-${draft.id}`, request)
}
