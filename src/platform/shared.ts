import type { KeyValueStorage, LaunchSource, PageQuery, SaveImageResult } from './types'

/** Storage over a platform getter that may answer '' or undefined for a missing key. */
export function storageOver(api: {
  get: (key: string) => unknown
  set: (key: string, value: string) => void
  remove: (key: string) => void
}): KeyValueStorage {
  return {
    getItem(key) {
      try {
        const value = api.get(key)
        return typeof value === 'string' && value !== '' ? value : null
      } catch {
        return null
      }
    },
    setItem: (key, value) => api.set(key, value),
    removeItem: (key) => api.remove(key),
  }
}

/** WeChat-style page query: `q` for a normal-link QR, `scene` for a mini-program code. */
export function sourceFromWechatQuery(query: PageQuery | undefined): LaunchSource | null {
  if (!query) return null
  if (typeof query.q === 'string' && query.q !== '') return { kind: 'wechatQ', q: query.q }
  if (typeof query.scene === 'string' && query.scene !== '')
    return { kind: 'wechatScene', scene: query.scene }
  return null
}

/** An album save that failed: the user's refusal of the album permission, a cancel, or anything else. */
export function albumFailure(err: unknown): SaveImageResult {
  const text = errText(err)
  const code = err && typeof err === 'object' ? Number((err as { error?: unknown }).error) : NaN
  // WeChat: 'auth deny' / 'auth denied' / 'authorize no response'; Alipay: error 15 (no album permission).
  if (/auth|deny|denied|permission|权限|拒绝/i.test(text) || code === 15)
    return { ok: false, reason: 'denied', detail: text }
  if (/cancel|取消/i.test(text)) return { ok: false, reason: 'cancelled', detail: text }
  return { ok: false, reason: 'failed', detail: text }
}

export function errText(err: unknown): string {
  if (err && typeof err === 'object') {
    const loose = err as Record<string, unknown>
    return String(loose.errMsg ?? loose.errorMessage ?? loose.message ?? loose.error ?? '')
  }
  return String(err)
}
