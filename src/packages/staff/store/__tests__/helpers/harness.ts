import { configureTransport } from '@/api/transport'
import type { ChooseLocationResult, Coordinates } from '@/platform/types'
import { FakeStream } from '@/stores/__tests__/helpers/fakeStream'
import { memoryStorage } from '@/stores/__tests__/helpers/memoryStorage'
import { setupCloudForJest } from '../../../../../../mock/hosts/node'
import { createStaffStore, type StaffStore } from '../../createStaffStore'

/**
 * The platform's map picker, answered by the test: each call takes the next answer queued (a cancel when
 * none is), and the calls are counted with the point the map was opened at.
 */
export function fakeMapPicker() {
  const answers: ChooseLocationResult[] = []
  const opened: (Coordinates | undefined)[] = []
  return {
    answers,
    opened,
    choose: async (current?: Coordinates): Promise<ChooseLocationResult> => {
      opened.push(current)
      await new Promise((r) => setTimeout(r, 10))
      return answers.shift() ?? { ok: false, reason: 'cancelled' }
    },
  }
}

/** The platform's network events, driven by the test. */
export function fakeNetwork() {
  const listeners = new Set<(online: boolean) => void>()
  return {
    on: (listener: (online: boolean) => void) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    emit: (online: boolean) => listeners.forEach((l) => l(online)),
  }
}

export const waitFor = async (check: () => boolean, timeoutMs = 6000, what = 'condition') => {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * The staff store against the emulated cloud (msw in Node, real time, quick door and commands), logged in
 * as a fixture user. `restart()` builds a new store over the same storage, as a reloaded app would.
 */
export function staffHarness(scenario: string, userId = 'u_staff') {
  const cloudHost = setupCloudForJest({
    scenario,
    clock: 'system',
    settings: { doorDelayMs: 30, commandDelayMs: 60, settlementDelayMs: 30 },
  })
  const storage = memoryStorage()
  const network = fakeNetwork()
  const mapPicker = fakeMapPicker()
  const stream = new FakeStream()
  let token: string | null = null
  configureTransport({
    baseUrl: 'http://cloud.test',
    getToken: () => token,
    relogin: async () => {
      token = cloudHost.tokenFor(userId)
      return token
    },
    defaultTimeoutMs: 3000,
  })
  const stops: (() => void)[] = []
  const build = (): StaffStore => {
    const store = createStaffStore({
      stream,
      storage,
      onNetworkChange: network.on,
      chooseLocation: mapPicker.choose,
    })
    stops.push(store.getState().startSync())
    return store
  }
  const harness = {
    ...cloudHost,
    storage,
    network,
    mapPicker,
    stream,
    store: build(),
    /** The app closed and opened again: the old store is gone, a new one reads the phone's storage. */
    restart() {
      stops.splice(0).forEach((stop) => stop())
      harness.store.getState().pauseRestock()
      harness.store = build()
      return harness.store
    },
    stop() {
      stops.splice(0).forEach((stop) => stop())
      harness.store.getState().pauseRestock()
      cloudHost.server.close()
    },
  }
  cloudHost.server.listen({ onUnhandledRequest: 'error' })
  return harness
}

export type StaffHarness = ReturnType<typeof staffHarness>
