/** Page paths the app navigates to; subpackage entry pages are promised here for the home page's links. */
export const ROUTES = {
  home: '/pages/index/index',
  cabinet: '/pages/cabinet/index',
  credit: '/pages/credit/index',
  shopping: '/pages/shopping/index',
  orders: '/packages/orders/pages/list/index',
  staff: '/packages/staff/pages/home/index',
  staffRestock: '/packages/staff/pages/restock/index',
  staffStocktake: '/packages/staff/pages/stocktake/index',
  staffBind: '/packages/staff/pages/bind/index',
  merchant: '/packages/merchant/pages/home/index',
} as const
