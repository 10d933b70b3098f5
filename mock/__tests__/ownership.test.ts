/**
 * @jest-environment node
 */
import { installCloudInJest } from '../hosts/node'

// Over HTTP, another user's order, complaint, door or restock session, payment or credit authorization
// answers exactly as an id nobody has: the same status and the same body, so ids cannot be probed.
const cloud = installCloudInJest({ scenario: 'happy' })
let keySeq = 0

interface Answer {
  status: number
  body: unknown
}

async function call(userId: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { Authorization: `Bearer ${cloud.tokenFor(userId)}` }
  if (method !== 'GET') {
    keySeq += 1
    headers['Idempotency-Key'] = `ownership-${String(keySeq).padStart(4, '0')}`
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`http://cloud.test${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as unknown }
}

beforeEach(() => cloud.control.scenario({ name: 'happy' }))

/** The same request about the other user's object and about a missing one; both answers. */
async function probe(
  caller: string,
  ask: (id: string) => [method: string, path: string, body?: unknown],
  theirs: string,
): Promise<{ theirs: Answer; missing: Answer }> {
  return {
    theirs: await call(caller, ...ask(theirs)),
    missing: await call(caller, ...ask(`${theirs}x`)),
  }
}

test('a shopper’s order, complaint, door session and authorization read as missing to another shopper', async () => {
  const model = cloud.cloud
  const orderId = model.scenario.refs.recentOrderId ?? ''
  const productId = model.getOrder('u_happy', orderId).lines[0]?.productId ?? ''
  const complaint = model.createComplaint('u_happy', {
    orderId,
    items: [{ productId, kind: 'not_taken' }],
    description: '',
    photoUploadIds: [],
  })
  const session = model.openDoor('u_happy', {
    deviceCode: 'GZ0001A',
    intentId: 'intent-own-0001',
    mode: 'shop',
  })
  const auth = model.startCreditAuthorization('u_first', {
    method: 'wxpay_score_enable',
    deviceCode: 'GZ0001A',
  })

  const complaintOn = (id: string) => ({
    orderId: id,
    items: [{ productId, kind: 'not_taken' }],
    description: '不是我买的',
    photoUploadIds: [],
  })
  const cases: [string, (id: string) => [string, string, unknown?], string][] = [
    ['getOrder', (id) => ['GET', `/v1/orders/${id}`], orderId],
    ['payOrder', (id) => ['POST', `/v1/orders/${id}/payments`, { platform: 'weapp' }], orderId],
    ['createComplaint', (id) => ['POST', '/v1/complaints', complaintOn(id)], orderId],
    ['getComplaint', (id) => ['GET', `/v1/complaints/${id}`], complaint.id],
    ['getDoorSession', (id) => ['GET', `/v1/door-sessions/${id}`], session.id],
    ['listDoorSessionEvents', (id) => ['GET', `/v1/door-sessions/${id}/events`], session.id],
    [
      'objectToCartLine',
      (id) => ['POST', `/v1/door-sessions/${id}/objections`, { productId: 'p_cola' }],
      session.id,
    ],
    [
      'createFaultReport',
      (id) => [
        'POST',
        '/v1/fault-reports',
        { deviceCode: 'GZ0001A', kind: 'other', description: '', sessionId: id },
      ],
      session.id,
    ],
    ['getCreditAuthorization', (id) => ['GET', `/v1/credit/authorizations/${id}`], auth.id],
  ]
  const differ: string[] = []
  for (const [what, ask, id] of cases) {
    const { theirs, missing } = await probe('u_other', ask, id)
    if (theirs.status >= 500 || theirs.status < 400 || JSON.stringify(theirs) !== JSON.stringify(missing))
      differ.push(`${what}: theirs ${JSON.stringify(theirs)}, missing ${JSON.stringify(missing)}`)
  }
  expect(differ).toEqual([])
  // Not a single one of the other shopper's requests did anything.
  expect(model.listComplaints('u_other').items).toEqual([])
  expect(model.inspect().faultReports.size).toBe(0)
})

test('a restock session reads as missing to another restocker of the same cabinet', async () => {
  const model = cloud.cloud
  model.bindStaff('u_other', {
    inviteCode: model.createStaffInvite('u_merchant', { deviceCodes: ['GZ0001A'] }).inviteCode,
  })
  const rs = model.openRestockSession('u_staff', { deviceCode: 'GZ0001A', intentId: 'intent-own-rs-01' })
  cloud.clock.advance(model.settings().doorDelayMs)
  model.closeDoor('GZ0001A', 1)
  const cases: [string, (id: string) => [string, string, unknown?]][] = [
    ['getRestockSession', (id) => ['GET', `/v1/staff/restock-sessions/${id}`]],
    ['confirmRestockSession', (id) => ['POST', `/v1/staff/restock-sessions/${id}/confirm`, { lines: [] }]],
  ]
  for (const [what, ask] of cases) {
    const { theirs, missing } = await probe('u_other', ask, rs.id)
    expect([what, theirs]).toEqual([what, missing])
    expect([what, theirs.status]).toEqual([what, 404])
  }
  expect(model.getRestockSession('u_staff', rs.id).state).toBe('closed')
})

test('a payment reads as missing to another shopper', async () => {
  cloud.control.scenario({ name: 'unpaid_order' })
  const orderId = cloud.cloud.scenario.refs.unpaidOrderId ?? ''
  const payment = cloud.cloud.payOrder('u_happy', orderId, { platform: 'weapp' })
  const { theirs, missing } = await probe('u_other', (id) => ['GET', `/v1/payments/${id}`], payment.id)
  expect(theirs).toEqual(missing)
  expect(theirs.status).toBe(404)
})
