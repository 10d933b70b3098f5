// The merchant's blacklist (黑名单): shoppers a merchant will not let open its cabinets. A merchant names a
// shopper only by where it met them (a complaint or an order at one of its cabinets), never by user id or
// phone; every merchant sees and changes only its own list. The gate asks `isBlockedBy` per cabinet owner.
import { requireMerchant } from './access'
import { cloudError, validationError } from './errors'
import { nextId, type Ctx } from './state'
import { toIso } from './time'
import type { BlacklistEntry, BlacklistSource, Page } from './types'
import { maskPhone, paginate } from './util'

export interface BlacklistRecord {
  id: string
  merchantId: string
  userId: string
  reason: string
  source: BlacklistSource
  /** the merchant's person who blocked the shopper (user id) */
  blockedBy: string
  createdAt: number
  /** absent while the shopper is blocked */
  removedAt?: number
  removedBy?: string
}

export const REASON_MAX = 100

/** The shopper's active entry on this merchant's list, if any. */
function activeEntry(ctx: Ctx, merchantId: string, userId: string): BlacklistRecord | undefined {
  for (const e of ctx.world.blacklist.values()) {
    if (e.merchantId === merchantId && e.userId === userId && e.removedAt === undefined) return e
  }
  return undefined
}

/** Whether the merchant that owns a cabinet has blocked this shopper. */
export function isBlockedBy(ctx: Ctx, merchantId: string, userId: string): boolean {
  return activeEntry(ctx, merchantId, userId) !== undefined
}

function toEntry(ctx: Ctx, e: BlacklistRecord): BlacklistEntry {
  const shopper = ctx.world.users.get(e.userId)
  const phone = shopper?.phone ?? null
  return {
    id: e.id,
    shopperRef: e.userId,
    phoneMasked: phone === null ? null : maskPhone(phone),
    reason: e.reason,
    source: { ...e.source },
    blockedBy: ctx.world.users.get(e.blockedBy)?.nickname ?? '商户',
    createdAt: toIso(e.createdAt),
  }
}

/**
 * The shopper behind a complaint or order of this merchant. A missing id and another merchant's answer the
 * same, so a merchant cannot probe ids.
 */
function shopperOf(ctx: Ctx, merchantId: string, source: BlacklistSource): string {
  const kind = source?.kind
  const id = source?.id
  if (kind !== 'complaint' && kind !== 'order') throw validationError({ 'source.kind': '请选择投诉或订单' })
  if (typeof id !== 'string' || id.trim() === '') throw validationError({ 'source.id': '必填' })
  const owner = kind === 'complaint' ? ctx.world.complaints.get(id) : (ctx.world.orders.get(id) ?? undefined)
  if (!owner || owner.merchantId !== merchantId) {
    throw validationError(
      { 'source.id': kind === 'complaint' ? '不是您柜子上的投诉' : '不是您柜子上的订单' },
      'BLACKLIST_SOURCE_INVALID',
    )
  }
  return owner.userId
}

export function blacklistOps(ctx: Ctx) {
  return {
    listBlacklist(
      caller: string | null,
      input: { cursor?: string | null; limit?: number } = {},
    ): Page<BlacklistEntry> {
      const { merchantId } = requireMerchant(ctx, caller)
      const list = [...ctx.world.blacklist.values()]
        .filter((e) => e.merchantId === merchantId && e.removedAt === undefined)
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
      const page = paginate(list, (e) => e.id, input)
      return { items: page.items.map((e) => toEntry(ctx, e)), nextCursor: page.nextCursor }
    },

    /**
     * Blocks the shopper of a complaint or order. A shopper already blocked keeps the first entry (a double
     * tap, or two of the merchant's people at once, make one record): `created` tells hosts 201 from 200.
     * Hosts also wrap it in withIdempotency.
     */
    blockShopper(
      caller: string | null,
      input: { source: BlacklistSource; reason: string },
    ): { entry: BlacklistEntry; created: boolean } {
      const { user, merchantId } = requireMerchant(ctx, caller)
      const reason = typeof input?.reason === 'string' ? input.reason.trim() : ''
      const fields: Record<string, string> = {}
      if (reason === '') fields.reason = '请填写拉黑原因'
      else if (reason.length > REASON_MAX) fields.reason = `原因最多${REASON_MAX}个字`
      if (Object.keys(fields).length > 0) throw validationError(fields)
      const userId = shopperOf(ctx, merchantId, input.source)
      if (userId === user.id) {
        throw validationError({ 'source.id': '这是您本人的投诉或订单，不能拉黑自己' }, 'BLACKLIST_SELF')
      }
      const existing = activeEntry(ctx, merchantId, userId)
      if (existing) return { entry: toEntry(ctx, existing), created: false }
      const record: BlacklistRecord = {
        id: nextId(ctx, 'bl'),
        merchantId,
        userId,
        reason,
        source: { kind: input.source.kind, id: input.source.id },
        blockedBy: user.id,
        createdAt: ctx.clock.now(),
      }
      ctx.world.blacklist.set(record.id, record)
      return { entry: toEntry(ctx, record), created: true }
    },

    /** Removes an entry; another merchant's, a removed or a missing one is not found. */
    unblockShopper(caller: string | null, entryId: string): BlacklistEntry {
      const { user, merchantId } = requireMerchant(ctx, caller)
      const record = ctx.world.blacklist.get(entryId)
      if (!record || record.merchantId !== merchantId || record.removedAt !== undefined) {
        throw cloudError('BLACKLIST_ENTRY_NOT_FOUND')
      }
      record.removedAt = ctx.clock.now()
      record.removedBy = user.id
      return toEntry(ctx, record)
    },
  }
}
