import type { operations } from '../../src/api/schema.gen'
import type { Call, OperationHandler, Reply, UploadedFile } from './http'
import type { Cloud } from './runtime'

/**
 * One line per operation of the contract: which cloud method answers it and with what status. The wrapper
 * (http.ts) has already authenticated the caller, parsed and validated the request against the contract
 * and will apply idempotency, so these only translate HTTP into a cloud call. The Record type makes the
 * compiler refuse a contract operation without a handler.
 */
export type ApiOperationId = Exclude<keyof operations, 'openStream'>

// The cloud's method inputs; the contract validator has already checked the shapes.
type Input<K extends keyof Cloud, I extends number> = Cloud[K] extends (...args: infer A) => unknown
  ? A[I]
  : never

const ok = (body: unknown): Reply => ({ status: 200, body })
const created = (body: unknown): Reply => ({ status: 201, body })

function p(call: Call, name: string): string {
  return call.params[name] ?? ''
}

function as<T>(value: unknown): T {
  return value as T
}

export const OPERATIONS: Record<ApiOperationId, OperationHandler> = {
  // ---- auth
  login: (c) => ok(c.cloud.login(as<Input<'login', 0>>(c.body))),
  bindPhone: (c) => ok(c.cloud.bindPhone(c.caller, as<Input<'bindPhone', 1>>(c.body))),
  getMe: (c) => ok(c.cloud.getMe(c.caller)),
  getActiveState: (c) => ok(c.cloud.getActiveState(c.caller)),

  // ---- cabinet
  getCabinetLanding: (c) => ok(c.cloud.getCabinetLanding(c.caller, p(c, 'deviceCode'))),

  // ---- credit
  startCreditAuthorization: (c) =>
    created(c.cloud.startCreditAuthorization(c.caller, as<Input<'startCreditAuthorization', 1>>(c.body))),
  getCreditAuthorization: (c) => ok(c.cloud.getCreditAuthorization(c.caller, p(c, 'authorizationId'))),

  // ---- door sessions
  // The same intent id always answers with its one session, 201 like the first time (contract).
  openDoor: (c) => created(c.cloud.openDoor(c.caller, as<Input<'openDoor', 1>>(c.body))),
  getDoorSession: (c) => ok(c.cloud.getDoorSession(c.caller, p(c, 'sessionId'))),
  listDoorSessionEvents: (c) =>
    ok(
      c.cloud.listDoorSessionEvents(
        c.caller,
        p(c, 'sessionId'),
        (c.query.afterSeq as number | undefined) ?? 0,
      ),
    ),
  objectToCartLine: (c) =>
    ok(c.cloud.objectToCartLine(c.caller, p(c, 'sessionId'), as<Input<'objectToCartLine', 2>>(c.body))),

  // ---- orders & payments
  listOrders: (c) => ok(c.cloud.listOrders(c.caller, as<Input<'listOrders', 1>>(c.query))),
  listUnpaidOrders: (c) => ok(c.cloud.listUnpaidOrders(c.caller)),
  getOrder: (c) => ok(c.cloud.getOrder(c.caller, p(c, 'orderId'))),
  payOrder: (c) => created(c.cloud.payOrder(c.caller, p(c, 'orderId'), as<Input<'payOrder', 2>>(c.body))),
  getPayment: (c) => ok(c.cloud.getPayment(c.caller, p(c, 'paymentId'))),

  // ---- uploads, complaints, fault reports
  createUpload: (c) => {
    const file = as<UploadedFile>(c.body)
    return created(
      c.cloud.createUpload(c.caller, {
        contentType: file.contentType,
        sizeBytes: file.sizeBytes,
        data: file.data,
      }),
    )
  },
  createComplaint: (c) => created(c.cloud.createComplaint(c.caller, as<Input<'createComplaint', 1>>(c.body))),
  listComplaints: (c) => ok(c.cloud.listComplaints(c.caller, as<Input<'listComplaints', 1>>(c.query))),
  getComplaint: (c) => ok(c.cloud.getComplaint(c.caller, p(c, 'complaintId'))),
  // ---- messages
  listMessages: (c) => ok(c.cloud.listMessages(c.caller, as<Input<'listMessages', 1>>(c.query))),
  markMessageRead: (c) => ok(c.cloud.markMessageRead(c.caller, p(c, 'messageId'))),
  listSubscriptions: (c) =>
    ok(c.cloud.listSubscriptions(c.caller, as<Input<'listSubscriptions', 1>>(c.query))),
  recordSubscriptionAnswers: (c) =>
    ok(c.cloud.recordSubscriptionAnswers(c.caller, as<Input<'recordSubscriptionAnswers', 1>>(c.body))),

  createFaultReport: (c) =>
    created(c.cloud.createFaultReport(c.caller, as<Input<'createFaultReport', 1>>(c.body))),

  // ---- staff
  bindStaff: (c) => ok(c.cloud.bindStaff(c.caller, as<Input<'bindStaff', 1>>(c.body))),
  listStaffDevices: (c) => ok(c.cloud.listStaffDevices(c.caller)),
  getStaffDevice: (c) => ok(c.cloud.getStaffDevice(c.caller, p(c, 'deviceCode'))),
  listAlarms: (c) => ok(c.cloud.listAlarms(c.caller, as<Input<'listAlarms', 1>>(c.query))),
  acknowledgeAlarm: (c) => ok(c.cloud.acknowledgeAlarm(c.caller, p(c, 'alarmId'))),
  openRestockSession: (c) =>
    created(c.cloud.openRestockSession(c.caller, as<Input<'openRestockSession', 1>>(c.body))),
  getRestockSession: (c) => ok(c.cloud.getRestockSession(c.caller, p(c, 'sessionId'))),
  confirmRestockSession: (c) =>
    ok(
      c.cloud.confirmRestockSession(
        c.caller,
        p(c, 'sessionId'),
        as<Input<'confirmRestockSession', 2>>(c.body),
      ),
    ),
  listRestockOrders: (c) => ok(c.cloud.listRestockOrders(c.caller, p(c, 'deviceCode'))),
  listStocktakes: (c) =>
    ok(c.cloud.listStocktakes(c.caller, p(c, 'deviceCode'), as<Input<'listStocktakes', 2>>(c.query))),
  createStocktake: (c) =>
    created(c.cloud.createStocktake(c.caller, p(c, 'deviceCode'), as<Input<'createStocktake', 2>>(c.body))),
  listAbnormalOrders: (c) =>
    ok(c.cloud.listAbnormalOrders(c.caller, as<Input<'listAbnormalOrders', 1>>(c.query))),
  resolveAbnormalOrder: (c) =>
    ok(c.cloud.resolveAbnormalOrder(c.caller, p(c, 'orderId'), as<Input<'resolveAbnormalOrder', 2>>(c.body))),
  updateDeviceSettings: (c) => ({
    status: 202,
    body: c.cloud.updateDeviceSettings(
      c.caller,
      p(c, 'deviceCode'),
      as<Input<'updateDeviceSettings', 2>>(c.body),
    ),
  }),
  getDeviceCommand: (c) => ok(c.cloud.getDeviceCommand(c.caller, p(c, 'deviceCode'), p(c, 'commandId'))),
  updateDeviceLocation: (c) =>
    ok(
      c.cloud.updateDeviceLocation(
        c.caller,
        p(c, 'deviceCode'),
        as<Input<'updateDeviceLocation', 2>>(c.body),
      ),
    ),

  // ---- merchant
  listReceipts: (c) => ok(c.cloud.listReceipts(c.caller, as<Input<'listReceipts', 1>>(c.query))),
  listMerchantOrders: (c) =>
    ok(c.cloud.listMerchantOrders(c.caller, as<Input<'listMerchantOrders', 1>>(c.query))),
  listAccounts: (c) => ok(c.cloud.listAccounts(c.caller)),
  createWithdrawal: (c) =>
    created(c.cloud.createWithdrawal(c.caller, as<Input<'createWithdrawal', 1>>(c.body))),
  listWithdrawals: (c) => ok(c.cloud.listWithdrawals(c.caller, as<Input<'listWithdrawals', 1>>(c.query))),
  getStatistics: (c) => ok(c.cloud.getStatistics(c.caller, as<Input<'getStatistics', 1>>(c.query))),
  listMerchantComplaints: (c) =>
    ok(c.cloud.listMerchantComplaints(c.caller, as<Input<'listMerchantComplaints', 1>>(c.query))),
  approveComplaint: (c) =>
    ok(c.cloud.approveComplaint(c.caller, p(c, 'complaintId'), as<Input<'approveComplaint', 2>>(c.body))),
  rejectComplaint: (c) =>
    ok(c.cloud.rejectComplaint(c.caller, p(c, 'complaintId'), as<Input<'rejectComplaint', 2>>(c.body))),
  listMerchantDevices: (c) => ok(c.cloud.listMerchantDevices(c.caller)),
  setDeviceDeposit: (c) =>
    ok(c.cloud.setDeviceDeposit(c.caller, p(c, 'deviceCode'), as<Input<'setDeviceDeposit', 2>>(c.body))),
  createStaffInvite: (c) =>
    created(c.cloud.createStaffInvite(c.caller, as<Input<'createStaffInvite', 1>>(c.body))),
  listBlacklist: (c) => ok(c.cloud.listBlacklist(c.caller, as<Input<'listBlacklist', 1>>(c.query))),
  // An already-blocked shopper answers 200 with the entry they have; a new entry is 201.
  blockShopper: (c) => {
    const { entry, created: isNew } = c.cloud.blockShopper(c.caller, as<Input<'blockShopper', 1>>(c.body))
    return isNew ? created(entry) : ok(entry)
  },
  unblockShopper: (c) => ok(c.cloud.unblockShopper(c.caller, p(c, 'entryId'))),
}
