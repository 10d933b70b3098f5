// Idempotency-Key handling for every unsafe call: the same key with the same body replays the stored
// result; the same key with another body is a 409. Only successes are stored: a retry after an error is
// evaluated afresh (a door that was offline may be back).
import { cloudError } from './errors'
import type { Ctx } from './state'
import { clone, hashBody } from './util'

const KEY_TTL_MS = 24 * 3_600_000

export function idempotencyOps(ctx: Ctx) {
  return {
    /**
     * `sessionOf` names the session a stored result stands for (door and restock opens), so that a conflict
     * tells the caller which of its own sessions the key already made.
     */
    withIdempotency<T>(
      userId: string | null,
      key: string | null | undefined,
      body: unknown,
      fn: () => T,
      sessionOf?: (stored: T) => string | undefined,
    ): T {
      if (!key) return fn()
      const now = ctx.clock.now()
      const storeKey = `${userId ?? '-'}|${key}`
      const bodyHash = hashBody(body)
      const stored = ctx.world.idempotency.get(storeKey)
      if (stored && now - stored.createdAt < KEY_TTL_MS) {
        if (stored.bodyHash !== bodyHash) {
          const sessionId = sessionOf?.(stored.result as T)
          throw cloudError('IDEMPOTENCY_CONFLICT', undefined, undefined, sessionId ? { sessionId } : {})
        }
        return clone(stored.result) as T
      }
      const result = fn()
      ctx.world.idempotency.set(storeKey, { bodyHash, result: clone(result), createdAt: now })
      return result
    },
    hashBody,
  }
}
