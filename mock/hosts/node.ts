import { setupServer, type SetupServer } from 'msw/node'
import { ManualClock, SystemClock, type Clock } from '../model/clock'
import type { Settings } from '../model/state'
import { createAssetHandlers } from '../handlers/assets'
import { Control, createControlHandlers } from '../handlers/control'
import { createHandlers } from '../handlers'
import { Runtime, type Cloud } from '../handlers/runtime'
import { StreamHub } from '../handlers/stream'
import { createStreamHandler } from '../handlers/streamLink'

/** The origin the app's jest runs call (scripts/jest/globals.js sets CABINET_API_BASE to it). */
export const JEST_BASE_URL = 'http://cloud.test'

/**
 * Settings for store tests on the real clock: the door and the settlement answer within 30 ms, and nothing
 * (a credit authorization, a payment) completes unless the test says so.
 */
export const QUICK_AND_STILL: Partial<Settings> = {
  doorDelayMs: 30,
  settlementDelayMs: 30,
  creditAutoCompleteMs: null,
  paymentAutoCompleteMs: null,
}

export interface JestCloudOptions {
  /** A scenario of mock/model/fixtures (SCENARIO_NAMES) (default `happy`). */
  scenario?: string
  /** `manual` (default: time moves only when the test says so) or `system` (real time). */
  clock?: 'manual' | 'system'
  /** Where the clock starts: an ISO instant, `fixture` (default, the fixtures' Friday noon) or `now`. */
  startAt?: string
  /** Cloud settings for this test (e.g. `{ doorDelayMs: 0 }`). */
  settings?: Partial<Settings>
  /** The origin of the goods image and upload URLs the cloud hands out (default JEST_BASE_URL). */
  baseUrl?: string
  /** Validate requests against the contract as the HTTP host does (default true). */
  validateRequests?: boolean
}

export interface JestCloud<C extends Clock = ManualClock | SystemClock> {
  /** msw's Node server with every handler of the contract, the stream, the control side and the assets. */
  server: SetupServer
  /** The cloud of the current scenario (a new one after `control.scenario(...)`). */
  readonly cloud: Cloud
  clock: C
  control: Control
  runtime: Runtime
  stream: StreamHub
  /** Logs a fixture user in directly (no HTTP) and returns the bearer token. */
  tokenFor(userId: string, platform?: 'weapp' | 'alipay' | 'h5'): string
}

/**
 * The emulated cloud for jest integration tests: msw in Node serving the same handlers as the HTTP host.
 * The caller starts and stops `server` (`beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))`,
 * `afterAll(() => server.close())`), or uses `installCloudInJest`, which does that.
 */
export function setupCloudForJest(options: JestCloudOptions & { clock: 'system' }): JestCloud<SystemClock>
export function setupCloudForJest(options?: JestCloudOptions & { clock?: 'manual' }): JestCloud<ManualClock>
export function setupCloudForJest(options: JestCloudOptions = {}): JestCloud {
  const baseUrl = (options.baseUrl ?? JEST_BASE_URL).replace(/\/+$/, '')
  const runtime = new Runtime({
    scenario: options.scenario ?? 'happy',
    clock: options.clock ?? 'manual',
    startAt: options.startAt ?? 'fixture',
    validateRequests: options.validateRequests ?? true,
    settings: { assetBaseUrl: `${baseUrl}/assets`, ...options.settings },
  })
  const stream = new StreamHub(runtime)
  const control = new Control(runtime, () => stream.size)
  const server = setupServer(
    ...createHandlers(runtime),
    ...createControlHandlers(control),
    ...createAssetHandlers(runtime),
    createStreamHandler(stream),
  )
  return {
    server,
    get cloud() {
      return runtime.cloud
    },
    clock: runtime.clock as ManualClock | SystemClock,
    control,
    runtime,
    stream,
    tokenFor(userId, platform = 'weapp') {
      return runtime.cloud.login({ platform, code: `code:${userId}` }).token
    },
  }
}

/**
 * `setupCloudForJest` plus the jest hooks: listen before the file's tests, reset msw's runtime overrides
 * after each, close after all. Call it at the top of a test file.
 */
export function installCloudInJest(options: JestCloudOptions & { clock: 'system' }): JestCloud<SystemClock>
export function installCloudInJest(options?: JestCloudOptions & { clock?: 'manual' }): JestCloud<ManualClock>
export function installCloudInJest(options: JestCloudOptions = {}): JestCloud {
  const cloud = setupCloudForJest(options as JestCloudOptions & { clock?: 'manual' })
  beforeAll(() => cloud.server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => cloud.server.resetHandlers())
  afterAll(() => {
    cloud.stream.close()
    cloud.server.close()
  })
  return cloud
}
