import type { StaffDevice, StaffGoods } from '@/api/types'
import { productNames } from '../productNames'

const alert = (productId: string, name: string) =>
  ({ productId, name, doorNo: 1, stock: 0, stockState: 'sold_out' }) as StaffDevice['stockAlerts'][number]

test("a sold-out alarm's product is named from the cabinets' stock alerts", () => {
  const devices = [
    { stockAlerts: [alert('p_cake', '提拉米苏')] },
    { stockAlerts: [alert('p_cola', '可口可乐')] },
  ]
  expect(productNames(devices)).toEqual({ p_cake: '提拉米苏', p_cola: '可口可乐' })
})

test("with a cabinet's detail loaded, every product on its shelves is named, also one back in stock", () => {
  const goods = [{ productId: 'p_cake', name: '提拉米苏' } as StaffGoods]
  expect(productNames([], { goods })).toEqual({ p_cake: '提拉米苏' })
  expect(productNames([], null)).toEqual({})
})
