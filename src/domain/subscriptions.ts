import type { MessageTopic, SubscribeAnswer, Subscription } from '@/api/types'

/** At most this many templates in one request on both platforms (platform/shared.ts says why). */
export const SUBSCRIBE_MAX_TEMPLATES = 3

/** The platform's answer as the seam gives it (its SubscribeResult, seen from here). */
type PlatformAnswer = { ok: true; answers: Record<string, SubscribeAnswer>; keep: boolean } | { ok: false }

/**
 * When the app asks for subscribe messages, and about what: at the moment the user has a reason to want
 * them (the platforms ask for the request to follow a tap). At most 3 templates a request on both platforms.
 */
export const SUBSCRIBE_MOMENTS = {
  /** after 开门: the receipt, a refund, a charge that did not go through */
  afterOpen: ['payment_succeeded', 'refund_made', 'unpaid_reminder'],
  /** after submitting a complaint: its result and the refund it may bring */
  afterComplaint: ['complaint_handled', 'refund_made'],
  /** the staff home: alarms and restock reminders */
  staffHome: ['device_alarm', 'stock_alert'],
  /** the merchant home: service expiry and withdrawals */
  merchantHome: ['service_expiry', 'withdrawal_result'],
} as const satisfies Record<string, readonly MessageTopic[]>

export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS

/**
 * The template ids to ask for at a moment: its topics the cloud offers this user, minus those refused for
 * good (不再询问 / banned: never asked again) and those already allowed until unsubscribed.
 */
export function templatesToAsk(templates: readonly Subscription[], moment: SubscribeMoment): string[] {
  const topics: readonly MessageTopic[] = SUBSCRIBE_MOMENTS[moment]
  return templates
    .filter((t) => topics.includes(t.topic) && t.askable && t.allowance !== 'kept')
    .map((t) => t.templateId)
    .slice(0, SUBSCRIBE_MAX_TEMPLATES)
}

export interface RecordedAnswer {
  templateId: string
  answer: SubscribeAnswer
  keep: boolean
}

/** What to tell the cloud after the platform answered: one line per asked id it answered; none on failure. */
export function answersToRecord(asked: readonly string[], result: PlatformAnswer): RecordedAnswer[] {
  if (!result.ok) return []
  return asked.flatMap((templateId) => {
    const answer = result.answers[templateId]
    return answer ? [{ templateId, answer, keep: result.keep }] : []
  })
}
