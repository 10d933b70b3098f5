import { ROUTES } from '@/routes'

const ROOT = '/packages/merchant/pages'

/** The merchant workspace's pages; the entry is the one the main package links to. */
export const MERCHANT_PAGES = {
  home: ROUTES.merchant,
  receipts: `${ROOT}/receipts/index`,
  orders: `${ROOT}/orders/index`,
  wallet: `${ROOT}/wallet/index`,
  withdraw: `${ROOT}/withdraw/index`,
  statistics: `${ROOT}/statistics/index`,
  complaints: `${ROOT}/complaints/index`,
  complaint: `${ROOT}/complaint/index`,
  qrcodes: `${ROOT}/qrcodes/index`,
  blacklist: `${ROOT}/blacklist/index`,
} as const

/** A page path with its query, values encoded once. */
export function pageUrl(path: string, query: Record<string, string> = {}): string {
  const parts = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}
