import { http, HttpResponse, type HttpHandler } from 'msw'
import { SCENARIO_NAMES } from '../model/fixtures'
import { ManualClock } from '../model/clock'
import { isCloudError } from '../model/errors'
import { FAULT_KINDS, type FaultKind, type Settings } from '../model/state'
import { toIso } from '../model/time'
import type { DoorNo } from '../model/types'
import { corsHeaders } from './http'
import type { Runtime } from './runtime'

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

function door(body: Json): DoorNo {
  const value = body.doorNo ?? 1
  if (value !== 1 && value !== 2) bad('doorNo must be 1 or 2')
  return value
}

/** The fault names the simulator uses, as the model knows them. */
export const FAULTS: readonly FaultKind[] = FAULT_KINDS

/** Settings the control side may change (durations in ms; null turns a platform's auto-completion off). */
export const TUNABLE_SETTINGS = [
  'doorDelayMs',
  'settlementDelayMs',
  'slowSettlementDelayMs',
  'openTimeoutMs',
  'doorLeftOpenMs',
  'creditAutoCompleteMs',
  'paymentAutoCompleteMs',
  'refundDelayMs',
  'withdrawalDelayMs',
  'commandDelayMs',
  'tokenTtlMs',
] as const satisfies readonly (keyof Settings)[]

export interface DoorView {
  no: DoorNo
  name: string
  /** closed | opening | open | settling */
  state: 'closed' | 'opening' | 'open' | 'settling'
  session: SessionView | null
}

export interface SessionView {
  kind: 'shop' | 'restock'
  id: string
  userId: string
  state: string
  openedAt: string | null
  /** shop sessions: the cloud-priced cart (as the shopper's phone shows it) */
  cart?: unknown
  /** restock sessions: per-product changes so far */
  changes?: unknown
  recognition?: 'live' | 'after_close'
}

export interface ControlState {
  scenario: {
    name: string
    description: string
    userId: string
    loginCode: string
    deviceCode: string
    refs: Json
  }
  scenarios: readonly string[]
  faults: readonly string[]
  now: string
  clock: 'manual' | 'system'
  network: Runtime['network']
  settings: Partial<Settings>
  streams: number
  users: {
    id: string
    nickname: string
    loginCode: string
    phoneBound: boolean
    blacklisted: boolean
    merchantId: string | null
    staffDeviceCodes: string[]
  }[]
  devices: {
    code: string
    name: string
    place: string
    kind: string
    doorCount: number
    merchantId: string
    state: string
    online: boolean
    faults: string[]
    temperatureC: number | null
    serviceExpiresAt: string
    recognitionQuota: number | null
    qrUrl: string
    doors: DoorView[]
    goods: {
      productId: string
      name: string
      doorNo: DoorNo
      priceFen: number
      promoPriceFen: number | null
      stock: number
      capacity: number
      imageUrl: string
      /** units out of the cabinet in the door's open session */
      inCart: number
    }[]
  }[]
  pendingCredit: { id: string; userId: string; method: string; deviceCode: string; createdAt: string }[]
  pendingPayments: {
    id: string
    orderId: string
    userId: string
    platform: string
    amountFen: number | null
  }[]
}

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
    const cloud = this.cloud
    const world = cloud.inspect()
    const settings = cloud.settings()
    const users = [...world.users.values()]
      .filter((u) => !u.id.startsWith('u_crowd'))
      .map((u) => {
        const me = cloud.getMe(u.id)
        return {
          id: u.id,
          nickname: u.nickname,
          loginCode: `code:${u.id}`,
          phoneBound: me.phoneBound,
          blacklisted: u.blacklisted,
          merchantId: u.merchantId,
          staffDeviceCodes: me.roles.staffDeviceCodes,
        }
      })
    const devices = [...world.devices.values()].map((d) => {
      const landing = cloud.getCabinetLanding(null, d.code)
      const doors: DoorView[] = landing.doors.map((dr) => {
        const session = this.doorSession(d.code, dr.no)
        const state: DoorView['state'] = !session
          ? 'closed'
          : session.state === 'opening'
            ? 'opening'
            : session.state === 'closed'
              ? 'settling'
              : 'open'
        return { no: dr.no, name: dr.name, state, session }
      })
      const goods = d.goods.map((g) => {
        const shown = landing.goods.find((x) => x.productId === g.productId)
        const open = doors.find((dr) => dr.no === g.doorNo)?.session
        const cartLines = (
          (open?.cart as { lines?: { productId: string; qty: number }[] } | undefined)?.lines ?? []
        )
          .filter((l) => l.productId === g.productId)
          .reduce((n, l) => n + l.qty, 0)
        const hidden = open?.kind === 'shop' ? this.hiddenQty(open.id, g.productId) : null
        return {
          productId: g.productId,
          name: g.name,
          doorNo: g.doorNo,
          priceFen: g.priceFen,
          promoPriceFen: shown?.promoPriceFen ?? null,
          stock: g.stock,
          capacity: g.capacity,
          imageUrl: shown?.imageUrl ?? '',
          inCart: hidden ?? cartLines,
        }
      })
      return {
        code: d.code,
        name: d.name,
        place: d.place,
        kind: d.kind,
        doorCount: d.doorCount,
        merchantId: d.merchantId,
        state: landing.device.state,
        online: landing.device.online,
        faults: [...d.faults],
        temperatureC: d.temperatureC,
        serviceExpiresAt: toIso(d.serviceExpiresAt),
        recognitionQuota: d.recognitionQuota,
        qrUrl: `${settings.qrBaseUrl}${d.code}`,
        doors,
        goods,
      }
    })
    const pendingCredit = [...world.creditAuths.values()]
      .filter((a) => a.state === 'pending')
      .map((a) => ({
        id: a.id,
        userId: a.userId,
        method: a.method,
        deviceCode: a.deviceCode,
        createdAt: toIso(a.createdAt),
      }))
    const pendingPayments = [...world.payments.values()]
      .filter((p) => p.state === 'pending')
      .map((p) => ({
        id: p.id,
        orderId: p.orderId,
        userId: p.userId,
        platform: p.platform,
        amountFen: world.orders.get(p.orderId)?.priced.totalFen ?? null,
      }))
    const info = cloud.scenario
    return {
      scenario: {
        name: info.name,
        description: info.description,
        userId: info.userId,
        loginCode: info.loginCode,
        deviceCode: info.deviceCode,
        refs: { ...info.refs },
      },
      scenarios: SCENARIO_NAMES,
      faults: FAULTS,
      now: toIso(this.runtime.clock.now()),
      clock: this.runtime.clock instanceof ManualClock ? 'manual' : 'system',
      network: { ...this.runtime.network },
      settings: Object.fromEntries(TUNABLE_SETTINGS.map((k) => [k, settings[k]])) as Partial<Settings>,
      streams: this.streams(),
      users,
      devices,
      pendingCredit,
      pendingPayments,
    }
  }

  /** The session (shop or restock) that holds a door now, opening, open or settling. */
  private doorSession(deviceCode: string, doorNo: DoorNo): SessionView | null {
    const world = this.cloud.inspect()
    for (const s of world.restockSessions.values()) {
      if (s.deviceCode !== deviceCode || s.doorNo !== doorNo) continue
      if (s.state !== 'opening' && s.state !== 'open') continue
      return {
        kind: 'restock',
        id: s.id,
        userId: s.userId,
        state: s.state,
        openedAt: s.openedAt === undefined ? null : toIso(s.openedAt),
        changes: this.cloud.getRestockSession(s.userId, s.id).changes,
      }
    }
    let settling: SessionView | null = null
    for (const s of world.sessions.values()) {
      if (s.deviceCode !== deviceCode || s.doorNo !== doorNo) continue
      if (s.state !== 'opening' && s.state !== 'open' && s.state !== 'closed') continue
      const session = this.cloud.getDoorSession(s.userId, s.id)
      const view: SessionView = {
        kind: 'shop',
        id: s.id,
        userId: s.userId,
        state: s.state,
        openedAt: session.openedAt ?? null,
        cart: session.cart,
        recognition: session.recognition,
      }
      if (s.state !== 'closed') return view
      settling = view
    }
    return settling
  }

  /** A vision cabinet shows no cart until after close; the simulator still needs what was taken. */
  private hiddenQty(sessionId: string, productId: string): number | null {
    const s = this.cloud.inspect().sessions.get(sessionId)
    if (!s || s.kind !== 'vision') return null
    return s.items.get(productId)?.qty ?? 0
  }

  // ---- the world

  scenario(body: Json): ControlState {
    const name = str(body, 'name') as string
    if (!(SCENARIO_NAMES as readonly string[]).includes(name)) bad(`unknown scenario "${name}"`)
    this.runtime.reset(name, str(body, 'at', false) ?? this.runtime.startAt)
    return this.state()
  }

  // ---- the cabinet

  take(body: Json): ControlState {
    this.cloud.take(
      str(body, 'deviceCode') as string,
      door(body),
      str(body, 'productId') as string,
      int(body, 'qty', 1),
    )
    return this.state()
  }

  putBack(body: Json): ControlState {
    this.cloud.putBack(
      str(body, 'deviceCode') as string,
      door(body),
      str(body, 'productId') as string,
      int(body, 'qty', 1),
    )
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
    let id = str(body, 'authorizationId', false)
    if (!id) {
      const userId = str(body, 'userId', false)
      const pending = [...this.cloud.inspect().creditAuths.values()].filter(
        (a) => a.state === 'pending' && (userId === undefined || a.userId === userId),
      )
      id = pending[pending.length - 1]?.id
      if (!id) throw new ControlError(404, 'no pending credit authorization')
    }
    return this.cloud.completeCreditAuthorization(id, outcome, str(body, 'reason', false))
  }

  /** The platform's result for a pending payment (the latest pending one unless named). */
  payment(body: Json): unknown {
    const outcome = str(body, 'outcome')
    if (outcome !== 'succeeded' && outcome !== 'failed') bad('outcome must be succeeded or failed')
    let id = str(body, 'paymentId', false)
    if (!id) {
      const userId = str(body, 'userId', false)
      const pending = [...this.cloud.inspect().payments.values()].filter(
        (p) => p.state === 'pending' && (userId === undefined || p.userId === userId),
      )
      id = pending[pending.length - 1]?.id
      if (!id) throw new ControlError(404, 'no pending payment')
    }
    return this.cloud.completePayment(id, outcome === 'succeeded')
  }

  // ---- the network, the clock, the settings

  network(body: Json): Runtime['network'] {
    const net = this.runtime.network
    for (const key of ['latencyMs', 'dropRequests', 'dropResponses'] as const) {
      if (body[key] === undefined) continue
      const value = int(body, key)
      if (value < 0) bad(`${key} must not be negative`)
      net[key] = value
    }
    return { ...net }
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
      const ms = int(body, 'advanceMs')
      if (ms < 0) bad('advanceMs must not be negative')
      this.runtime.advance(ms)
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
    const all = this.runtime.configure(patch as Partial<Settings>)
    return Object.fromEntries(TUNABLE_SETTINGS.map((k) => [k, all[k]])) as Partial<Settings>
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

/** The control endpoints as msw handlers, so every host serves them the same way. */
export function createControlHandlers(control: Control): HttpHandler[] {
  return [
    http.options(
      '*/__control/*',
      ({ request }) => new HttpResponse(null, { status: 204, headers: corsHeaders(request) }),
    ),
    http.all('*/__control/:name', async ({ request, params }) => {
      const text = request.method === 'GET' ? '' : await request.text()
      let body: unknown
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text)
        } catch {
          return HttpResponse.json({ error: 'invalid JSON' }, { status: 400, headers: corsHeaders(request) })
        }
      }
      const result = runControl(control, String(params.name), request.method, body)
      return HttpResponse.json(result.body as Json, {
        status: result.status,
        headers: { ...corsHeaders(request), 'Cache-Control': 'no-store' },
      })
    }),
  ]
}
