import type { KeyValueStorage, LaunchSource, PageQuery } from './types'

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

export function errText(err: unknown): string {
  if (err && typeof err === 'object') {
    const loose = err as Record<string, unknown>
    return String(loose.errMsg ?? loose.errorMessage ?? loose.message ?? loose.error ?? '')
  }
  return String(err)
}
