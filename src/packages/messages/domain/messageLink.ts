import type { MessagePageLink } from '@/api/types'

// The pages a message may open: what the cloud sends is data, so only the app's own pages are followed.
const OPENABLE = new Set([
  'packages/orders/pages/detail/index',
  'packages/orders/pages/complaint-status/index',
  'packages/staff/pages/device/index',
  'packages/staff/pages/alarms/index',
  'packages/merchant/pages/home/index',
  'packages/merchant/pages/wallet/index',
])

/** The URL a message opens (the same one its subscribe message opens from a cold start), or null. */
export function messageUrl(page: MessagePageLink): string | null {
  if (!OPENABLE.has(page.path)) return null
  const query = Object.entries(page.query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&')
  return `/${page.path}${query ? `?${query}` : ''}`
}
