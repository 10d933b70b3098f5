/**
 * The guards of the 开门 button, proven on the wire: the emulator refuses a second door session by its own
 * rules, so counting sessions would hide a missing guard. These tests count the open requests the phone
 * sends and read their Idempotency-Key and body instead.
 */
import { configureTransport } from '@/api/transport'
import { setupCloudForJest } from '../../../mock/hosts/node'
import { recordRequests } from '../../../mock/hosts/wire'
import { createAppStore } from '../createAppStore'
import { fakePorts } from './helpers/fakeStream'
import { memoryStorage } from './helpers/memoryStorage'

const QR = { kind: 'scan' as const, text: 'https://qr.kaimengui.cn/c/GZ0001A' }
const OPEN_DOOR = 'POST /v1/door-sessions'

function harness(userId = 'u_happy') {
  const jest$ = setupCloudForJest({
    scenario: 'happy',
    clock: 'system',
    settings: { doorDelayMs: 30, settlementDelayMs: 30 },
  })
  const sentSoFar = recordRequests(jest$.server)
  const store = createAppStore(memoryStorage(), fakePorts())
  configureTransport({
    baseUrl: 'http://cloud.test',
    getToken: () => store.getState().token,
    relogin: async () => {
      const token = jest$.tokenFor(userId)
      store.setState({ token })
      return token
    },
    defaultTimeoutMs: 3000,
  })
  jest$.server.listen({ onUnhandledRequest: 'error' })
  return {
    ...jest$,
    store,
    /** The requests of one operation sent so far, in order. */
    sent: async (call: string) => (await sentSoFar()).filter((r) => r.call === call),
  }
}

const waitFor = async (check: () => boolean, what: string, timeoutMs = 10_000) => {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

let h: ReturnType<typeof harness>
afterEach(() => {
  h?.store.getState().leaveSession()
  h?.stream.close()
  h?.server.close()
})

const doorOpen = () => h.store.getState().door.log?.session.state === 'open'

test('three quick taps on 开门 send one open request, keyed by its intent', async () => {
  h = harness()
  const { store } = h
  await store.getState().openCabinetFrom(QR)
  const taps = [store.getState().openDoor(1), store.getState().openDoor(1), store.getState().openDoor(1)]
  await waitFor(doorOpen, 'the door to open')

  const opens = await h.sent(OPEN_DOOR)
  expect(opens).toHaveLength(1)
  const [open] = opens
  expect(open!.body).toMatchObject({ deviceCode: 'GZ0001A', doorNo: 1, mode: 'shop' })
  expect(open!.key).toBe(open!.body!.intentId)
  expect(taps).toEqual([true, false, false])
})

test('a lost answer is retried with the same key and the same body, door number included', async () => {
  h = harness()
  const { store, control } = h
  await store.getState().openCabinetFrom(QR)
  control.network({ dropResponses: 1 })
  expect(store.getState().openDoor(1)).toBe(true)
  await waitFor(doorOpen, 'the door to open after the retry')

  const opens = await h.sent(OPEN_DOOR)
  expect(opens).toHaveLength(2)
  const [first, retry] = opens
  expect(retry!.key).toBe(first!.key)
  expect(retry!.body).toEqual(first!.body)
  expect(first!.body).toMatchObject({ deviceCode: 'GZ0001A', doorNo: 1, intentId: first!.key })
  // The tap that opened the door is not repeated by the page: the cloud holds one session for it.
  expect(store.getState().openDoor(1)).toBe(false)
  expect(await h.sent(OPEN_DOOR)).toHaveLength(2)
})
