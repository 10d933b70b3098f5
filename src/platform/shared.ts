import type {
  ChooseLocationResult,
  KeyValueStorage,
  LaunchSource,
  PageQuery,
  RefusalReason,
  SaveImageResult,
} from './types'

// Subscribe-message templates one request may carry: Alipay takes at most 3 (error 203 beyond); WeChat's
// typings and older pages say 3 (20003 beyond), its newest page 5. The caller decides which come first.
export { SUBSCRIBE_MAX_TEMPLATES } from '@/domain/subscriptions'

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

/**
 * Why a protected platform call failed. WeChat fails a call whose privacy-guide consent was refused with an
 * errMsg naming `privacy` (no settings switch helps then: agreeing next time does); a refused permission
 * says 'auth deny' / 'auth denied' / 'authorize no response' (WeChat) or error 15 (Alipay's album).
 */
export function refusalOf(err: unknown): RefusalReason {
  const text = errText(err)
  const code = err && typeof err === 'object' ? Number((err as { error?: unknown }).error) : NaN
  if (/privacy/i.test(text)) return 'privacy'
  if (/auth|deny|denied|permission|权限|拒绝/i.test(text) || code === 15) return 'denied'
  if (/cancel|取消/i.test(text)) return 'cancelled'
  return 'failed'
}

/** An album save that failed: the privacy consent refused, the album refused, a cancel, or anything else. */
export function albumFailure(err: unknown): SaveImageResult {
  return { ok: false, reason: refusalOf(err), detail: errText(err) }
}

export function errText(err: unknown): string {
  if (err && typeof err === 'object') {
    const loose = err as Record<string, unknown>
    return String(loose.errMsg ?? loose.errorMessage ?? loose.message ?? loose.error ?? '')
  }
  return String(err)
}

/**
 * What a map picker handed back, as one shape: coordinates as numbers (Alipay's typings give strings), and
 * a name to show as the 点位 (the address when the picker named nothing). Nothing picked at all (WeChat lets
 * 确定 through with an empty point) is a cancel.
 */
export function pickedLocation(res: {
  name?: unknown
  address?: unknown
  latitude?: unknown
  longitude?: unknown
}): ChooseLocationResult {
  const name = typeof res.name === 'string' ? res.name.trim() : ''
  const address = typeof res.address === 'string' ? res.address.trim() : ''
  const latitude = Number(res.latitude)
  const longitude = Number(res.longitude)
  if (name === '' && address === '') return { ok: false, reason: 'cancelled', detail: 'no point picked' }
  if (
    res.latitude === '' ||
    res.longitude === '' ||
    !Number.isFinite(latitude) ||
    !Number.isFinite(longitude)
  )
    return { ok: false, reason: 'failed', detail: 'the picker gave no coordinates' }
  return { ok: true, location: { name: name || address, address, latitude, longitude } }
}
