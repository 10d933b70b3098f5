/**
 * The shopper's path through the real store against the emulated cloud (msw in Node, real time): the same
 * handlers and rules the browser demo runs, so these are the journeys minus the pixels.
 */
import { configureTransport } from '@/api/transport'
import type { SessionEvent } from '@/api/types'
import { formatFenPlain } from '@/domain/money'
import { platform } from '@/platform'
import { QUICK_AND_STILL, setupCloudForJest } from '../../../mock/hosts/node'
import { createAppStore } from '../createAppStore'
import { fakePorts } from './helpers/fakeStream'

const QR = { kind: 'scan' as const, text: 'https://qr.kaimengui.cn/c/GZ0001A' }

function harness(scenario: string, userId = 'u_happy') {
  const jest$ = setupCloudForJest({
    scenario,
    clock: 'system',
    settings: QUICK_AND_STILL,
  })
  const ports = fakePorts()
  const store = createAppStore(platform.storage, ports)
  let logins = 0
  configureTransport({
    baseUrl: 'http://cloud.test',
    getToken: () => store.getState().token,
    relogin: async () => {
      logins++
      const token = jest$.tokenFor(userId)
      store.setState({ token })
      return token
    },
    defaultTimeoutMs: 3000,
  })
  return { ...jest$, store, ports, logins: () => logins }
}

const waitFor = async (check: () => boolean, timeoutMs = 10_000) => {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

let h: ReturnType<typeof harness>
afterEach(() => {
  h?.store.getState().leaveSession()
  h?.server.close()
  jest.restoreAllMocks()
})

function start(scenario: string, userId?: string) {
  h = harness(scenario, userId)
  h.server.listen({ onUnhandledRequest: 'error' })
  return h
}

const sessionsOf = (userId: string) =>
  [...h.cloud.inspect().sessions.values()].filter((s) => s.userId === userId)

test('a cleared shopper opens, takes two, returns one, closes and gets the cloud receipt', async () => {
  const { store, control } = start('happy')
  await store.getState().openCabinetFrom(QR)
  expect(store.getState().cabinet.landing?.gate.mayOpen).toBe(true)

  await store.getState().openDoor(1)
  await waitFor(() => store.getState().door.log?.session.state === 'open')
  const productId = store.getState().cabinet.landing!.goods.find((g) => g.stock > 2)!.productId
  control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId, qty: 2 })
  control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId, qty: 1 })
  // The socket is down in this test, so the cart arrives through the one-second polling fallback.
  await waitFor(() => store.getState().door.log?.session.cart.lines[0]?.qty === 1, 10_000)
  const events = store.getState().door.log!.events.map((e) => e.kind)
  expect(events).toEqual(expect.arrayContaining(['taken', 'returned']))

  control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
  await waitFor(() => store.getState().door.receipt !== null, 10_000)
  const { receipt, log } = store.getState().door
  const cloudReceipt = h.cloud.getOrder('u_happy', log!.session.orderId!)
  expect(receipt!.totalFen).toBe(cloudReceipt.totalFen)
  expect(receipt!.totalFen).toBeGreaterThan(0)
  expect(receipt!.lines).toEqual([expect.objectContaining({ productId, qty: 1 })])
  expect(receipt!.doorClosedAt).toBeTruthy()
})

test('elder mode says the amount paid once, however often the receipt is read again', async () => {
  const { store, control } = start('happy')
  const speak = jest.spyOn(platform, 'speak').mockReturnValue(true)
  store.setState({ elderMode: true })
  await store.getState().openCabinetFrom(QR)
  await store.getState().openDoor(1)
  await waitFor(() => store.getState().door.log?.session.state === 'open')
  const productId = store.getState().cabinet.landing!.goods.find((g) => g.stock > 0)!.productId
  control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId, qty: 1 })
  await waitFor(() => store.getState().door.log?.session.cart.lines.length === 1, 10_000)
  control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
  await waitFor(() => store.getState().door.receipt !== null, 10_000)
  await store.getState().loadReceipt()
  const paid = speak.mock.calls.filter(([text]) => text.startsWith('支付成功'))
  expect(paid).toEqual([[`支付成功，本次支付${formatFenPlain(store.getState().door.receipt!.totalFen)}元`]])
})

test('a double tap on 开门 makes one door session', async () => {
  const { store } = start('happy')
  await store.getState().openCabinetFrom(QR)
  await Promise.all([
    store.getState().openDoor(1),
    store.getState().openDoor(1),
    store.getState().openDoor(1),
  ])
  await waitFor(() => store.getState().door.log?.session.state === 'open')
  expect(sessionsOf('u_happy').filter((s) => s.state === 'open')).toHaveLength(1)
})

test('a dropped response is retried with the same intent: still one door session', async () => {
  const { store, control } = start('happy')
  await store.getState().openCabinetFrom(QR)
  const before = sessionsOf('u_happy').length
  control.network({ dropResponses: 1 })
  await store.getState().openDoor(1)
  await waitFor(() => store.getState().door.log?.session.state === 'open')
  expect(sessionsOf('u_happy').length - before).toBe(1)
})

test('socket events out of order and twice are applied once each, in sequence order', async () => {
  const { store, control, ports } = start('happy')
  await store.getState().openCabinetFrom(QR)
  await store.getState().openDoor(1)
  await waitFor(() => store.getState().door.log?.session.state === 'open')
  const session = store.getState().door.log!.session
  const productId = store.getState().cabinet.landing!.goods.find((g) => g.stock > 3)!.productId
  for (let i = 0; i < 3; i++) control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId, qty: 1 })
  const cloudEvents = h.cloud.listDoorSessionEvents('u_happy', session.id, session.seq)
    .items as SessionEvent[]
  ports.stream.setStatus('open')
  const [a, b, c] = cloudEvents
  for (const e of [c!, a!, a!, b!, c!]) ports.stream.push({ ...e, sessionId: session.id })
  const log = store.getState().door.log!
  expect(log.events.filter((e) => e.seq > session.seq).map((e) => e.seq)).toEqual([a!.seq, b!.seq, c!.seq])
  expect(log.session.cart.lines[0]?.qty).toBe(3)
})

test('nothing taken ends as 本次未购物 with no order', async () => {
  const { store, control } = start('happy')
  await store.getState().openCabinetFrom(QR)
  await store.getState().openDoor(1)
  await waitFor(() => store.getState().door.log?.session.state === 'open')
  control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
  await waitFor(() => store.getState().door.log?.session.state === 'empty', 10_000)
  expect(store.getState().door.log?.session.orderId).toBeNull()
})

test('an unpaid order is paid in-app, confirmed by the cloud, and the gate clears', async () => {
  const { store, control } = start('unpaid_order')
  await store.getState().openCabinetFrom(QR)
  const reason = store.getState().cabinet.landing!.gate.reasons[0]!
  expect(reason.code).toBe('UNPAID_ORDER')
  jest.spyOn(platform, 'pay').mockImplementation(async () => {
    setTimeout(() => control.payment({ outcome: 'succeeded' }), 50)
    return { outcome: 'returned' }
  })
  await expect(store.getState().payOrder(reason.unpaidOrder!.orderId)).resolves.toBe(true)
  expect(store.getState().cabinet.landing!.gate.mayOpen).toBe(true)
})

test('the client result of the credit page is never proof: the app confirms with the cloud, once', async () => {
  const { store, control } = start('credit_rejected')
  await store.getState().openCabinetFrom(QR)
  // credit_rejected: the offer still lists what this user may try; grant the next attempt in the cloud.
  h.cloud.inspect().users.get('u_happy')!.credit = { wechat: { eligible: true }, alipay: { eligible: true } }
  await store.getState().refreshCabinet()
  const method = store.getState().cabinet.landing!.gate.credit!.methods[0]!.method
  let gets = 0
  h.server.events.on('request:start', ({ request }) => {
    if (request.url.includes('/v1/credit/authorizations/')) gets++
  })
  jest.spyOn(platform, 'authorizeCredit').mockImplementation(async () => {
    setTimeout(() => control.credit({ outcome: 'authorized' }), 1500)
    return { outcome: 'returned' }
  })
  const started = store.getState().startCredit(method)
  await waitFor(() => store.getState().credit.phase === 'confirming')
  // The platform returns through its callback and app show fires twice more: one confirmation poll.
  await Promise.all([store.getState().confirmCredit(), store.getState().confirmCredit(), started])
  expect(store.getState().credit.phase).toBe('authorized')
  expect(gets).toBeLessThanOrEqual(4)
  await waitFor(() => store.getState().cabinet.landing!.gate.mayOpen)
})

test('a double tap on a credit method starts one authorization: one request, one platform page', async () => {
  const { store } = start('credit_rejected')
  await store.getState().openCabinetFrom(QR)
  expect(store.getState().cabinet.landing!.gate.credit!.methods[0]!.method).toBe('wxpay_contract')
  const starts: string[] = []
  h.server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && request.url.endsWith('/v1/credit/authorizations'))
      starts.push(request.url)
  })
  const pages = jest.spyOn(platform, 'authorizeCredit').mockResolvedValue({ outcome: 'returned' })
  const taps = [
    store.getState().startCredit('wxpay_contract'),
    store.getState().startCredit('wxpay_contract'),
    store.getState().startCredit('wxpay_deposit'),
  ]
  await waitFor(() => store.getState().credit.phase === 'confirming')
  h.control.credit({ outcome: 'authorized' })
  await Promise.all(taps)
  expect(store.getState().credit.phase).toBe('authorized')
  await waitFor(() => store.getState().cabinet.landing?.gate.mayOpen === true)
  expect(starts).toHaveLength(1)
  expect(pages).toHaveBeenCalledTimes(1)
})

test('a cancel from the signing page (Alipay 6001 after signing) waits for the cloud before calling it cancelled', async () => {
  const { store, control } = start('first_time', 'u_first')
  h.cloud.bindPhone('u_first', { platform: 'weapp', code: 'phone:13912345678' })
  await store.getState().openCabinetFrom(QR)
  jest.spyOn(platform, 'authorizeCredit').mockImplementation(async () => {
    // The platform tells the cloud it was signed a moment after the page reported 6001.
    setTimeout(() => control.credit({ outcome: 'authorized' }), 800)
    return { outcome: 'cancelled', detail: '6001' }
  })
  await store.getState().startCredit('wxpay_contract')
  expect(store.getState().credit.phase).toBe('authorized')
  await waitFor(() => store.getState().cabinet.landing?.gate.mayOpen === true)
})

test('a real cancel is a cancel once the cloud has had its few seconds', async () => {
  const { store } = start('first_time', 'u_first')
  h.cloud.bindPhone('u_first', { platform: 'weapp', code: 'phone:13912345678' })
  await store.getState().openCabinetFrom(QR)
  jest.spyOn(platform, 'authorizeCredit').mockResolvedValue({ outcome: 'cancelled', detail: '6001' })
  await store.getState().startCredit('wxpay_contract')
  expect(store.getState().credit).toMatchObject({ phase: 'cancelled', error: { code: 'PLATFORM_CANCELLED' } })
})
