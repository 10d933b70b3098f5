import type { BlacklistEntry, BlacklistSource } from '@/api/types'
import { formatDateTime } from '@/domain/time'

/** The contract's limit on a blacklist reason (characters, after trimming). */
export const MAX_BLACKLIST_REASON_CHARS = 100

/** What is wrong with a reason the merchant typed, in the words the form shows; null when it may be sent. */
export function blacklistReasonProblem(reason: string): string | null {
  const length = [...reason.trim()].length
  if (length === 0) return '请填写拉黑原因'
  if (length > MAX_BLACKLIST_REASON_CHARS) return `原因不能超过${MAX_BLACKLIST_REASON_CHARS}字`
  return null
}

const SOURCE_LABEL: Record<BlacklistSource['kind'], string> = { complaint: '客诉', order: '订单' }

/** One line under an entry: where the merchant met the shopper, who blocked them and since when. */
export function blacklistEntryNote(entry: BlacklistEntry): string {
  return `${entry.blockedBy} 拉黑于 ${formatDateTime(entry.createdAt)} · 来自${SOURCE_LABEL[entry.source.kind]} ${entry.source.id}`
}

/** The shopper as the merchant may see them: the masked phone, or that none is bound. */
export function blacklistShopperLabel(entry: BlacklistEntry): string {
  return entry.phoneMasked ?? '未绑定手机号的顾客'
}
