// Idempotency-Key handling for every unsafe call: the same key with the same body replays the stored
// result; the same key with another body is a 409. Only successes are stored: a retry after an error is
// evaluated afresh (a door that was offline may be back). Door and restock intents, keys that travel in
// the body, follow the same rule.
import { cloudError } from './errors'
import type { Ctx, IntentRecord } from './state'
import { clone, hashBody } from './util'

const KEY_TTL_MS = 24 * 3_600_000

/** How a stored result is replayed, for results that are more than a snapshot. */
export interface ReplayRules<T> {
  /**
   * Names the session a stored result stands for (door and restock opens), so that a conflict tells the
   * caller which of its own sessions the key already made.
   */
  sessionOf?: (stored: T) => string | undefined
  /**
   * A stored result that no longer does what the request asked for (a login's token that has expired) is
   * made afresh and stored in its place, so a replay never hands out something already dead.
   */
  isStale?: (stored: T) => boolean
}

function intentKey(userId: string, intentId: string): string {
  return `${userId}|${intentId}`
}

/**
 * The id of the session an open intent (one tap on 开门, a shopper's or a restocker's) already made, or
 * null for a new intent. An intent is an idempotency key in the body: the same intent asking for another
 * door (device, door number, 补货单) is the same 409 as a key replayed with another body, naming the
 * session. `target` is what the request asks for with its defaults filled in, so an omitted door and door
 * 1 are the same request.
 */
export function replayIntent(
  intents: Map<string, IntentRecord>,
  userId: string,
  intentId: string,
  target: unknown,
): string | null {
  const known = intents.get(intentKey(userId, intentId))
  if (!known) return null
  if (known.targetHash !== hashBody(target)) {
    throw cloudError('IDEMPOTENCY_CONFLICT', undefined, undefined, { sessionId: known.sessionId })
  }
  return known.sessionId
}

export function recordIntent(
  intents: Map<string, IntentRecord>,
  userId: string,
  intentId: string,
  target: unknown,
  sessionId: string,
): void {
  intents.set(intentKey(userId, intentId), { sessionId, targetHash: hashBody(target) })
}

export function idempotencyOps(ctx: Ctx) {
  return {
    withIdempotency<T>(
      userId: string | null,
      key: string | null | undefined,
      body: unknown,
      fn: () => T,
      rules: ReplayRules<T> = {},
    ): T {
      if (!key) return fn()
      const now = ctx.clock.now()
      const storeKey = `${userId ?? '-'}|${key}`
      const bodyHash = hashBody(body)
      const stored = ctx.world.idempotency.get(storeKey)
      if (stored && now - stored.createdAt < KEY_TTL_MS) {
        if (stored.bodyHash !== bodyHash) {
          const sessionId = rules.sessionOf?.(stored.result as T)
          throw cloudError('IDEMPOTENCY_CONFLICT', undefined, undefined, sessionId ? { sessionId } : {})
        }
        if (!rules.isStale?.(stored.result as T)) return clone(stored.result) as T
      }
      const result = fn()
      ctx.world.idempotency.set(storeKey, { bodyHash, result: clone(result), createdAt: now })
      return result
    },
    hashBody,
  }
}
