import { ENDPOINTS } from '../../src/api/endpoints'
import { installCloudInJest } from '../hosts/node'

// Every merchant endpoint over HTTP, as the app calls it: a shopper is refused with 403, and another
// merchant (M002, whose only cabinet is GZ0099Z) sees its own data and nothing of M001's.
const cloud = installCloudInJest({ scenario: 'merchant' })

const MERCHANT_OPERATIONS = Object.entries(ENDPOINTS).filter(([, [, path]]) =>
  path.startsWith('/v1/merchant/'),
)

/** A request each merchant operation accepts from its own merchant (bodies valid by the contract). */
const SAMPLES: Record<string, { path: string; body?: unknown }> = {
  listReceipts: { path: '/v1/merchant/receipts?from=2026-11-14&to=2026-11-20&groupBy=device' },
  listMerchantOrders: { path: '/v1/merchant/orders?limit=100' },
  listAccounts: { path: '/v1/merchant/accounts' },
  createWithdrawal: { path: '/v1/merchant/withdrawals', body: { accountId: 'acc_wx_M002', amountFen: 1000 } },
  listWithdrawals: { path: '/v1/merchant/withdrawals' },
  getStatistics: { path: '/v1/merchant/statistics?range=7d' },
  listMerchantComplaints: { path: '/v1/merchant/complaints' },
  approveComplaint: { path: '/v1/merchant/complaints/{id}/approval', body: { lines: [] } },
  rejectComplaint: { path: '/v1/merchant/complaints/{id}/rejection', body: { reply: '已核实' } },
  listMerchantDevices: { path: '/v1/merchant/devices' },
  setDeviceDeposit: { path: '/v1/merchant/devices/GZ0099Z/deposit', body: { depositFen: 3000 } },
  createStaffInvite: { path: '/v1/merchant/staff-invites', body: { deviceCodes: ['GZ0099Z'] } },
  listBlacklist: { path: '/v1/merchant/blacklist' },
  blockShopper: {
    path: '/v1/merchant/blacklist',
    body: { source: { kind: 'complaint', id: 'cmp_0001' }, reason: '多次恶意投诉' },
  },
  unblockShopper: { path: '/v1/merchant/blacklist/bl_9999/removal' },
}

let keySeq = 0

async function call(
  userId: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${cloud.tokenFor(userId)}` }
  if (method !== 'GET') {
    keySeq += 1
    headers['Idempotency-Key'] = `access-test-${keySeq}`
    headers['Content-Type'] = 'application/json'
  }
  const res = await fetch(`http://cloud.test${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const complaintPath = (path: string) => path.replace('{id}', cloud.cloud.scenario.refs.complaintId ?? '')

beforeEach(() => cloud.control.scenario({ name: 'merchant' }))

test('the sample list covers every merchant operation of the contract', () => {
  expect(Object.keys(SAMPLES).sort()).toEqual(MERCHANT_OPERATIONS.map(([op]) => op).sort())
})

test.each(MERCHANT_OPERATIONS)('%s answers 403 FORBIDDEN to a shopper', async (operation, [method]) => {
  const sample = SAMPLES[operation]!
  const res = await call('u_happy', method, complaintPath(sample.path), sample.body)
  expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN'])
})

describe('another merchant (M002) sees only its own', () => {
  const other = 'u_merchant2'

  test('receipts, orders, statistics and devices are GZ0099Z’s only', async () => {
    const receipts = await call(other, 'GET', SAMPLES.listReceipts!.path)
    expect((receipts.body.rows as { key: string }[]).map((r) => r.key)).toEqual(['GZ0099Z'])
    const orders = await call(other, 'GET', SAMPLES.listMerchantOrders!.path)
    const items = orders.body.items as { deviceCode: string }[]
    expect(items.length).toBeGreaterThan(0)
    expect(new Set(items.map((o) => o.deviceCode))).toEqual(new Set(['GZ0099Z']))
    const stats = await call(other, 'GET', SAMPLES.getStatistics!.path)
    expect((stats.body.byDevice as { deviceCode: string }[]).map((d) => d.deviceCode)).toEqual(['GZ0099Z'])
    expect((stats.body.latency as { deviceCode: string }[]).map((d) => d.deviceCode)).toEqual(['GZ0099Z'])
    const devices = await call(other, 'GET', SAMPLES.listMerchantDevices!.path)
    expect((devices.body.items as { code: string }[]).map((d) => d.code)).toEqual(['GZ0099Z'])
  })

  test('accounts, withdrawals and complaints hold nothing of M001', async () => {
    const accounts = await call(other, 'GET', SAMPLES.listAccounts!.path)
    expect((accounts.body.items as { id: string }[]).map((a) => a.id)).toEqual(['acc_wx_M002'])
    const withdrawals = await call(other, 'GET', SAMPLES.listWithdrawals!.path)
    expect(withdrawals.body.items).toEqual([])
    const complaints = await call(other, 'GET', SAMPLES.listMerchantComplaints!.path)
    expect(complaints.body.items).toEqual([])
  })

  test('M001’s account, cabinet and complaint are not found; nothing of M001 changes', async () => {
    const before = cloud.cloud.listAccounts('u_merchant')
    const cases: [string, string, unknown, number, string][] = [
      [
        'POST',
        '/v1/merchant/withdrawals',
        { accountId: 'acc_wx_M001', amountFen: 1000 },
        404,
        'ACCOUNT_NOT_FOUND',
      ],
      ['GET', '/v1/merchant/withdrawals?accountId=acc_wx_M001', undefined, 404, 'ACCOUNT_NOT_FOUND'],
      ['GET', '/v1/merchant/orders?deviceCode=GZ0001A', undefined, 404, 'DEVICE_NOT_FOUND'],
      ['POST', complaintPath(SAMPLES.approveComplaint!.path), { lines: [] }, 404, 'COMPLAINT_NOT_FOUND'],
      ['POST', complaintPath(SAMPLES.rejectComplaint!.path), { reply: '不处理' }, 404, 'COMPLAINT_NOT_FOUND'],
      ['POST', '/v1/merchant/staff-invites', { deviceCodes: ['GZ0001A'] }, 422, 'VALIDATION_FAILED'],
      ['POST', '/v1/merchant/devices/GZ0001A/deposit', { depositFen: 100 }, 404, 'DEVICE_NOT_FOUND'],
      ['POST', '/v1/merchant/blacklist', SAMPLES.blockShopper!.body, 422, 'BLACKLIST_SOURCE_INVALID'],
    ]
    for (const [method, path, body, status, code] of cases) {
      const res = await call(other, method, path, body)
      expect([path, res.status, res.body.code]).toEqual([path, status, code])
    }
    expect(cloud.cloud.listAccounts('u_merchant')).toEqual(before)
    expect(cloud.cloud.inspect().devices.get('GZ0001A')?.depositFen).toBe(5000)
    expect(cloud.cloud.listMerchantComplaints('u_merchant', { state: 'pending' }).items).toHaveLength(1)
  })

  test('M001’s blacklist is neither seen nor changed: its entry is not found, its list stays', async () => {
    const entry = cloud.cloud.blockShopper('u_merchant', {
      source: { kind: 'complaint', id: cloud.cloud.scenario.refs.complaintId ?? '' },
      reason: '多次恶意投诉',
    }).entry
    const list = await call(other, 'GET', SAMPLES.listBlacklist!.path)
    expect(list.body.items).toEqual([])
    const unblock = await call(other, 'POST', `/v1/merchant/blacklist/${entry.id}/removal`)
    expect([unblock.status, unblock.body.code]).toEqual([404, 'BLACKLIST_ENTRY_NOT_FOUND'])
    expect(cloud.cloud.listBlacklist('u_merchant').items.map((e) => e.id)).toEqual([entry.id])
  })

  test('its own cabinet’s deposit is set, in fen, within ¥0–500', async () => {
    const res = await call(other, 'POST', SAMPLES.setDeviceDeposit!.path, SAMPLES.setDeviceDeposit!.body)
    expect([res.status, res.body.depositFen]).toEqual([200, 3000])
    for (const depositFen of [-1, 50_001, 12.5]) {
      const bad = await call(other, 'POST', SAMPLES.setDeviceDeposit!.path, { depositFen })
      expect([bad.status, bad.body.code]).toEqual([422, 'VALIDATION_FAILED'])
    }
    expect(cloud.cloud.inspect().devices.get('GZ0099Z')?.depositFen).toBe(3000)
  })

  test('its own withdrawal goes through', async () => {
    const res = await call(other, 'POST', SAMPLES.createWithdrawal!.path, SAMPLES.createWithdrawal!.body)
    expect([res.status, res.body.state]).toEqual([201, 'processing'])
  })
})

describe('the blacklist over HTTP', () => {
  async function blockWith(key: string, reason: string) {
    const res = await fetch('http://cloud.test/v1/merchant/blacklist', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${cloud.tokenFor('u_merchant')}`,
        'Idempotency-Key': key,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ source: { kind: 'complaint', id: complaintPath('{id}') }, reason }),
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }

  test('a retry with the same key replays 201; a new key for the same shopper is 200 with the same entry', async () => {
    const first = await blockWith('blacklist-key-0001', '多次恶意投诉')
    expect(first.status).toBe(201)
    expect(await blockWith('blacklist-key-0001', '多次恶意投诉')).toEqual(first)
    const conflict = await blockWith('blacklist-key-0001', '换个理由')
    expect([conflict.status, conflict.body.code]).toEqual([409, 'IDEMPOTENCY_CONFLICT'])
    const again = await blockWith('blacklist-key-0002', '多次恶意投诉')
    expect(again).toEqual({ status: 200, body: first.body })
    expect(cloud.cloud.listBlacklist('u_merchant').items).toHaveLength(1)
  })

  test('a reason over 100 characters is 422 naming reason', async () => {
    const res = await blockWith('blacklist-key-0003', 'x'.repeat(101))
    expect([res.status, res.body.code, Object.keys(res.body.fields as object)]).toEqual([
      422,
      'VALIDATION_FAILED',
      ['reason'],
    ])
  })
})
