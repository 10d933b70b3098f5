/**
 * @jest-environment node
 */
import { installCloudInJest } from '../hosts/node'
import { loadContract } from '../handlers/contract'
import { check, describeViolations, type Observed } from '../../conformance/lib/answers'

// A realistic day at the cabinets driven through the msw host (real fetch, the same handlers as the HTTP
// server): shoppers, a first-time shopper, a restocker and a merchant. Every answer is kept and validated
// against the contract's schema for its operation and status.
const cloud = installCloudInJest({ scenario: 'happy' })
const seen: Observed[] = []
let keySeq = 0

interface Answer<T = Record<string, unknown>> {
  status: number
  body: T
}

interface CallOptions {
  token?: string
  body?: unknown
  key?: string
  form?: FormData
}

async function api<T = Record<string, unknown>>(
  label: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'X-Request-Id': `resp-${seen.length + 1}` }
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  if (method !== 'GET') {
    keySeq += 1
    headers['Idempotency-Key'] = options.key ?? `resp-key-${String(keySeq).padStart(4, '0')}`
  }
  let body: BodyInit | undefined
  if (options.form) body = options.form
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  const response = await fetch(`http://cloud.test${path}`, { method, headers, body })
  const text = await response.text()
  const parsed = (text ? JSON.parse(text) : null) as T
  const operationId = response.headers.get('X-Emulator-Operation')
  if (!operationId) throw new Error(`${label}: ${method} ${path} was not answered by an operation handler`)
  seen.push({ operationId, status: response.status, body: parsed, label })
  return { status: response.status, body: parsed }
}

function expectStatus<T>(answer: Answer<T>, status: number, label: string): T {
  if (answer.status !== status) {
    throw new Error(`${label}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`)
  }
  return answer.body
}

async function login(userId: string, platform: 'weapp' | 'alipay' | 'h5' = 'weapp'): Promise<string> {
  const body = expectStatus(
    await api<{ token: string }>(`login ${userId}`, 'POST', '/v1/auth/login', {
      body: { platform, code: `code:${userId}` },
    }),
    200,
    `login ${userId}`,
  )
  return body.token
}

function png(): Blob {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(200).fill(7)])
  return new Blob([bytes], { type: 'image/png' })
}

interface Session {
  id: string
  state: string
  seq: number
  orderId: string | null
}

/** Opens GZ0001A as the shopper, takes goods, closes and lets the cloud settle. */
async function shop(
  token: string,
  intentId: string,
  take: [string, number][],
  object?: string,
): Promise<Session> {
  const opened = expectStatus(
    await api<Session>('open door', 'POST', '/v1/door-sessions', {
      token,
      body: { deviceCode: 'GZ0001A', intentId, mode: 'shop' },
    }),
    201,
    'open door',
  )
  cloud.clock.advance(cloud.cloud.settings().doorDelayMs)
  for (const [productId, qty] of take)
    cloud.control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId, qty })
  if (object) {
    await api('object to a line', 'POST', `/v1/door-sessions/${opened.id}/objections`, {
      token,
      body: { productId: object, note: '我没拿这个' },
    })
  }
  cloud.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
  cloud.clock.advance(cloud.cloud.settings().settlementDelayMs)
  return expectStatus(
    await api<Session>('read settled session', 'GET', `/v1/door-sessions/${opened.id}`, { token }),
    200,
    'read session',
  )
}

describe('every answer of a realistic day matches the contract', () => {
  const ids: Record<string, string> = {}

  it('shopper: landing, open, live cart, close, receipt, orders', async () => {
    await api('anonymous landing', 'GET', '/v1/devices/GZ0001A/landing')
    const happy = await login('u_happy')
    ids.happy = happy
    await api('me', 'GET', '/v1/me', { token: happy })
    await api('nothing going on', 'GET', '/v1/me/active', { token: happy })
    const landing = expectStatus(
      await api<{ gate: { mayOpen: boolean } }>('landing', 'GET', '/v1/devices/GZ0001A/landing', {
        token: happy,
      }),
      200,
      'landing',
    )
    expect(landing.gate.mayOpen).toBe(true)

    const first = expectStatus(
      await api<Session>('open', 'POST', '/v1/door-sessions', {
        token: happy,
        body: { deviceCode: 'GZ0001A', intentId: 'intent-happy-0001', mode: 'shop' },
      }),
      201,
      'open',
    )
    // A double tap: the same intent, another request (another key) → the same session.
    const again = expectStatus(
      await api<Session>('open again (same intent)', 'POST', '/v1/door-sessions', {
        token: happy,
        body: { deviceCode: 'GZ0001A', intentId: 'intent-happy-0001', mode: 'shop' },
      }),
      201,
      'open again',
    )
    expect(again.id).toBe(first.id)
    cloud.clock.advance(cloud.cloud.settings().doorDelayMs)
    cloud.control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 2 })
    cloud.control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_yogurt', qty: 1 })
    cloud.control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 1 })
    const open = expectStatus(
      await api<Session>('live session', 'GET', `/v1/door-sessions/${first.id}`, { token: happy }),
      200,
      'session',
    )
    expect(open.state).toBe('open')
    const active = expectStatus(
      await api<{ doorSession: Session | null }>('an open door to resume', 'GET', '/v1/me/active', {
        token: happy,
      }),
      200,
      'active',
    )
    expect(active.doorSession?.id).toBe(first.id)
    await api('open again with a new intent', 'POST', '/v1/door-sessions', {
      token: happy,
      body: { deviceCode: 'GZ0001A', intentId: 'intent-happy-0002', mode: 'shop' },
    })
    await api('the landing says resume', 'GET', '/v1/devices/GZ0001A/landing', { token: happy })
    await api('all events', 'GET', `/v1/door-sessions/${first.id}/events?afterSeq=0`, { token: happy })
    await api('events after 2', 'GET', `/v1/door-sessions/${first.id}/events?afterSeq=2`, { token: happy })
    cloud.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
    cloud.clock.advance(cloud.cloud.settings().settlementDelayMs)
    const settled = expectStatus(
      await api<Session>('settled session', 'GET', `/v1/door-sessions/${first.id}`, { token: happy }),
      200,
      'settled',
    )
    expect(settled.state).toBe('settled')
    ids.order = settled.orderId ?? ''
    await api('receipt', 'GET', `/v1/orders/${ids.order}`, { token: happy })

    const page = expectStatus(
      await api<{ nextCursor: string | null }>('orders page 1', 'GET', '/v1/orders?status=all&limit=1', {
        token: happy,
      }),
      200,
      'orders',
    )
    if (page.nextCursor) {
      await api('orders page 2', 'GET', `/v1/orders?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`, {
        token: happy,
      })
    }
    await api('done orders', 'GET', '/v1/orders?status=done', { token: happy })
    await api('refund or complaint orders', 'GET', '/v1/orders?status=refund_or_complaint', { token: happy })
    await api('unpaid orders', 'GET', '/v1/orders/unpaid', { token: happy })
  })

  it('shopper: photo upload, complaint, fault report', async () => {
    const form = new FormData()
    form.append('file', png(), 'photo.png')
    const upload = expectStatus(
      await api<{ uploadId: string }>('upload', 'POST', '/v1/uploads', { token: ids.happy, form }),
      201,
      'upload',
    )
    const complaint = expectStatus(
      await api<{ id: string }>('complaint', 'POST', '/v1/complaints', {
        token: ids.happy,
        body: {
          orderId: ids.order,
          items: [{ productId: 'p_cola', kind: 'wrong_quantity', actualQty: 0 }],
          description: '可乐放回去了，还是扣了钱',
          photoUploadIds: [upload.uploadId],
        },
      }),
      201,
      'complaint',
    )
    ids.complaint = complaint.id
    await api('complaints', 'GET', '/v1/complaints?limit=10', { token: ids.happy })
    await api('complaint', 'GET', `/v1/complaints/${complaint.id}`, { token: ids.happy })
    const orders = expectStatus(
      await api<{ items: { id: string }[] }>(
        'orders for a second complaint',
        'GET',
        '/v1/orders?status=done',
        {
          token: ids.happy,
        },
      ),
      200,
      'orders',
    )
    const other = orders.items.find((o) => o.id !== ids.order)
    if (other) {
      const second = await api<{ id: string }>('second complaint', 'POST', '/v1/complaints', {
        token: ids.happy,
        body: {
          orderId: other.id,
          items: [{ productId: 'p_cola', kind: 'wrong_price' }],
          description: '',
          photoUploadIds: [],
        },
      })
      if (second.status === 201) ids.secondComplaint = second.body.id
    }
    await api('fault report', 'POST', '/v1/fault-reports', {
      token: ids.happy,
      body: { deviceCode: 'GZ0001A', kind: 'door_wont_close', description: '门关不严' },
    })
  })

  it('shopper: an objection sends the order to review; a failed charge is paid in the app', async () => {
    const reviewed = await shop(ids.happy as string, 'intent-happy-0002', [['p_water', 1]], 'p_water')
    expect(reviewed.state).toBe('under_review')
    ids.abnormalOrder = reviewed.orderId ?? ''

    cloud.control.fault({ deviceCode: 'GZ0001A', fault: 'payment_failure', on: true })
    const unpaid = await shop(ids.happy as string, 'intent-happy-0003', [['p_sprite', 1]])
    cloud.control.fault({ deviceCode: 'GZ0001A', fault: 'payment_failure', on: false })
    expect(unpaid.state).toBe('payment_pending')
    await api('unpaid orders', 'GET', '/v1/orders/unpaid', { token: ids.happy })
    const payment = expectStatus(
      await api<{ id: string }>('pay', 'POST', `/v1/orders/${unpaid.orderId}/payments`, {
        token: ids.happy,
        body: { platform: 'weapp' },
      }),
      201,
      'pay',
    )
    await api('payment pending', 'GET', `/v1/payments/${payment.id}`, { token: ids.happy })
    const active = expectStatus(
      await api<{ payment: { payment: { id: string } } | null }>(
        'a payment to resume',
        'GET',
        '/v1/me/active',
        {
          token: ids.happy,
        },
      ),
      200,
      'active payment',
    )
    expect(active.payment?.payment.id).toBe(payment.id)
    cloud.clock.advance(cloud.cloud.settings().paymentAutoCompleteMs ?? 0)
    const done = expectStatus(
      await api<{ state: string }>('payment done', 'GET', `/v1/payments/${payment.id}`, { token: ids.happy }),
      200,
      'payment',
    )
    expect(done.state).toBe('succeeded')
    await api('paid receipt', 'GET', `/v1/orders/${unpaid.orderId}`, { token: ids.happy })
  })

  it('first-time shopper: gate, phone, credit authorization', async () => {
    const first = await login('u_first', 'weapp')
    const landing = expectStatus(
      await api<{ gate: { mayOpen: boolean; reasons: { code: string }[] } }>(
        'first landing',
        'GET',
        '/v1/devices/GZ0001A/landing',
        { token: first },
      ),
      200,
      'landing',
    )
    expect(landing.gate.mayOpen).toBe(false)
    await api('open while the gate is shut', 'POST', '/v1/door-sessions', {
      token: first,
      body: { deviceCode: 'GZ0001A', intentId: 'intent-first-0001', mode: 'shop' },
    })
    await api('bind phone', 'POST', '/v1/auth/phone', {
      token: first,
      body: { platform: 'weapp', code: 'phone:13912345678' },
    })
    const started = expectStatus(
      await api<{ id: string }>('start credit', 'POST', '/v1/credit/authorizations', {
        token: first,
        body: { deviceCode: 'GZ0001A', method: 'wxpay_score_enable' },
      }),
      201,
      'credit',
    )
    await api('credit pending', 'GET', `/v1/credit/authorizations/${started.id}`, { token: first })
    await api('landing while pending', 'GET', '/v1/devices/GZ0001A/landing', { token: first })
    await api('an authorization to resume', 'GET', '/v1/me/active', { token: first })
    cloud.clock.advance(cloud.cloud.settings().creditAutoCompleteMs ?? 0)
    await api('credit settled', 'GET', `/v1/credit/authorizations/${started.id}`, { token: first })
    await api('landing when cleared', 'GET', '/v1/devices/GZ0001A/landing', { token: first })

    const alipay = await login('u_first', 'alipay')
    await api('alipay landing', 'GET', '/v1/devices/GZ0001A/landing', { token: alipay })
    await api('alipay credit', 'POST', '/v1/credit/authorizations', {
      token: alipay,
      body: { deviceCode: 'GZ0001A', method: 'alipay_pay_after_use' },
    })
  })

  it('deposit shopper: 押金开门 held, a receipt with what went back, a cart above the deposit, 免密支付 signing', async () => {
    const other = await login('u_other')
    await api('landing with the whole chain', 'GET', '/v1/devices/GZ0001A/landing', { token: other })
    const deposit = expectStatus(
      await api<{ id: string }>('start a deposit', 'POST', '/v1/credit/authorizations', {
        token: other,
        body: { deviceCode: 'GZ0001A', method: 'wxpay_deposit' },
      }),
      201,
      'deposit',
    )
    cloud.clock.advance(cloud.cloud.settings().creditAutoCompleteMs ?? 0)
    await api('deposit held', 'GET', `/v1/credit/authorizations/${deposit.id}`, { token: other })
    const cheap = await shop(other, 'intent-deposit-0001', [['p_water', 1]])
    expect(cheap.state).toBe('settled')
    await api('deposit receipt, refund under way', 'GET', `/v1/orders/${cheap.orderId}`, { token: other })
    cloud.clock.advance(cloud.cloud.settings().refundDelayMs)
    await api('deposit receipt, refunded', 'GET', `/v1/orders/${cheap.orderId}`, { token: other })

    cloud.cloud.setDeposit('GZ0001A', 500)
    const small = expectStatus(
      await api<{ id: string }>('start a small deposit', 'POST', '/v1/credit/authorizations', {
        token: other,
        body: { deviceCode: 'GZ0001A', method: 'wxpay_deposit' },
      }),
      201,
      'small deposit',
    )
    cloud.clock.advance(cloud.cloud.settings().creditAutoCompleteMs ?? 0)
    expect(cloud.cloud.getCreditAuthorization('u_other', small.id).state).toBe('authorized')
    const above = await shop(other, 'intent-deposit-0002', [['p_sandwich', 1]])
    expect(above.state).toBe('payment_pending')
    await api('session above its deposit', 'GET', `/v1/door-sessions/${above.id}`, { token: other })
    await api('receipt with the remainder due', 'GET', `/v1/orders/${above.orderId}`, { token: other })
    await api('landing with the remainder to pay', 'GET', '/v1/devices/GZ0001A/landing', { token: other })
    cloud.cloud.setDeposit('GZ0001A', 5000)

    await api('start 免密支付 signing', 'POST', '/v1/credit/authorizations', {
      token: other,
      body: { deviceCode: 'GZ0001A', method: 'wxpay_contract' },
    })
  })

  it('restocker: devices, alarms, restock by a 补货单, stocktake, abnormal order, device command', async () => {
    const staff = await login('u_staff')
    await api('staff devices', 'GET', '/v1/staff/devices', { token: staff })
    const device = expectStatus(
      await api<{ goods: { productId: string; systemStock: number }[] }>(
        'staff device',
        'GET',
        '/v1/staff/devices/GZ0001A',
        { token: staff },
      ),
      200,
      'staff device',
    )
    const alarms = expectStatus(
      await api<{ items: { id: string }[] }>('alarms', 'GET', '/v1/staff/alarms?limit=5', { token: staff }),
      200,
      'alarms',
    )
    await api('alarms of a device', 'GET', '/v1/staff/alarms?deviceCode=GZ0001A&state=open', { token: staff })
    const alarm = alarms.items[0]
    if (alarm) await api('ack alarm', 'POST', `/v1/staff/alarms/${alarm.id}/ack`, { token: staff })

    const orders = expectStatus(
      await api<{ items: { id: string; state: string }[] }>(
        'restock orders',
        'GET',
        '/v1/staff/devices/GZ0001A/restock-orders',
        { token: staff },
      ),
      200,
      'restock orders',
    )
    const order = orders.items.find((o) => o.state === 'open')
    const session = expectStatus(
      await api<{ id: string }>('open restock', 'POST', '/v1/staff/restock-sessions', {
        token: staff,
        body: {
          deviceCode: 'GZ0001A',
          intentId: 'intent-restock-0001',
          ...(order ? { restockOrderId: order.id } : {}),
        },
      }),
      201,
      'open restock',
    )
    cloud.clock.advance(cloud.cloud.settings().doorDelayMs)
    await api('restock open', 'GET', `/v1/staff/restock-sessions/${session.id}`, { token: staff })
    await api('a restock to resume', 'GET', '/v1/me/active', { token: staff })
    cloud.control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_chips', qty: 8 })
    cloud.control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_milk', qty: 6 })
    cloud.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
    cloud.clock.advance(1000)
    await api('restock closed', 'GET', `/v1/staff/restock-sessions/${session.id}`, { token: staff })
    await api('confirm restock', 'POST', `/v1/staff/restock-sessions/${session.id}/confirm`, {
      token: staff,
      body: { lines: [{ productId: 'p_milk', after: 7, reason: 'damaged' }] },
    })

    await api('stocktakes', 'GET', '/v1/staff/devices/GZ0001A/stocktakes', { token: staff })
    const water = device.goods.find((g) => g.productId === 'p_water')
    await api('stocktake', 'POST', '/v1/staff/devices/GZ0001A/stocktakes', {
      token: staff,
      body: {
        lines: [
          { productId: 'p_water', counted: Math.max(0, (water?.systemStock ?? 1) - 1), reason: 'lost' },
        ],
      },
    })
    await api('stocktakes after', 'GET', '/v1/staff/devices/GZ0001A/stocktakes?limit=5', { token: staff })

    await api('abnormal orders', 'GET', '/v1/staff/abnormal-orders', { token: staff })
    await api('abnormal orders of a device', 'GET', '/v1/staff/abnormal-orders?deviceCode=GZ0001A&limit=5', {
      token: staff,
    })
    if (ids.abnormalOrder) {
      await api(
        'resolve abnormal order',
        'POST',
        `/v1/staff/abnormal-orders/${ids.abnormalOrder}/resolution`,
        {
          token: staff,
          body: { action: 'correct', lines: [{ productId: 'p_water', qty: 0 }] },
        },
      )
    }
    const command = expectStatus(
      await api<{ id: string }>('temperature command', 'POST', '/v1/staff/devices/GZ0001A/commands', {
        token: staff,
        body: { kind: 'temperature', value: 5 },
      }),
      202,
      'command',
    )
    await api('command sending', 'GET', `/v1/staff/devices/GZ0001A/commands/${command.id}`, { token: staff })
    cloud.clock.advance(2000)
    await api('command done', 'GET', `/v1/staff/devices/GZ0001A/commands/${command.id}`, { token: staff })
    await api('light command', 'POST', '/v1/staff/devices/GZ0001A/commands', {
      token: staff,
      body: { kind: 'light', value: true },
    })
    // Location: ops on SJ0001V moves it a little, then far (409 until confirmed); a restocker of GZ0001A may not.
    const near = { name: '科技园C栋北门', address: '科苑路15号', latitude: 22.5437, longitude: 113.952115 }
    await api('location moved', 'POST', '/v1/staff/devices/SJ0001V/location', { token: staff, body: near })
    const far = { ...near, name: '科技园北区', latitude: 22.58 }
    await api('location far', 'POST', '/v1/staff/devices/SJ0001V/location', { token: staff, body: far })
    await api('location far confirmed', 'POST', '/v1/staff/devices/SJ0001V/location', {
      token: staff,
      body: { ...far, confirmFar: true },
    })
    await api('location by a restocker', 'POST', '/v1/staff/devices/GZ0001A/location', {
      token: staff,
      body: near,
    })
    await api('location invalid', 'POST', '/v1/staff/devices/SJ0001V/location', {
      token: staff,
      body: { ...near, latitude: 'north' },
    })
    await api('device with its location', 'GET', '/v1/staff/devices/SJ0001V', { token: staff })
  })

  it('merchant: receipts, orders, accounts, withdrawal, statistics, complaints, devices, staff invite', async () => {
    const merchant = await login('u_merchant')
    for (const groupBy of ['day', 'channel', 'device']) {
      await api(
        `receipts by ${groupBy}`,
        'GET',
        `/v1/merchant/receipts?from=2026-11-14&to=2026-11-20&groupBy=${groupBy}`,
        {
          token: merchant,
        },
      )
    }
    await api('merchant orders', 'GET', '/v1/merchant/orders?limit=5', { token: merchant })
    await api('merchant orders of a day', 'GET', '/v1/merchant/orders?date=2026-11-19&deviceCode=GZ0001A', {
      token: merchant,
    })
    const accounts = expectStatus(
      await api<{ items: { id: string; availableFen: number; minWithdrawFen: number }[] }>(
        'accounts',
        'GET',
        '/v1/merchant/accounts',
        { token: merchant },
      ),
      200,
      'accounts',
    )
    const account = accounts.items[0]
    if (account) {
      await api('withdraw', 'POST', '/v1/merchant/withdrawals', {
        token: merchant,
        body: { accountId: account.id, amountFen: account.minWithdrawFen },
      })
      await api('withdraw too much', 'POST', '/v1/merchant/withdrawals', {
        token: merchant,
        body: { accountId: account.id, amountFen: account.availableFen + 1_000_000 },
      })
      await api('withdrawals of an account', 'GET', `/v1/merchant/withdrawals?accountId=${account.id}`, {
        token: merchant,
      })
    }
    await api('withdrawals', 'GET', '/v1/merchant/withdrawals', { token: merchant })
    for (const range of ['today', '7d', '30d']) {
      await api(`statistics ${range}`, 'GET', `/v1/merchant/statistics?range=${range}`, { token: merchant })
    }
    await api('complaints', 'GET', '/v1/merchant/complaints', { token: merchant })
    await api('pending complaints', 'GET', '/v1/merchant/complaints?state=pending&limit=5', {
      token: merchant,
    })
    if (ids.complaint) {
      await api('approve complaint', 'POST', `/v1/merchant/complaints/${ids.complaint}/approval`, {
        token: merchant,
        body: {
          lines: [
            { productId: 'p_cola', qty: 0 },
            { productId: 'p_yogurt', qty: 1 },
          ],
          reply: '已核实，退还可乐的钱',
        },
      })
      await api('complaint resolved (shopper)', 'GET', `/v1/complaints/${ids.complaint}`, {
        token: ids.happy,
      })
      await api('refunded receipt', 'GET', `/v1/orders/${ids.order}`, { token: ids.happy })
    }
    if (ids.secondComplaint) {
      await api('reject complaint', 'POST', `/v1/merchant/complaints/${ids.secondComplaint}/rejection`, {
        token: merchant,
        body: { reply: '价格与柜子上标示一致' },
      })
    }
    await api('merchant devices', 'GET', '/v1/merchant/devices', { token: merchant })
    await api('set a cabinet deposit', 'POST', '/v1/merchant/devices/GZ0001A/deposit', {
      token: merchant,
      body: { depositFen: 5000 },
    })
    const invite = expectStatus(
      await api<{ inviteCode: string }>('staff invite', 'POST', '/v1/merchant/staff-invites', {
        token: merchant,
        body: { deviceCodes: ['GZ0001A'] },
      }),
      201,
      'invite',
    )
    const other = await login('u_other')
    await api('bind staff', 'POST', '/v1/staff/bindings', {
      token: other,
      body: { inviteCode: invite.inviteCode },
    })
  })

  it('merchant: blacklist a complaint’s shopper, a second block, a refusal, the list, unblock', async () => {
    const merchant = await login('u_merchant')
    const source = { kind: 'complaint', id: ids.complaint ?? 'cmp_0001' }
    const entry = expectStatus(
      await api<{ id: string }>('block shopper', 'POST', '/v1/merchant/blacklist', {
        token: merchant,
        body: { source, reason: '多次恶意投诉' },
      }),
      201,
      'block',
    )
    expectStatus(
      await api('block again', 'POST', '/v1/merchant/blacklist', {
        token: merchant,
        body: { source, reason: '多次恶意投诉' },
      }),
      200,
      'block again',
    )
    await api('block an unknown order', 'POST', '/v1/merchant/blacklist', {
      token: merchant,
      body: { source: { kind: 'order', id: 'O_UNKNOWN' }, reason: '恶意' },
    })
    await api('blacklist', 'GET', '/v1/merchant/blacklist?limit=5', { token: merchant })
    await api('unblock', 'POST', `/v1/merchant/blacklist/${entry.id}/removal`, { token: merchant })
    await api('unblock again', 'POST', `/v1/merchant/blacklist/${entry.id}/removal`, { token: merchant })
  })

  it('errors: missing token, unknown ids, someone else’s session, bad input, idempotency conflict', async () => {
    await api('me without a token', 'GET', '/v1/me')
    await api('unknown device', 'GET', '/v1/devices/ZZ9999Z/landing')
    await api('dead token', 'GET', '/v1/devices/GZ0001A/landing', { token: 'tok_dead' })
    await api('unknown order', 'GET', '/v1/orders/O_UNKNOWN', { token: ids.happy })
    const other = await login('u_other')
    const sessions = [...cloud.cloud.inspect().sessions.values()].filter((s) => s.userId === 'u_happy')
    const someone = sessions[sessions.length - 1]
    if (someone)
      await api('someone else’s session', 'GET', `/v1/door-sessions/${someone.id}`, { token: other })
    await api('bad complaint', 'POST', '/v1/complaints', {
      token: ids.happy,
      body: {
        orderId: ids.order,
        items: [{ productId: 'p_cola', kind: 'stolen' }],
        description: '',
        photoUploadIds: [],
      },
    })
    await api('bad limit', 'GET', '/v1/orders?limit=500', { token: ids.happy })
    const first = await api('fault report', 'POST', '/v1/fault-reports', {
      token: ids.happy,
      key: 'resp-conflict-0001',
      body: { deviceCode: 'GZ0001A', kind: 'other', description: '一' },
    })
    const replay = await api('fault report replayed', 'POST', '/v1/fault-reports', {
      token: ids.happy,
      key: 'resp-conflict-0001',
      body: { deviceCode: 'GZ0001A', kind: 'other', description: '一' },
    })
    expect(replay).toEqual(first)
    const conflict = await api('fault report conflict', 'POST', '/v1/fault-reports', {
      token: ids.happy,
      key: 'resp-conflict-0001',
      body: { deviceCode: 'GZ0001A', kind: 'other', description: '二' },
    })
    expect([conflict.status, (conflict.body as { code?: string }).code]).toEqual([
      409,
      'IDEMPOTENCY_CONFLICT',
    ])
  })

  it('messages: the message centre, a read mark, the templates and the answers to a subscribe prompt', async () => {
    const page = await api<{ items: { id: string }[] }>('messages', 'GET', '/v1/messages?limit=5', {
      token: ids.happy,
    })
    const first = page.body.items[0]
    expect(first).toBeDefined()
    await api('message read', 'POST', `/v1/messages/${first?.id ?? ''}/read`, { token: ids.happy })
    await api('someone else’s message', 'POST', `/v1/messages/${first?.id ?? ''}/read`, {
      token: await login('u_other'),
    })
    const templates = await api<{ items: { templateId: string }[] }>(
      'subscribe templates',
      'GET',
      '/v1/messages/subscriptions?platform=weapp',
      { token: ids.happy },
    )
    await api('subscribe answers', 'POST', '/v1/messages/subscriptions', {
      token: ids.happy,
      body: {
        platform: 'weapp',
        answers: [{ templateId: templates.body.items[0]?.templateId ?? '', answer: 'accept', keep: false }],
      },
    })
    await api('unknown template', 'POST', '/v1/messages/subscriptions', {
      token: ids.happy,
      body: { platform: 'weapp', answers: [{ templateId: 'tmpl-none', answer: 'accept', keep: false }] },
    })
  })

  it('validates every answer against the contract', () => {
    // The flow above exercises the whole contract except the stream (see server.test.ts).
    const exercised = new Set(seen.map((s) => s.operationId))
    const missing = loadContract()
      .operations.map((op) => op.operationId)
      .filter((id) => id !== 'openStream' && !exercised.has(id))
    expect(missing).toEqual([])
    const violations = seen.flatMap(check)
    expect(describeViolations(violations)).toBe('')
  })
})
