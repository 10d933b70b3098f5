/**
 * @jest-environment node
 */
import { installCloudInJest } from '../hosts/node'

// Idempotency over HTTP as the contract promises it: the same Idempotency-Key with the same body replays
// the first answer (and that answer still works), another body is 409 IDEMPOTENCY_CONFLICT, and what a new
// key may do is the operation's own rule (one open complaint per order, one session per intent).
const cloud = installCloudInJest({ scenario: 'happy' })
let keySeq = 0

interface Answer<T = Record<string, unknown>> {
  status: number
  body: T
}

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { userId?: string; token?: string; key?: string; body?: unknown } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {}
  const token = options.token ?? (options.userId ? cloud.tokenFor(options.userId) : undefined)
  if (token) headers.Authorization = `Bearer ${token}`
  if (method !== 'GET') {
    keySeq += 1
    headers['Idempotency-Key'] = options.key ?? `idem-test-${String(keySeq).padStart(4, '0')}`
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`http://cloud.test${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

beforeEach(() => cloud.control.scenario({ name: 'happy' }))

describe('login', () => {
  const body = { platform: 'weapp', code: 'code:u_happy' }

  test('a replay hands out a token that works: the first one while it lives, then a fresh one', async () => {
    const key = 'login-replay-0001'
    const first = await call<{ token: string }>('POST', '/v1/auth/login', { key, body })
    expect(first.status).toBe(200)
    expect(await call('POST', '/v1/auth/login', { key, body })).toEqual(first)

    cloud.clock.advance(cloud.cloud.settings().tokenTtlMs + 1_000)
    expect((await call('GET', '/v1/me', { token: first.body.token })).status).toBe(401)
    const later = await call<{ token: string; expiresAt: string }>('POST', '/v1/auth/login', { key, body })
    expect(later.status).toBe(200)
    expect(later.body.token).not.toBe(first.body.token)
    expect(Date.parse(later.body.expiresAt)).toBeGreaterThan(cloud.clock.now())
    expect(await call('GET', '/v1/me', { token: later.body.token })).toMatchObject({
      status: 200,
      body: { id: 'u_happy' },
    })
    // The fresh answer is now the key's answer.
    expect(await call('POST', '/v1/auth/login', { key, body })).toEqual(later)
    const other = await call('POST', '/v1/auth/login', { key, body: { ...body, code: 'code:u_other' } })
    expect([other.status, other.body.code]).toEqual([409, 'IDEMPOTENCY_CONFLICT'])
  })
})

describe('complaints', () => {
  function complaintBody(description: string) {
    const orderId = cloud.cloud.scenario.refs.recentOrderId ?? ''
    const productId = cloud.cloud.getOrder('u_happy', orderId).lines[0]?.productId ?? ''
    return { orderId, items: [{ productId, kind: 'not_taken' }], description, photoUploadIds: [] }
  }

  test('same key and body replay; another body is IDEMPOTENCY_CONFLICT; a new key is COMPLAINT_ALREADY_OPEN', async () => {
    const body = complaintBody('没有拿这件')
    const key = 'complaint-key-0001'
    const first = await call('POST', '/v1/complaints', { userId: 'u_happy', key, body })
    expect(first.status).toBe(201)
    expect(await call('POST', '/v1/complaints', { userId: 'u_happy', key, body })).toEqual(first)

    const conflict = await call('POST', '/v1/complaints', {
      userId: 'u_happy',
      key,
      body: complaintBody('换了说法'),
    })
    expect([conflict.status, conflict.body.code]).toEqual([409, 'IDEMPOTENCY_CONFLICT'])

    for (const again of [body, complaintBody('另一件事')]) {
      const fresh = await call('POST', '/v1/complaints', { userId: 'u_happy', body: again })
      expect([fresh.status, fresh.body.code]).toEqual([409, 'COMPLAINT_ALREADY_OPEN'])
    }
    const mine = cloud.cloud.listComplaints('u_happy').items.filter((c) => c.orderId === body.orderId)
    expect(mine.map((c) => c.id)).toEqual([first.body.id])
  })
})

describe('fault reports', () => {
  const report = (description: string) => ({ deviceCode: 'GZ0001A', kind: 'door_wont_close', description })

  test('are kept by the cloud, once per key, and shown on the control side', async () => {
    const key = 'fault-key-0001'
    const first = await call<{ id: string }>('POST', '/v1/fault-reports', {
      userId: 'u_happy',
      key,
      body: report('门关不上'),
    })
    expect(first.status).toBe(201)
    expect(
      await call('POST', '/v1/fault-reports', { userId: 'u_happy', key, body: report('门关不上') }),
    ).toEqual(first)
    const conflict = await call('POST', '/v1/fault-reports', {
      userId: 'u_happy',
      key,
      body: report('另一件事'),
    })
    expect([conflict.status, conflict.body.code]).toEqual([409, 'IDEMPOTENCY_CONFLICT'])
    cloud.clock.advance(60_000)
    // A new key is a new report, even word for word: a shopper may report the same trouble again.
    const second = await call<{ id: string }>('POST', '/v1/fault-reports', {
      userId: 'u_other',
      body: report('门关不上'),
    })
    expect(second.status).toBe(201)
    expect(second.body.id).not.toBe(first.body.id)

    const state = (await (await fetch('http://cloud.test/__control/state')).json()) as {
      faultReports: Record<string, unknown>[]
    }
    expect(state.faultReports).toEqual([
      {
        id: second.body.id,
        userId: 'u_other',
        deviceCode: 'GZ0001A',
        kind: 'door_wont_close',
        description: '门关不上',
        sessionId: null,
        createdAt: '2026-11-20T12:01:00+08:00',
      },
      {
        id: first.body.id,
        userId: 'u_happy',
        deviceCode: 'GZ0001A',
        kind: 'door_wont_close',
        description: '门关不上',
        sessionId: null,
        createdAt: '2026-11-20T12:00:00+08:00',
      },
    ])
  })
})

describe('restock intents', () => {
  test('a replayed intent asking for another cabinet or door is IDEMPOTENCY_CONFLICT naming its session, as for the shopper', async () => {
    const intentId = 'restock-intent-0001'
    const body = { deviceCode: 'SM0002D', doorNo: 2, intentId }
    const first = await call<{ id: string; deviceCode: string }>('POST', '/v1/staff/restock-sessions', {
      userId: 'u_staff',
      key: intentId,
      body,
    })
    expect(first.status).toBe(201)
    expect(
      await call('POST', '/v1/staff/restock-sessions', { userId: 'u_staff', key: intentId, body }),
    ).toEqual(first)
    const elsewhere = [
      { deviceCode: 'GZ0001A', doorNo: 2, intentId },
      { deviceCode: 'GZ0099Z', intentId },
      { deviceCode: 'SM0002D', intentId },
    ]
    // The same key with another body, and a new key carrying the same intent: both are the intent's conflict.
    for (const other of elsewhere) {
      for (const key of [intentId, undefined]) {
        const answer = await call('POST', '/v1/staff/restock-sessions', {
          userId: 'u_staff',
          key,
          body: other,
        })
        expect([other, key, answer.status, answer.body.code, answer.body.sessionId]).toEqual([
          other,
          key,
          409,
          'IDEMPOTENCY_CONFLICT',
          first.body.id,
        ])
      }
    }
    expect(
      [...cloud.cloud.inspect().restockSessions.values()].filter((rs) => rs.intentId === intentId),
    ).toHaveLength(1)
  })
})
