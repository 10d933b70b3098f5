import { http, HttpResponse, type HttpHandler } from 'msw'
import { isScenarioName } from '../model/fixtures'
import { isCloudError } from '../model/errors'
import { FAULT_KINDS, type FaultKind, type Settings } from '../model/state'
import { toIso } from '../model/time'
import type { DoorNo } from '../model/types'
import { controlState, TUNABLE_SETTINGS, tunableSettings, type ControlState } from './controlState'
import type { NetworkFaults } from './network'
import { OPERATION_LABELS } from './operationLabels'
import type { Runtime } from './runtime'

export type { DropStage, NetworkFaults, OperationDrop } from './network'
export type {
  ControlState,
  DeviceView,
  DoorView,
  FaultReportView,
  GoodsView,
  SessionView,
  UserView,
} from './controlState'
export { TUNABLE_SETTINGS } from './controlState'

/**
 * The emulator's control side (dev only, not part of the contract): what the cabinet, the platforms and
 * the network do on their own. The simulator page and the browser journeys call it over HTTP at
 * `/__control/*`; jest tests call the same methods directly. Every method works on the runtime's current
 * cloud, so a scenario reset is seen at once.
 */

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

function bad(message: string): never {
  throw new ControlError(400, message)
}

type Json = Record<string, unknown>

function str(body: Json, key: string, required = true): string | undefined {
  const value = body[key]
  if (value === undefined || value === null || value === '') {
    if (required) bad(`${key} is required`)
    return undefined
  }
  if (typeof value !== 'string') bad(`${key} must be a string`)
  return value
}

function int(body: Json, key: string, fallback?: number): number {
  const value = body[key] ?? fallback
  if (typeof value !== 'number' || !Number.isInteger(value)) bad(`${key} must be an integer`)
  return value
}

function count(body: Json, key: string): number {
  const value = int(body, key)
  if (value < 0) bad(`${key} must not be negative`)
  return value
}

/** The latest pending record (of one user when the body names one), or a 404 saying there is none. */
function latestPending<T extends { id: string; state: string; userId: string }>(
  records: Map<string, T>,
  body: Json,
  none: string,
): string {
  const userId = str(body, 'userId', false)
  const pending = [...records.values()].filter(
    (r) => r.state === 'pending' && (userId === undefined || r.userId === userId),
  )
  const id = pending[pending.length - 1]?.id
  if (!id) throw new ControlError(404, none)
  return id
}

function door(body: Json): DoorNo {
  const value = body.doorNo ?? 1
  if (value !== 1 && value !== 2) bad('doorNo must be 1 or 2')
  return value
}

/** The fault names the simulator uses, as the model knows them. */
/** The fault names the simulator uses, as the model knows them. */
export const FAULTS: readonly FaultKind[] = FAULT_KINDS

export class Control {
  constructor(
    readonly runtime: Runtime,
    private readonly streams: () => number = () => 0,
  ) {}

  private get cloud() {
    return this.runtime.cloud
  }

  /** Everything the simulator page draws, in one read. */
  state(): ControlState {
    return controlState(this.runtime, this.streams())
  }

  // ---- the world

  scenario(body: Json): ControlState {
    const name = str(body, 'name') as string
    if (!isScenarioName(name)) bad(`unknown scenario "${name}"`)
    this.runtime.reset(name, str(body, 'at', false) ?? this.runtime.startAt)
    return this.state()
  }

  // ---- the cabinet

  take(body: Json): ControlState {
    return this.shelf('take', body)
  }

  putBack(body: Json): ControlState {
    return this.shelf('putBack', body)
  }

  /** Goods leave the shelf (take) or go back on it (putBack) in the door's open session. */
  private shelf(move: 'take' | 'putBack', body: Json): ControlState {
    const deviceCode = str(body, 'deviceCode') as string
    this.cloud[move](deviceCode, door(body), str(body, 'productId') as string, int(body, 'qty', 1))
    return this.state()
  }

  close(body: Json): ControlState {
    this.cloud.closeDoor(str(body, 'deviceCode') as string, door(body))
    return this.state()
  }

  /** Turns a fault on or off for one device, or for every device when `deviceCode` is left out. */
  fault(body: Json): ControlState {
    const fault = str(body, 'fault') as FaultKind
    if (!FAULTS.includes(fault)) bad(`unknown fault "${fault}" (one of ${FAULTS.join(', ')})`)
    const on = body.on ?? true
    if (typeof on !== 'boolean') bad('on must be a boolean')
    const code = str(body, 'deviceCode', false)
    const codes = code ? [code] : [...this.cloud.inspect().devices.keys()]
    for (const c of codes) {
      if (on) this.cloud.injectFault(c, fault)
      else this.cloud.clearFault(c, fault)
    }
    return this.state()
  }

  /** Device properties staff and merchants see: temperature, service expiry, activation, vision quota. */
  device(body: Json): ControlState {
    const code = str(body, 'deviceCode') as string
    if (body.temperatureC !== undefined) {
      if (typeof body.temperatureC !== 'number') bad('temperatureC must be a number')
      this.cloud.setTemperature(code, body.temperatureC)
    }
    if (body.serviceExpiresAt !== undefined) {
      const at = Date.parse(String(body.serviceExpiresAt))
      if (Number.isNaN(at)) bad('serviceExpiresAt must be an ISO instant')
      this.cloud.setServiceExpiry(code, at)
    }
    if (body.serviceDaysLeft !== undefined) {
      if (typeof body.serviceDaysLeft !== 'number') bad('serviceDaysLeft must be a number')
      this.cloud.setServiceExpiry(code, this.runtime.clock.now() + body.serviceDaysLeft * 86_400_000)
    }
    if (body.activated !== undefined) {
      if (typeof body.activated !== 'boolean') bad('activated must be a boolean')
      this.cloud.setActivated(code, body.activated)
    }
    if (body.recognitionQuota !== undefined) {
      if (body.recognitionQuota !== null && typeof body.recognitionQuota !== 'number') {
        bad('recognitionQuota must be a number or null')
      }
      this.cloud.setRecognitionQuota(code, body.recognitionQuota)
    }
    if (body.depositFen !== undefined) this.cloud.setDeposit(code, int(body, 'depositFen'))
    return this.state()
  }

  /**
   * What a platform will answer for a user from now on: `credit` (Pay Score / 芝麻先享) or `agreement`
   * (免密支付 signing) on `channel`, refused with `reason`, or accepted when `reason` is null.
   */
  eligibility(body: Json): { ok: true } {
    const userId = str(body, 'userId') as string
    const channel = str(body, 'channel')
    if (channel !== 'wechat' && channel !== 'alipay') bad('channel must be wechat or alipay')
    const reason = body.reason === null ? null : (str(body, 'reason') as string)
    const service = str(body, 'service')
    if (service === 'credit')
      this.cloud.setCreditEligibility(userId, channel, reason === null, reason ?? undefined)
    else if (service === 'agreement') this.cloud.setAgreementRefusal(userId, channel, reason)
    else bad('service must be credit or agreement')
    return { ok: true }
  }

  /** Which platform's credit methods an H5 login gets (the demo acting as WeChat or as Alipay). */
  h5Channel(body: Json): { h5Channel: string } {
    const channel = str(body, 'channel')
    if (channel !== 'wechat' && channel !== 'alipay') bad('channel must be wechat or alipay')
    this.runtime.configure({ h5Channel: channel })
    return { h5Channel: channel }
  }

  // ---- users, staff, merchants

  user(body: Json): ControlState {
    const userId = str(body, 'userId') as string
    if (body.blacklisted !== undefined) {
      if (typeof body.blacklisted !== 'boolean') bad('blacklisted must be a boolean')
      this.cloud.setBlacklisted(userId, body.blacklisted)
    }
    if (body.creditEligible !== undefined) {
      const channel = body.channel ?? 'wechat'
      if (channel !== 'wechat' && channel !== 'alipay') bad('channel must be wechat or alipay')
      if (typeof body.creditEligible !== 'boolean') bad('creditEligible must be a boolean')
      this.cloud.setCreditEligibility(userId, channel, body.creditEligible, str(body, 'reason', false))
    }
    return this.state()
  }

  unbindStaff(body: Json): ControlState {
    this.cloud.unbindStaff(str(body, 'userId') as string, str(body, 'deviceCode') as string)
    return this.state()
  }

  merchant(body: Json): ControlState {
    const merchantId = str(body, 'merchantId') as string
    if (typeof body.withdrawalFailure !== 'boolean') bad('withdrawalFailure must be a boolean')
    this.cloud.setWithdrawalFailure(merchantId, body.withdrawalFailure)
    return this.state()
  }

  // ---- the platforms

  /** The platform's verdict on a pending authorization (the latest pending one unless named). */
  credit(body: Json): unknown {
    const outcome = str(body, 'outcome')
    if (outcome !== 'authorized' && outcome !== 'rejected' && outcome !== 'cancelled') {
      bad('outcome must be authorized, rejected or cancelled')
    }
    const id =
      str(body, 'authorizationId', false) ??
      latestPending(this.cloud.inspect().creditAuths, body, 'no pending credit authorization')
    return this.cloud.completeCreditAuthorization(id, outcome, str(body, 'reason', false))
  }

  /** The platform's result for a pending payment (the latest pending one unless named). */
  payment(body: Json): unknown {
    const outcome = str(body, 'outcome')
    if (outcome !== 'succeeded' && outcome !== 'failed') bad('outcome must be succeeded or failed')
    const id =
      str(body, 'paymentId', false) ??
      latestPending(this.cloud.inspect().payments, body, 'no pending payment')
    return this.cloud.completePayment(id, outcome === 'succeeded')
  }

  // ---- the network, the clock, the settings

  /**
   * Latency, the next N requests or answers of any operation lost, and random silent loss
   * (`lossRequestPct`, `lossAnswerPct`, 0 to 100, drawn from `lossSeed`; both 0 to stop).
   */
  network(body: Json): NetworkFaults {
    const net = this.runtime.network
    for (const key of ['latencyMs', 'dropRequests', 'dropResponses'] as const) {
      if (body[key] !== undefined) net[key] = count(body, key)
    }
    if (body.lossRequestPct !== undefined || body.lossAnswerPct !== undefined) {
      const pct = (key: string) => {
        const value = body[key] === undefined ? 0 : count(body, key)
        if (value > 100) bad(`${key} must be at most 100`)
        return value
      }
      const seed = body.lossSeed === undefined ? 1 : count(body, 'lossSeed')
      net.setLoss({ requestPct: pct('lossRequestPct'), answerPct: pct('lossAnswerPct'), seed })
    }
    return net.view()
  }

  /**
   * The next `count` attempts of one operation lost: their answers (`stage` answer, the default: the cloud
   * does the work) or the requests themselves (`stage` request). A count of 0 takes the drop away.
   */
  drop(body: Json): NetworkFaults {
    const operationId = str(body, 'operationId') as string
    if (!Object.prototype.hasOwnProperty.call(OPERATION_LABELS, operationId))
      bad(`unknown operation "${operationId}"`)
    const stage = body.stage ?? 'answer'
    if (stage !== 'answer' && stage !== 'request') bad('stage must be answer or request')
    this.runtime.network.dropNext(operationId, count(body, 'count'), stage)
    return this.runtime.network.view()
  }

  socketDrop(): { dropped: number } {
    return { dropped: this.runtime.dropSockets() }
  }

  clock(body: Json): { now: string } {
    const travelTo = str(body, 'travelTo', false)
    if (travelTo !== undefined) {
      if (Number.isNaN(Date.parse(travelTo))) bad('travelTo must be an ISO instant')
      this.runtime.travelTo(travelTo)
    }
    if (body.advanceMs !== undefined) {
      this.runtime.advance(count(body, 'advanceMs'))
    }
    return { now: toIso(this.runtime.clock.now()) }
  }

  settings(body: Json): Partial<Settings> {
    const patch: Partial<Record<keyof Settings, number | null>> = {}
    for (const [key, value] of Object.entries(body)) {
      if (!(TUNABLE_SETTINGS as readonly string[]).includes(key)) bad(`unknown setting ${key}`)
      const nullable = key === 'creditAutoCompleteMs' || key === 'paymentAutoCompleteMs'
      if (!(value === null && nullable) && (typeof value !== 'number' || value < 0)) {
        bad(`${key} must be a non-negative number${nullable ? ' or null' : ''}`)
      }
      patch[key as keyof Settings] = value as number | null
    }
    return tunableSettings(this.runtime.configure(patch as Partial<Settings>))
  }
}

/** `/__control/<name>` → the method that answers it. */
const ROUTES: Record<
  string,
  { method: 'GET' | 'POST' | 'ANY'; run: (control: Control, body: Json) => unknown }
> = {
  state: { method: 'GET', run: (c) => c.state() },
  scenario: { method: 'POST', run: (c, b) => c.scenario(b) },
  take: { method: 'POST', run: (c, b) => c.take(b) },
  return: { method: 'POST', run: (c, b) => c.putBack(b) },
  close: { method: 'POST', run: (c, b) => c.close(b) },
  fault: { method: 'POST', run: (c, b) => c.fault(b) },
  device: { method: 'POST', run: (c, b) => c.device(b) },
  user: { method: 'POST', run: (c, b) => c.user(b) },
  'staff-unbind': { method: 'POST', run: (c, b) => c.unbindStaff(b) },
  merchant: { method: 'POST', run: (c, b) => c.merchant(b) },
  credit: { method: 'POST', run: (c, b) => c.credit(b) },
  eligibility: { method: 'POST', run: (c, b) => c.eligibility(b) },
  'h5-channel': { method: 'POST', run: (c, b) => c.h5Channel(b) },
  payment: { method: 'POST', run: (c, b) => c.payment(b) },
  network: { method: 'POST', run: (c, b) => c.network(b) },
  drop: { method: 'POST', run: (c, b) => c.drop(b) },
  // GET too: cutting the sockets needs no body, and e2e helpers GET when they send none.
  'socket-drop': { method: 'ANY', run: (c) => c.socketDrop() },
  clock: { method: 'POST', run: (c, b) => c.clock(b) },
  settings: { method: 'POST', run: (c, b) => c.settings(b) },
}

export const CONTROL_ROUTES = Object.keys(ROUTES)

/** Runs one control request; errors come back as `{ error, code? }` with a status. */
export function runControl(
  control: Control,
  name: string,
  method: string,
  body: unknown,
): { status: number; body: unknown } {
  const route = ROUTES[name]
  if (!route)
    return {
      status: 404,
      body: { error: `unknown control endpoint /__control/${name}`, routes: CONTROL_ROUTES },
    }
  if (route.method !== 'ANY' && method !== route.method)
    return { status: 405, body: { error: `use ${route.method} for /__control/${name}` } }
  if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
    return { status: 400, body: { error: 'the body must be a JSON object' } }
  }
  try {
    return { status: 200, body: route.run(control, (body ?? {}) as Json) }
  } catch (error) {
    if (error instanceof ControlError) return { status: error.status, body: { error: error.message } }
    if (isCloudError(error))
      return { status: error.status, body: { error: error.message, ...error.toBody() } }
    return { status: 500, body: { error: error instanceof Error ? error.message : String(error) } }
  }
}

/**
 * Who may drive the emulator: tools on this machine (node scripts, curl), which send no Origin, and the
 * simulator page this very server serves (same scheme, host and port). Any other page open in a browser
 * could otherwise change the world under the tester; `Sec-Fetch-Site` also catches what a browser sends
 * without an Origin (an image or a link pointing at a GET route). Nothing here sends CORS headers: the
 * allowed callers need none, and the app never calls the control side.
 */
export function controlCallerAllowed(request: Request): boolean {
  const origin = request.headers.get('Origin')
  if (origin !== null && origin !== new URL(request.url).origin) return false
  const site = request.headers.get('Sec-Fetch-Site')
  return site === null || site === 'same-origin' || site === 'none'
}

const NO_STORE = { 'Cache-Control': 'no-store' }

/** The control endpoints as msw handlers, so every host serves them the same way. */
export function createControlHandlers(control: Control): HttpHandler[] {
  return [
    http.all('*/__control/*', ({ request }) => {
      if (controlCallerAllowed(request)) return undefined
      return HttpResponse.json(
        { error: 'the control side answers only this server’s own pages and local tools', code: 'FORBIDDEN' },
        { status: 403, headers: NO_STORE },
      )
    }),
    // Only a cross-origin page preflights, and none is let in; this answers anything else that asks.
    http.options('*/__control/*', () => new HttpResponse(null, { status: 204 })),
    http.all('*/__control/:name', async ({ request, params }) => {
      const text = request.method === 'GET' ? '' : await request.text()
      let body: unknown
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text)
        } catch {
          return HttpResponse.json({ error: 'invalid JSON' }, { status: 400, headers: NO_STORE })
        }
      }
      const result = runControl(control, String(params.name), request.method, body)
      return HttpResponse.json(result.body as Json, { status: result.status, headers: NO_STORE })
    }),
  ]
}
