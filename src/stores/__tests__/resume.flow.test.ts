/**
 * Never strand a shopper (DESIGN §7): a phone that is killed, reinstalled or loses its answers finds its user
 * again through the cloud. Each "phone" here is a store over its own storage; a kill keeps the storage, a
 * reinstall starts from empty storage with the same user. Requests are read on the wire, so a test proves
 * what the phone sent, not only what the emulator ended up with.
 */
import { http, HttpResponse } from 'msw'
import { resetCloudClock } from '@/api/cloudClock'
import { configureTransport } from '@/api/transport'
import { AppError } from '@/domain/errors'
import { platform } from '@/platform'
import { QUICK_AND_STILL, setupCloudForJest, type JestCloud } from '../../../mock/hosts/node'
import { recordRequests, type SentRequest } from '../../../mock/hosts/wire'
import type { SystemClock } from '../../../mock/model/clock'
import { createAppStore, PERSIST_KEY } from '../createAppStore'
import { fakePorts } from './helpers/fakeStream'
import { memoryStorage } from './helpers/memoryStorage'

const GZ = { kind: 'scan' as const, text: 'https://qr.kaimengui.cn/c/GZ0001A' }

type Cloud = JestCloud<SystemClock>
let h: Cloud & { sent: () => Promise<SentRequest[]> }
const phones: { leave: () => void }[] = []

function startCloud(scenario: string, settings = {}) {
  const jest$ = setupCloudForJest({
    scenario,
    clock: 'system',
    settings: { ...QUICK_AND_STILL, ...settings },
  })
  const sent = recordRequests(jest$.server)
  jest$.server.listen({ onUnhandledRequest: 'error' })
  h = Object.assign(jest$, { sent })
  return h
}

/** A phone of `userId`; `storage` is what survived (a kill) or nothing (a first start, a reinstall). */
function phone(userId: string, storage = new Map<string, string>()) {
  const store = createAppStore(memoryStorage(storage), fakePorts())
  configureTransport({
    baseUrl: 'http://cloud.test',
    getToken: () => store.getState().token,
    relogin: async () => {
      const token = h.tokenFor(userId)
      store.setState({ token })
      return token
    },
    defaultTimeoutMs: 3000,
  })
  const leave = () => store.getState().leaveSession()
  phones.push({ leave })
  return {
    store,
    /** The app is killed: its storage is what the next launch finds. */
    kill: () => {
      const kept = new Map(storage)
      leave()
      return kept
    },
  }
}

const waitFor = async (check: () => boolean, timeoutMs = 8_000) => {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The door sessions of this test (the scenario's seeded history left out). */
const sessionsOf = (userId: string) =>
  [...h.cloud.inspect().sessions.values()].filter(
    (s) => s.userId === userId && !s.intentId.startsWith('seed-') && !s.intentId.startsWith('fixture-'),
  )

beforeEach(() => resetCloudClock())
afterEach(() => {
  phones.splice(0).forEach((p) => p.leave())
  h?.server.close()
  jest.restoreAllMocks()
})

describe.each([
  ['killed (storage kept)', true],
  ['reinstalled (storage empty)', false],
])('a phone %s', (_name, keepsStorage) => {
  const relaunch = (userId: string, kept: Map<string, string>) =>
    phone(userId, keepsStorage ? kept : new Map())

  test('with the door open and goods taken rejoins the live cart; the timer counts from the cloud’s openedAt', async () => {
    startCloud('happy')
    const first = phone('u_happy')
    await first.store.getState().openCabinetFrom(GZ)
    first.store.getState().openDoor(1)
    await waitFor(() => first.store.getState().door.log?.session.state === 'open')
    const sessionId = first.store.getState().door.log!.session.id
    h.control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 2 })
    await new Promise((r) => setTimeout(r, 1_500))

    const { store } = relaunch('u_happy', first.kill())
    const outcome = await store.getState().resumeActive()

    expect(outcome).toEqual({ answered: true, target: { page: 'shopping' } })
    const { door, cabinet } = store.getState()
    expect(door.log?.session).toMatchObject({ id: sessionId, state: 'open' })
    expect(door.log?.session.cart.lines).toEqual([expect.objectContaining({ productId: 'p_cola', qty: 2 })])
    expect(cabinet.deviceCode).toBe('GZ0001A')
    // The emulator's clock is two weeks off the phone's: only the measured skew makes this ~1.5 s.
    const openedFor = Date.now() - door.openedAtLocal!
    expect(openedFor).toBeGreaterThan(900)
    expect(openedFor).toBeLessThan(3_500)

    h.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
    await waitFor(() => store.getState().door.receipt !== null)
    expect(store.getState().door.receipt!.lines).toEqual([
      expect.objectContaining({ productId: 'p_cola', qty: 2 }),
    ])
    expect(sessionsOf('u_happy')).toHaveLength(1)
    expect((await h.sent()).filter((s) => s.call === 'POST /v1/door-sessions')).toHaveLength(1)
  })

  test('while the door settles goes to 结算中 and then the one receipt', async () => {
    startCloud('happy', { settlementDelayMs: 1_500 })
    const first = phone('u_happy')
    await first.store.getState().openCabinetFrom(GZ)
    first.store.getState().openDoor(1)
    await waitFor(() => first.store.getState().door.log?.session.state === 'open')
    h.control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 1 })
    h.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })

    const { store } = relaunch('u_happy', first.kill())
    expect((await store.getState().resumeActive()).target).toEqual({ page: 'shopping' })
    expect(store.getState().door.log?.session.state).toBe('closed')
    await waitFor(() => store.getState().door.receipt !== null)
    expect(h.cloud.inspect().orders.size).toBeGreaterThan(0)
    expect(sessionsOf('u_happy').map((s) => s.state)).toEqual(['settled'])
  })

  test('with a Pay Score authorization pending goes to 确认中 and takes the cloud’s answer', async () => {
    startCloud('first_time')
    h.cloud.bindPhone('u_first', { platform: 'weapp', code: 'phone:13912345678' })
    const first = phone('u_first')
    await first.store.getState().openCabinetFrom(GZ)
    // The platform page is up when the phone kills the app: its callback never comes back.
    jest.spyOn(platform, 'authorizeCredit').mockImplementation(() => new Promise(() => undefined))
    void first.store.getState().startCredit('wxpay_score_enable')
    await waitFor(() => first.store.getState().credit.pendingAuthorizationId !== null)

    const { store } = relaunch('u_first', first.kill())
    expect((await store.getState().resumeActive()).target).toEqual({ page: 'credit' })
    expect(store.getState().credit.phase).toBe('confirming')
    expect(store.getState().cabinet.deviceCode).toBe('GZ0001A')
    h.control.credit({ outcome: 'authorized' })
    await waitFor(() => store.getState().credit.phase === 'authorized')
    await waitFor(() => store.getState().cabinet.landing?.gate.mayOpen === true)
  })

  test('with a payment pending goes to the cabinet, 支付确认中, and the gate clears on the cloud’s word', async () => {
    startCloud('unpaid_order')
    const first = phone('u_happy')
    await first.store.getState().openCabinetFrom(GZ)
    const unpaid = first.store.getState().cabinet.landing!.gate.reasons[0]!.unpaidOrder!
    jest.spyOn(platform, 'pay').mockImplementation(() => new Promise(() => undefined))
    void first.store.getState().payOrder(unpaid.orderId)
    await waitFor(() => h.cloud.getActiveState('u_happy').payment !== null)

    const { store } = relaunch('u_happy', first.kill())
    expect((await store.getState().resumeActive()).target).toEqual({ page: 'cabinet' })
    expect(store.getState().payment).toMatchObject({ phase: 'confirming', orderId: unpaid.orderId })
    h.control.payment({ outcome: 'succeeded' })
    await waitFor(() => store.getState().payment.phase === 'succeeded')
    await waitFor(() => store.getState().cabinet.landing?.gate.mayOpen === true)
    expect((await h.sent()).filter((s) => s.call.startsWith('POST /v1/orders/'))).toHaveLength(1)
  })

  test('of a restocker with a restock open points to that restock session', async () => {
    startCloud('restocker')
    const rs = h.cloud.openRestockSession('u_staff', { deviceCode: 'GZ0001A', intentId: 'restock-kill-0001' })
    const { store } = relaunch('u_staff', new Map())
    expect((await store.getState().resumeActive()).target).toEqual({
      page: 'restock',
      deviceCode: 'GZ0001A',
      sessionId: rs.id,
    })
  })
})

test('a session that ended while the app was dead shows its ending once, from the kept hint', async () => {
  startCloud('happy')
  const first = phone('u_happy')
  await first.store.getState().openCabinetFrom(GZ)
  first.store.getState().openDoor(1)
  await waitFor(() => first.store.getState().door.log?.session.state === 'open')
  const kept = first.kill()
  h.control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_water', qty: 1 })
  h.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
  await waitFor(() => sessionsOf('u_happy')[0]?.state === 'settled')

  const { store } = phone('u_happy', kept)
  expect((await store.getState().resumeActive()).target).toEqual({ page: 'shopping' })
  await waitFor(() => store.getState().door.receipt !== null)
  // 完成 forgets it: the next launch has nothing to show.
  store.getState().leaveSession()
  expect((await store.getState().resumeActive()).target).toBeNull()
})

test('a garbled hint in storage is ignored, never followed', async () => {
  startCloud('happy')
  const storage = new Map([
    [
      PERSIST_KEY,
      JSON.stringify({ state: { doorHint: { sessionId: '../../v1/orders', deviceCode: 7 } }, version: 1 }),
    ],
  ])
  const { store } = phone('u_happy', storage)
  expect(await store.getState().resumeActive()).toEqual({ answered: true, target: null })
  const calls = (await h.sent()).map((s) => s.call)
  expect(calls.filter((c) => c.startsWith('GET /v1/door-sessions'))).toEqual([])
  expect(store.getState().door.log).toBeNull()
})

// The cloud answers another user's session exactly like a missing one (no existence oracle), so the phone
// cannot tell them apart: the session is not followed, the hint is dropped, the cabinet says it is gone.
test('a hint naming another user’s session is not followed and is dropped, like a session gone', async () => {
  startCloud('happy')
  const theirs = h.cloud.openDoor('u_other', {
    deviceCode: 'GZ0001A',
    intentId: 'intent-other-0001',
    mode: 'shop',
  })
  const storage = new Map([
    [
      PERSIST_KEY,
      JSON.stringify({ state: { doorHint: { sessionId: theirs.id, deviceCode: 'GZ0001A' } }, version: 1 }),
    ],
  ])
  const { store } = phone('u_happy', storage)
  expect((await store.getState().resumeActive()).target).toEqual({ page: 'cabinet' })
  expect(store.getState().door.log).toBeNull()
  expect(store.getState().doorHint).toBeNull()
  expect(store.getState().notice?.message).toBe('上次的购物记录已失效，可重新开门')
})

test('a session the cloud no longer knows leads back to the cabinet page with a message', async () => {
  startCloud('happy')
  const storage = new Map([
    [
      PERSIST_KEY,
      JSON.stringify({
        state: { doorHint: { sessionId: 'sess_gone_0001', deviceCode: 'GZ0001A' } },
        version: 1,
      }),
    ],
  ])
  const { store } = phone('u_happy', storage)
  expect((await store.getState().resumeActive()).target).toEqual({ page: 'cabinet' })
  expect(store.getState().notice?.code).toBe('SESSION_NOT_FOUND')
  expect(store.getState().cabinet.deviceCode).toBe('GZ0001A')
  expect(store.getState().door.log).toBeNull()
})

describe('lost answers', () => {
  /** The state the 开门 button is left in when every answer was lost until the 20 s deadline. */
  function lostUntilTheDeadline(
    store: ReturnType<typeof phone>['store'],
    request: { deviceCode: string; doorNo: 1 | 2; intentId: string },
  ) {
    store.setState((s) => ({
      door: { ...s.door, request, requesting: false, error: new AppError('OPEN_UNCONFIRMED') },
    }))
  }

  test('重试 resends the very same request (door included) and reaches the door that opened', async () => {
    startCloud('dual_door')
    const { store } = phone('u_happy')
    await store.getState().openCabinetFrom({ kind: 'scan', text: 'https://qr.kaimengui.cn/c/SM0002D' })
    const request = { deviceCode: 'SM0002D', doorNo: 2 as const, intentId: 'intent-lost-0001' }
    // The cloud opened door 2 for that tap; none of its answers reached the phone.
    const opened = h.cloud.openDoor('u_happy', { ...request, mode: 'shop' })
    lostUntilTheDeadline(store, request)

    expect(store.getState().retryOpen()).toBe(true)
    await waitFor(() => store.getState().door.log?.session.state === 'open')

    const opens = (await h.sent()).filter((s) => s.call === 'POST /v1/door-sessions')
    expect(opens).toEqual([
      { call: 'POST /v1/door-sessions', key: request.intentId, body: { ...request, mode: 'shop' } },
    ])
    expect(store.getState().door.log?.session.id).toBe(opened.id)
    expect(sessionsOf('u_happy')).toHaveLength(1)
  })

  test('without a tap, the phone asks the cloud in the background and follows the door that opened', async () => {
    startCloud('happy')
    const { store } = phone('u_happy')
    await store.getState().openCabinetFrom(GZ)
    const request = { deviceCode: 'GZ0001A', doorNo: 1 as const, intentId: 'intent-lost-0002' }
    const opened = h.cloud.openDoor('u_happy', { ...request, mode: 'shop' })
    lostUntilTheDeadline(store, request)

    await store.getState().recoverAfterLostAnswer()
    await waitFor(() => store.getState().door.log?.session.state === 'open')
    expect(store.getState().door.log?.session.id).toBe(opened.id)
    expect(store.getState().door.error).toBeNull()
    // Only questions: a background recovery never sends an open that could unlock a door unattended.
    expect((await h.sent()).filter((s) => s.call === 'POST /v1/door-sessions')).toEqual([])
  })

  test('a new tap while the shopper’s door is open elsewhere follows that door: no second session', async () => {
    startCloud('happy')
    const { store } = phone('u_happy')
    await store.getState().openCabinetFrom(GZ)
    const earlier = h.cloud.openDoor('u_happy', {
      deviceCode: 'GZ0001A',
      intentId: 'intent-phone-0001',
      mode: 'shop',
    })

    expect(store.getState().openDoor(1)).toBe(true)
    await waitFor(() => store.getState().door.log?.session.id === earlier.id)
    expect((await h.sent()).filter((s) => s.call === 'POST /v1/door-sessions')).toHaveLength(1)
    expect(sessionsOf('u_happy')).toHaveLength(1)
  })

  test('after close, a lost receipt answer is asked again without a tap', async () => {
    startCloud('happy')
    const { store } = phone('u_happy')
    await store.getState().openCabinetFrom(GZ)
    store.getState().openDoor(1)
    await waitFor(() => store.getState().door.log?.session.state === 'open')
    h.control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_cola', qty: 1 })
    await waitFor(() => store.getState().door.log?.session.cart.lines.length === 1)
    // The next two receipt reads get no answer (the network drops right after the door closes).
    const lost = () => HttpResponse.error()
    h.server.use(
      http.get('*/v1/orders/:orderId', lost, { once: true }),
      http.get('*/v1/orders/:orderId', lost, { once: true }),
    )
    h.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
    let sawError = false
    const off = store.subscribe((s) => {
      if (s.door.receiptError) sawError = true
    })
    await waitFor(() => store.getState().door.receipt !== null, 15_000)
    off()
    expect(sawError).toBe(false)
    const receiptReads = (await h.sent()).filter((s) => s.call.startsWith('GET /v1/orders/'))
    expect(receiptReads.length).toBe(3)
  })
})

describe('what the shopper backed out of is not brought back', () => {
  test('a Pay Score page the shopper cancelled: the next show does not pull them into 确认中', async () => {
    startCloud('first_time')
    h.cloud.bindPhone('u_first', { platform: 'weapp', code: 'phone:13912345678' })
    const { store } = phone('u_first')
    await store.getState().openCabinetFrom(GZ)
    jest.spyOn(platform, 'authorizeCredit').mockResolvedValue({ outcome: 'cancelled' })
    await store.getState().startCredit('wxpay_score_enable')
    expect(store.getState().credit.phase).toBe('cancelled')
    // The platform never tells the cloud about a cancel: the attempt stays pending there until it expires.
    expect(h.cloud.getActiveState('u_first').creditAuthorization).not.toBeNull()

    expect((await store.getState().resumeActive()).target).toBeNull()
    expect(store.getState().credit.phase).toBe('cancelled')
  })

  test('a cashier the shopper closed: the next show does not pull them into 支付确认中', async () => {
    startCloud('unpaid_order')
    const { store } = phone('u_happy')
    await store.getState().openCabinetFrom(GZ)
    const unpaid = store.getState().cabinet.landing!.gate.reasons[0]!.unpaidOrder!
    jest.spyOn(platform, 'pay').mockResolvedValue({ outcome: 'cancelled' })
    expect(await store.getState().payOrder(unpaid.orderId)).toBe(false)
    expect(h.cloud.getActiveState('u_happy').payment).not.toBeNull()

    expect((await store.getState().resumeActive()).target).toBeNull()
    expect(store.getState().payment.phase).toBe('failed')
  })
})

test('the cabinet page of a shopper whose door is open says 回到购物, and that step follows the door', async () => {
  startCloud('happy')
  const { store } = phone('u_happy')
  const open = h.cloud.openDoor('u_happy', {
    deviceCode: 'GZ0001A',
    intentId: 'intent-phone-0002',
    mode: 'shop',
  })
  await store.getState().openCabinetFrom({ kind: 'scan', text: 'https://qr.kaimengui.cn/c/SM0002D' })
  const reason = store.getState().cabinet.landing!.gate.reasons[0]!
  expect(reason).toMatchObject({ code: 'SESSION_ACTIVE', session: { id: open.id, deviceCode: 'GZ0001A' } })

  await store.getState().performNextStep('resume')
  expect(store.getState().door.log?.session.id).toBe(open.id)
  expect((await h.sent()).filter((s) => s.call === 'POST /v1/door-sessions')).toEqual([])
})
