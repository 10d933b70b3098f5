/** Page paths the app navigates to; subpackage entry pages are promised here for the home page's links. */
export const ROUTES = {
  home: '/pages/index/index',
  cabinet: '/pages/cabinet/index',
  credit: '/pages/credit/index',
  shopping: '/pages/shopping/index',
  orders: '/packages/orders/pages/list/index',
  /** An order's receipt with refunds, complaint and 客服 (`?orderId=`); the post-purchase receipt links here. */
  orderDetail: '/packages/orders/pages/detail/index',
  staff: '/packages/staff/pages/home/index',
  staffRestock: '/packages/staff/pages/restock/index',
  staffStocktake: '/packages/staff/pages/stocktake/index',
  staffBind: '/packages/staff/pages/bind/index',
  merchant: '/packages/merchant/pages/home/index',
  /** The message centre (消息): what the cloud told the user, newest first. */
  messages: '/packages/messages/pages/list/index',
} as const
