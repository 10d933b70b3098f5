import { ROUTES } from '@/routes'

/** The staff workspace's pages; the ones the main package links to come from the app's one table. */
export const STAFF_ROUTES = {
  home: ROUTES.staff,
  restock: ROUTES.staffRestock,
  stocktake: ROUTES.staffStocktake,
  bind: ROUTES.staffBind,
  device: '/packages/staff/pages/device/index',
  alarms: '/packages/staff/pages/alarms/index',
  abnormal: '/packages/staff/pages/abnormal/index',
  abnormalCase: '/packages/staff/pages/abnormal-case/index',
  settings: '/packages/staff/pages/settings/index',
} as const

export const withCode = (route: string, code: string, extra = '') =>
  `${route}?code=${encodeURIComponent(code)}${extra}`
