import type { StaffDevice } from '@/api/types'
import { byUrgency, deviceHealth, expiryNotice } from '../deviceHealth'

function device(over: Partial<StaffDevice> = {}): StaffDevice {
  return {
    code: 'GZ0001A',
    name: '鲜享1号柜',
    place: '科技园A栋',
    kind: 'gravity',
    doorCount: 1,
    role: 'restocker',
    online: true,
    state: 'ok',
    temperatureC: 4.5,
    alarms: [],
    stockAlerts: [],
    serviceExpiresAt: '2027-06-08T12:00:00+08:00',
    expiryWarning: null,
    light: { on: true, schedule: null },
    ...over,
  }
}

test('service expiry: no warning far ahead; 30, 7 and 1 days ahead warn; expired stops shoppers', () => {
  expect(expiryNotice(device())).toMatchObject({ date: '2027-06-08', text: null, blocksShoppers: false })
  const in5 = expiryNotice(device({ serviceExpiresAt: '2026-11-25T12:00:00+08:00', expiryWarning: 7 }))
  expect(in5).toMatchObject({ date: '2026-11-25', text: expect.stringContaining('7天内到期') })
  expect(expiryNotice(device({ expiryWarning: 30 })).text).toContain('30天内到期')
  expect(expiryNotice(device({ expiryWarning: 1 })).text).toContain('顾客将无法开门')
  const expired = expiryNotice(
    device({ serviceExpiresAt: '2026-11-19T12:00:00+08:00', expiryWarning: 'expired' }),
  )
  expect(expired).toMatchObject({ text: '服务已到期，顾客无法开门', blocksShoppers: true })
})

test('cabinet alarms are named as the manual does; stock alerts are counted apart', () => {
  const health = deviceHealth(
    device({
      alarms: [
        {
          id: 'a1',
          deviceCode: 'GZ0001A',
          kind: 'lock_fault',
          state: 'open',
          raisedAt: '2026-11-20T11:00:00+08:00',
        },
        {
          id: 'a2',
          deviceCode: 'GZ0001A',
          kind: 'camera_fault',
          state: 'acknowledged',
          raisedAt: '2026-11-20T10:00:00+08:00',
        },
        {
          id: 'a3',
          deviceCode: 'GZ0001A',
          kind: 'sold_out',
          productId: 'p_chips',
          state: 'open',
          raisedAt: '2026-11-20T09:00:00+08:00',
        },
      ],
      stockAlerts: [
        { productId: 'p_milk', name: '牛奶', doorNo: 1, stock: 2, stockState: 'low' },
        { productId: 'p_chips', name: '薯片', doorNo: 1, stock: 0, stockState: 'sold_out' },
      ],
    }),
  )
  expect(health.faults.map((f) => f.label)).toEqual(['门锁异常', '摄像头异常'])
  expect([health.lowStock, health.soldOut, health.severity]).toEqual([1, 1, 'critical'])
})

test('an offline device shows 离线 even before its alarm arrives; a healthy one is ok', () => {
  expect(deviceHealth(device({ online: false })).faults.map((f) => f.label)).toEqual(['离线'])
  expect(deviceHealth(device()).severity).toBe('ok')
  expect(deviceHealth(device({ expiryWarning: 30 })).severity).toBe('warning')
})

test('the list puts cabinets that need someone first, then service ending, then stock, then the healthy', () => {
  const list = [
    device({ code: 'OK0001A' }),
    device({
      code: 'LOW0001',
      stockAlerts: [{ productId: 'p', name: 'p', doorNo: 1, stock: 1, stockState: 'low' }],
    }),
    device({ code: 'EXP0007', expiryWarning: 7 }),
    device({ code: 'OFF0001', online: false, state: 'offline' }),
    device({ code: 'QUOTA00', state: 'quota_exhausted' }),
  ]
  expect(byUrgency(list).map((d) => d.code)).toEqual(['OFF0001', 'QUOTA00', 'EXP0007', 'LOW0001', 'OK0001A'])
})
