// Idempotency-Key handling for every unsafe call: the same key with the same body replays the stored
// result; the same key with another body is a 409. Only successes are stored: a retry after an error is
// evaluated afresh (a door that was offline may be back).
import { cloudError } from './errors'
import type { Ctx } from './state'
import { clone, hashBody } from './util'

const KEY_TTL_MS = 24 * 3_600_000

export function idempotencyOps(ctx: Ctx) {
  return {
    withIdempotency<T>(userId: string | null, key: string | null | undefined, body: unknown, fn: () => T): T {
      if (!key) return fn()
      const now = ctx.clock.now()
      const storeKey = `${userId ?? '-'}|${key}`
      const bodyHash = hashBody(body)
      const stored = ctx.world.idempotency.get(storeKey)
      if (stored && now - stored.createdAt < KEY_TTL_MS) {
        if (stored.bodyHash !== bodyHash) throw cloudError('IDEMPOTENCY_CONFLICT')
        return clone(stored.result) as T
      }
      const result = fn()
      ctx.world.idempotency.set(storeKey, { bodyHash, result: clone(result), createdAt: now })
      return result
    },
    hashBody,
  }
}
