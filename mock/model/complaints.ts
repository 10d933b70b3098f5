// Photo uploads, shopper complaints about a charged order, and the merchant's handling of them. A corrected
// order is re-priced with the original's frozen price book at the original door-open time, so promotions
// that have ended since still apply; the refund is the original total minus the corrected total.
import { requireDevice, requireMerchant, requireUser } from './access'
import { cloudError, validationError } from './errors'
import {
  complaintWindowEnd,
  createRefund,
  emitOrderEvent,
  orderEvidence,
  ownOrder,
  refundedFen,
  toReceipt,
  toRefund,
} from './orders'
import { priceCart } from './pricing'
import { parseCorrectedLines } from './staff'
import { nextId, type ComplaintRecord, type Ctx, type FaultReportRecord, type UploadRecord } from './state'
import { toIso } from './time'
import type {
  Complaint,
  ComplaintItem,
  ComplaintItemKind,
  ComplaintState,
  FaultReportKind,
  MerchantComplaint,
  Page,
  Upload,
} from './types'
import { charCount, clone, isNonNegativeInt, paginate } from './util'

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
const UPLOAD_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' }
const ITEM_KINDS: ComplaintItemKind[] = [
  'not_taken',
  'wrong_quantity',
  'misrecognized',
  'duplicate_charge',
  'wrong_price',
]

function uploadUrl(ctx: Ctx, id: string): string {
  const upload = ctx.world.uploads.get(id)
  return `${ctx.settings.assetBaseUrl}/uploads/${id}.${UPLOAD_TYPES[upload?.contentType ?? ''] ?? 'jpg'}`
}

export function toComplaint(ctx: Ctx, c: ComplaintRecord): Complaint {
  const order = ctx.world.orders.get(c.orderId)
  const out: Complaint = {
    id: c.id,
    orderId: c.orderId,
    state: c.state,
    items: clone(c.items),
    description: c.description,
    photoUrls: c.photoUploadIds.map((id) => uploadUrl(ctx, id)),
    createdAt: toIso(c.createdAt),
  }
  if (c.reply !== undefined) out.reply = c.reply
  if (c.handledAt !== undefined) out.handledAt = toIso(c.handledAt)
  if (c.corrected && order)
    out.correctedOrder = toReceipt(ctx, order, { id: `${order.id}-C`, priced: c.corrected.priced })
  const refund = c.refundId ? ctx.world.refunds.get(c.refundId) : undefined
  if (refund) out.refund = toRefund(refund)
  return out
}

function newestFirst(a: ComplaintRecord, b: ComplaintRecord): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)
}

function merchantComplaint(ctx: Ctx, merchantId: string, complaintId: string): ComplaintRecord {
  const c = ctx.world.complaints.get(complaintId)
  if (!c || c.merchantId !== merchantId) throw cloudError('COMPLAINT_NOT_FOUND')
  if (c.state !== 'pending') throw cloudError('COMPLAINT_ALREADY_HANDLED')
  return c
}

function validReply(reply: unknown, required: boolean): string | undefined {
  if (reply === undefined && !required) return undefined
  if (typeof reply !== 'string' || reply.trim() === '' || charCount(reply) > 200) {
    throw validationError({ reply: '请填写回复（200字以内）' })
  }
  return reply
}

/** Keeps an uploaded photo (a shopper's, or a fixture's without bytes, drawn as a placeholder). */
export function addUpload(ctx: Ctx, upload: Omit<UploadRecord, 'id'>): string {
  const id = nextId(ctx, 'up')
  ctx.world.uploads.set(id, { id, ...upload })
  return id
}

export function complaintOps(ctx: Ctx) {
  return {
    /** Registers an uploaded photo (the host keeps the bytes if it passes them). */
    createUpload(
      caller: string | null,
      input: { contentType: string; sizeBytes: number; data?: Uint8Array },
    ): Upload {
      const user = requireUser(ctx, caller)
      if (!UPLOAD_TYPES[input?.contentType]) throw cloudError('UPLOAD_TYPE_INVALID', '仅支持 JPG、PNG 图片')
      if (!isNonNegativeInt(input.sizeBytes) || input.sizeBytes === 0)
        throw validationError({ file: '文件为空' })
      if (input.sizeBytes > MAX_UPLOAD_BYTES) throw cloudError('UPLOAD_TOO_LARGE', '图片不能超过5MB')
      const id = addUpload(ctx, {
        userId: user.id,
        contentType: input.contentType,
        sizeBytes: input.sizeBytes,
        ...(input.data ? { data: input.data } : {}),
        createdAt: ctx.clock.now(),
      })
      return { uploadId: id, url: uploadUrl(ctx, id) }
    },

    /** For hosts serving upload URLs. */
    getUpload(uploadId: string): { contentType: string; data: Uint8Array | null } | null {
      const upload = ctx.world.uploads.get(uploadId)
      return upload ? { contentType: upload.contentType, data: upload.data ?? null } : null
    },

    createComplaint(
      caller: string | null,
      input: { orderId: string; items: ComplaintItem[]; description?: string; photoUploadIds?: string[] },
    ): Complaint {
      const user = requireUser(ctx, caller)
      const order = ownOrder(ctx, user.id, typeof input?.orderId === 'string' ? input.orderId : '')
      const windowEnd = complaintWindowEnd(ctx, order)
      if (windowEnd === null) throw validationError({ orderId: '该订单当前不能投诉' })
      if (ctx.clock.now() > windowEnd) {
        // The field message lets a form show the refusal where the shopper looks, like any other one.
        throw cloudError(
          'COMPLAINT_WINDOW_CLOSED',
          '订单已超过7天，不能再投诉',
          { orderId: '订单已超过7天申诉期限，请联系客服' },
          { hint: '请拨打客服电话' },
        )
      }
      const description = input.description ?? ''
      const photoUploadIds = input.photoUploadIds ?? []
      const existing = order.complaintId ? ctx.world.complaints.get(order.complaintId) : undefined
      // A resend of the same complaint is the Idempotency-Key's replay (the hosts'); here, whatever it
      // says, a second complaint about the order is refused.
      if (existing) {
        throw cloudError(
          existing.state === 'pending' ? 'COMPLAINT_ALREADY_OPEN' : 'COMPLAINT_ALREADY_HANDLED',
        )
      }
      const fields: Record<string, string> = {}
      const catalog = order.priceBook.catalog
      if (!Array.isArray(input.items) || input.items.length === 0) fields.items = '请选择有问题的商品'
      const items: ComplaintItem[] = []
      const seen = new Set<string>()
      ;(Array.isArray(input.items) ? input.items : []).forEach((raw, i) => {
        const line = order.priced.lines.find((l) => l.productId === raw?.productId)
        if (!line) {
          fields[`items.${i}.productId`] = '订单里没有这个商品'
          return
        }
        if (seen.has(line.productId)) fields[`items.${i}.productId`] = '同一商品只能选择一次'
        seen.add(line.productId)
        if (!ITEM_KINDS.includes(raw.kind)) fields[`items.${i}.kind`] = '请选择问题类型'
        if (raw.actualQty !== undefined) {
          if (!isNonNegativeInt(raw.actualQty)) fields[`items.${i}.actualQty`] = '数量须为非负整数'
          else if (raw.actualQty > line.qty) fields[`items.${i}.actualQty`] = `不能超过扣款数量${line.qty}`
          else if (raw.kind === 'wrong_quantity' && raw.actualQty === line.qty)
            fields[`items.${i}.actualQty`] = '与扣款数量相同，请填写实际拿的数量'
        } else if (raw.kind === 'wrong_quantity') fields[`items.${i}.actualQty`] = '请填写实际数量'
        if (raw.actualProductId !== undefined && !catalog.some((c) => c.productId === raw.actualProductId)) {
          fields[`items.${i}.actualProductId`] = '该柜子没有这个商品'
        } else if (raw.actualProductId !== undefined && raw.actualProductId === raw.productId) {
          fields[`items.${i}.actualProductId`] = '请选择另一件商品'
        } else if (raw.actualProductId === undefined && raw.kind === 'misrecognized') {
          fields[`items.${i}.actualProductId`] = '请选择实际拿的商品'
        }
        const item: ComplaintItem = { productId: raw.productId, kind: raw.kind }
        if (raw.actualQty !== undefined) item.actualQty = raw.actualQty
        if (raw.actualProductId !== undefined) item.actualProductId = raw.actualProductId
        items.push(item)
      })
      if (typeof description !== 'string' || charCount(description) > 200)
        fields.description = '说明不能超过200字'
      if (!Array.isArray(photoUploadIds) || photoUploadIds.length > 3)
        fields.photoUploadIds = '最多上传3张照片'
      else if (photoUploadIds.some((id) => ctx.world.uploads.get(id)?.userId !== user.id)) {
        fields.photoUploadIds = '照片无效，请重新上传'
      }
      if (Object.keys(fields).length > 0) throw validationError(fields)
      const c: ComplaintRecord = {
        id: nextId(ctx, 'cmp'),
        orderId: order.id,
        userId: user.id,
        merchantId: order.merchantId,
        state: 'pending',
        items,
        description,
        photoUploadIds: [...photoUploadIds],
        createdAt: ctx.clock.now(),
      }
      ctx.world.complaints.set(c.id, c)
      order.complaintId = c.id
      return toComplaint(ctx, c)
    },

    listComplaints(
      caller: string | null,
      input: { cursor?: string | null; limit?: number } = {},
    ): Page<Complaint> {
      const user = requireUser(ctx, caller)
      const list = [...ctx.world.complaints.values()].filter((c) => c.userId === user.id).sort(newestFirst)
      const page = paginate(list, (c) => c.id, input)
      return { items: page.items.map((c) => toComplaint(ctx, c)), nextCursor: page.nextCursor }
    },

    getComplaint(caller: string | null, complaintId: string): Complaint {
      const user = requireUser(ctx, caller)
      const c = ctx.world.complaints.get(complaintId)
      if (!c || c.userId !== user.id) throw cloudError('COMPLAINT_NOT_FOUND')
      return toComplaint(ctx, c)
    },

    createFaultReport(
      caller: string | null,
      input: { deviceCode: string; kind: FaultReportKind; description: string; sessionId?: string },
    ): { id: string } {
      const user = requireUser(ctx, caller)
      const device = requireDevice(ctx, input?.deviceCode)
      if (!['door_wont_open', 'door_wont_close', 'wrong_charge', 'other'].includes(input.kind)) {
        throw validationError({ kind: '请选择问题类型' })
      }
      if (typeof input.description !== 'string' || charCount(input.description) > 200) {
        throw validationError({ description: '说明不能超过200字' })
      }
      if (input.sessionId !== undefined && ctx.world.sessions.get(input.sessionId)?.userId !== user.id) {
        throw validationError({ sessionId: '找不到这次购物' })
      }
      const report: FaultReportRecord = {
        id: nextId(ctx, 'fr'),
        userId: user.id,
        deviceCode: device.code,
        kind: input.kind,
        description: input.description,
        createdAt: ctx.clock.now(),
      }
      if (input.sessionId !== undefined) report.sessionId = input.sessionId
      ctx.world.faultReports.set(report.id, report)
      return { id: report.id }
    },

    listMerchantComplaints(
      caller: string | null,
      input: { state?: ComplaintState; cursor?: string | null; limit?: number } = {},
    ): Page<MerchantComplaint> {
      const { merchantId } = requireMerchant(ctx, caller)
      if (input.state !== undefined && !['pending', 'resolved', 'rejected'].includes(input.state)) {
        throw validationError({ state: '状态无效' })
      }
      const list = [...ctx.world.complaints.values()]
        .filter((c) => c.merchantId === merchantId && (input.state === undefined || c.state === input.state))
        .sort(newestFirst)
      const page = paginate(list, (c) => c.id, input)
      return {
        items: page.items.flatMap((c) => {
          const order = ctx.world.orders.get(c.orderId)
          return order
            ? [
                {
                  complaint: toComplaint(ctx, c),
                  order: toReceipt(ctx, order),
                  evidence: orderEvidence(ctx, order),
                },
              ]
            : []
        }),
        nextCursor: page.nextCursor,
      }
    },

    /** Approves with the corrected lines (the whole corrected cart): refund = original − corrected total. */
    approveComplaint(
      caller: string | null,
      complaintId: string,
      input: { lines: { productId: string; qty: number }[]; reply?: string },
    ): Complaint {
      const { merchantId } = requireMerchant(ctx, caller)
      const c = merchantComplaint(ctx, merchantId, complaintId)
      const order = ctx.world.orders.get(c.orderId)
      if (!order) throw cloudError('ORDER_NOT_FOUND')
      const reply = validReply(input?.reply, false)
      const items = parseCorrectedLines(input?.lines, order.priceBook.catalog).filter((l) => l.qty > 0)
      const priced = priceCart(items, order.priceBook.catalog, order.priceBook.rules, order.openedAt)
      if (priced.totalFen > order.priced.totalFen) {
        throw validationError({ lines: '更正后金额不能高于原订单金额' })
      }
      const refundFen = Math.max(0, order.priced.totalFen - priced.totalFen - refundedFen(ctx, order))
      c.corrected = { items, priced }
      if (refundFen > 0) c.refundId = createRefund(ctx, order, refundFen).id
      c.state = 'resolved'
      c.reply = reply ?? (refundFen > 0 ? '已核实，差额将原路退回' : '已核实，订单无需退款')
      c.handledAt = ctx.clock.now()
      emitOrderEvent(ctx, order, 'complaint_handled', c.handledAt)
      return toComplaint(ctx, c)
    },

    rejectComplaint(caller: string | null, complaintId: string, input: { reply: string }): Complaint {
      const { merchantId } = requireMerchant(ctx, caller)
      const c = merchantComplaint(ctx, merchantId, complaintId)
      c.reply = validReply(input?.reply, true)
      c.state = 'rejected'
      c.handledAt = ctx.clock.now()
      emitOrderEvent(ctx, { id: c.orderId, userId: c.userId }, 'complaint_handled', c.handledAt)
      return toComplaint(ctx, c)
    },
  }
}
