import type { operations, paths } from './schema.gen'
import { request, type ApiResult, type HttpMethod, type RequestSpec } from './transport'

/**
 * Every operation of the contract declared once: method, path (checked against the contract's paths at
 * compile time) and whether it needs a token. Request and response types come from the generated schema,
 * so a call site is one typed line: `callApi('getCabinetLanding', { path: { deviceCode } })`.
 */
export type OperationId = Exclude<keyof operations, 'openStream'>

type Endpoint = readonly [HttpMethod, keyof paths, RequestSpec['auth']?]

export const ENDPOINTS = {
  login: ['POST', '/v1/auth/login', 'none'],
  bindPhone: ['POST', '/v1/auth/phone'],
  getMe: ['GET', '/v1/me'],
  getActiveState: ['GET', '/v1/me/active'],
  getCabinetLanding: ['GET', '/v1/devices/{deviceCode}/landing'],
  startCreditAuthorization: ['POST', '/v1/credit/authorizations'],
  getCreditAuthorization: ['GET', '/v1/credit/authorizations/{authorizationId}'],
  openDoor: ['POST', '/v1/door-sessions'],
  getDoorSession: ['GET', '/v1/door-sessions/{sessionId}'],
  listDoorSessionEvents: ['GET', '/v1/door-sessions/{sessionId}/events'],
  objectToCartLine: ['POST', '/v1/door-sessions/{sessionId}/objections'],
  listOrders: ['GET', '/v1/orders'],
  listUnpaidOrders: ['GET', '/v1/orders/unpaid'],
  getOrder: ['GET', '/v1/orders/{orderId}'],
  payOrder: ['POST', '/v1/orders/{orderId}/payments'],
  getPayment: ['GET', '/v1/payments/{paymentId}'],
  createUpload: ['POST', '/v1/uploads'],
  createComplaint: ['POST', '/v1/complaints'],
  listComplaints: ['GET', '/v1/complaints'],
  getComplaint: ['GET', '/v1/complaints/{complaintId}'],
  createFaultReport: ['POST', '/v1/fault-reports'],
  listMessages: ['GET', '/v1/messages'],
  markMessageRead: ['POST', '/v1/messages/{messageId}/read'],
  listSubscriptions: ['GET', '/v1/messages/subscriptions'],
  recordSubscriptionAnswers: ['POST', '/v1/messages/subscriptions'],
  bindStaff: ['POST', '/v1/staff/bindings'],
  listStaffDevices: ['GET', '/v1/staff/devices'],
  getStaffDevice: ['GET', '/v1/staff/devices/{deviceCode}'],
  listAlarms: ['GET', '/v1/staff/alarms'],
  acknowledgeAlarm: ['POST', '/v1/staff/alarms/{alarmId}/ack'],
  openRestockSession: ['POST', '/v1/staff/restock-sessions'],
  getRestockSession: ['GET', '/v1/staff/restock-sessions/{sessionId}'],
  confirmRestockSession: ['POST', '/v1/staff/restock-sessions/{sessionId}/confirm'],
  listRestockOrders: ['GET', '/v1/staff/devices/{deviceCode}/restock-orders'],
  listStocktakes: ['GET', '/v1/staff/devices/{deviceCode}/stocktakes'],
  createStocktake: ['POST', '/v1/staff/devices/{deviceCode}/stocktakes'],
  listAbnormalOrders: ['GET', '/v1/staff/abnormal-orders'],
  resolveAbnormalOrder: ['POST', '/v1/staff/abnormal-orders/{orderId}/resolution'],
  updateDeviceSettings: ['POST', '/v1/staff/devices/{deviceCode}/commands'],
  getDeviceCommand: ['GET', '/v1/staff/devices/{deviceCode}/commands/{commandId}'],
  updateDeviceLocation: ['POST', '/v1/staff/devices/{deviceCode}/location'],
  listReceipts: ['GET', '/v1/merchant/receipts'],
  listMerchantOrders: ['GET', '/v1/merchant/orders'],
  listAccounts: ['GET', '/v1/merchant/accounts'],
  createWithdrawal: ['POST', '/v1/merchant/withdrawals'],
  listWithdrawals: ['GET', '/v1/merchant/withdrawals'],
  getStatistics: ['GET', '/v1/merchant/statistics'],
  listMerchantComplaints: ['GET', '/v1/merchant/complaints'],
  approveComplaint: ['POST', '/v1/merchant/complaints/{complaintId}/approval'],
  rejectComplaint: ['POST', '/v1/merchant/complaints/{complaintId}/rejection'],
  listMerchantDevices: ['GET', '/v1/merchant/devices'],
  setDeviceDeposit: ['POST', '/v1/merchant/devices/{deviceCode}/deposit'],
  createStaffInvite: ['POST', '/v1/merchant/staff-invites'],
  listBlacklist: ['GET', '/v1/merchant/blacklist'],
  blockShopper: ['POST', '/v1/merchant/blacklist'],
  unblockShopper: ['POST', '/v1/merchant/blacklist/{entryId}/removal'],
} as const satisfies Record<OperationId, Endpoint>

type Params<K extends OperationId> = operations[K]['parameters']
type PathParams<K extends OperationId> = Params<K> extends { path: infer P } ? P : never
type QueryParams<K extends OperationId> = Params<K> extends { query?: infer Q } ? Q : never
type JsonBody<K extends OperationId> = operations[K] extends {
  requestBody: { content: { 'application/json': infer B } }
}
  ? B
  : operations[K] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never

type SuccessOf<R> = R extends { 200: { content: { 'application/json': infer T } } }
  ? T
  : R extends { 201: { content: { 'application/json': infer T } } }
    ? T
    : R extends { 202: { content: { 'application/json': infer T } } }
      ? T
      : null

/** The success body of an operation. */
export type ResultOf<K extends OperationId> = SuccessOf<operations[K]['responses']>

type Optionalize<Key extends string, T> = [T] extends [never]
  ? unknown
  : undefined extends T
    ? { [P in Key]?: T }
    : { [P in Key]: T }

export type CallArgs<K extends OperationId> = Optionalize<'path', PathParams<K>> &
  Optionalize<'query', QueryParams<K>> &
  Optionalize<'body', JsonBody<K>> & {
    idempotencyKey?: string
    timeoutMs?: number
  }

function fillPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(String(value))
  })
}

export function callApi<K extends OperationId>(
  operation: K,
  args: CallArgs<K>,
): Promise<ApiResult<ResultOf<K>>> {
  const [method, template, auth] = ENDPOINTS[operation] as Endpoint
  const loose = args as { path?: Record<string, unknown>; query?: RequestSpec['query']; body?: unknown }
  return request<ResultOf<K>>({
    method,
    path: fillPath(template, loose.path),
    query: loose.query,
    body: loose.body,
    auth: auth ?? 'required',
    idempotencyKey: args.idempotencyKey,
    timeoutMs: args.timeoutMs,
  })
}
