import type { StaffDevice, StaffDeviceDetail } from '@/api/types'

/**
 * Product id → name from what the staff screens already hold: a cabinet's goods when its detail is loaded,
 * and every cabinet's stock alerts (which name the products that low-stock and sold-out alarms are about).
 */
export function productNames(
  devices: readonly Pick<StaffDevice, 'stockAlerts'>[],
  detail?: Pick<StaffDeviceDetail, 'goods'> | null,
): Record<string, string> {
  const names: Record<string, string> = {}
  for (const device of devices) for (const alert of device.stockAlerts) names[alert.productId] = alert.name
  for (const goods of detail?.goods ?? []) names[goods.productId] = goods.name
  return names
}
