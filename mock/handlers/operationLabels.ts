import type { ApiOperationId } from './operations'

export type { ApiOperationId }

/**
 * Every operation of the contract by the name a person in the simulator knows it by (the page and the
 * button in the app that sends it). A Record over the contract's ids, so a new operation without a name
 * fails the type check.
 */
export const OPERATION_LABELS: Record<ApiOperationId, string> = {
  login: '登录',
  bindPhone: '绑定手机号',
  getMe: '我的信息',
  getActiveState: '未完成的事（恢复）',
  getCabinetLanding: '柜子首页（扫码）',
  startCreditAuthorization: '开通先用后付',
  getCreditAuthorization: '查询开通结果',
  openDoor: '开门',
  getDoorSession: '查询购物状态',
  listDoorSessionEvents: '购物事件补齐',
  objectToCartLine: '对商品有异议',
  listOrders: '我的订单',
  listUnpaidOrders: '待支付订单',
  getOrder: '订单详情',
  payOrder: '支付订单',
  getPayment: '查询支付结果',
  createUpload: '上传照片',
  createComplaint: '提交申诉',
  listComplaints: '我的申诉',
  getComplaint: '申诉详情',
  createFaultReport: '故障报修',
  bindStaff: '补货员绑定',
  listStaffDevices: '补货员设备列表',
  getStaffDevice: '补货员设备详情',
  listAlarms: '告警列表',
  acknowledgeAlarm: '确认告警',
  openRestockSession: '补货开门',
  getRestockSession: '查询补货状态',
  confirmRestockSession: '确认补货',
  listRestockOrders: '补货单',
  listStocktakes: '盘点记录',
  createStocktake: '提交盘点',
  listAbnormalOrders: '异常订单',
  resolveAbnormalOrder: '处理异常订单',
  updateDeviceSettings: '设备设置（灯、温度）',
  getDeviceCommand: '查询设备指令',
  listReceipts: '商户收款记录',
  listMerchantOrders: '商户订单',
  listAccounts: '商户账户余额',
  createWithdrawal: '提现',
  listWithdrawals: '提现记录',
  getStatistics: '经营统计',
  listMerchantComplaints: '商户申诉列表',
  approveComplaint: '同意申诉',
  rejectComplaint: '驳回申诉',
  listMerchantDevices: '商户设备列表',
  setDeviceDeposit: '设置押金',
  createStaffInvite: '邀请补货员',
}
