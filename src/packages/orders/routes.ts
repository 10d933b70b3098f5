import { ROUTES } from '@/routes'

/** The pages of the orders subpackage and the URLs that open them. */
const ROOT = '/packages/orders/pages'

const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const parts = Object.entries(query).flatMap(([key, value]) =>
    value === undefined ? [] : [`${key}=${encodeURIComponent(value)}`],
  )
  return parts.length ? `${path}?${parts.join('&')}` : path
}

export const orderPages = {
  list: () => ROUTES.orders,
  detail: (orderId: string) => withQuery(ROUTES.orderDetail, { orderId }),
  complaint: (orderId: string) => withQuery(`${ROOT}/complaint/index`, { orderId }),
  complaintStatus: (complaintId: string, orderId: string) =>
    withQuery(`${ROOT}/complaint-status/index`, { complaintId, orderId }),
  fault: (deviceCode: string, sessionId?: string, orderId?: string) =>
    withQuery(`${ROOT}/fault/index`, { deviceCode, sessionId, orderId }),
}
