import { ManualClock } from '../model/clock'
import { SCENARIO_NAMES, SCENARIOS, type ScenarioInfo, type ScenarioName } from '../model/fixtures'
import { FAULT_KINDS, type FaultKind, type Settings } from '../model/state'
import { toIso } from '../model/time'
import type {
  Cart,
  CreditMethod,
  DeviceKind,
  DeviceState,
  DoorNo,
  FaultReportKind,
  RestockChange,
} from '../model/types'
import type { NetworkFaults } from './network'
import { OPERATION_LABELS, type ApiOperationId } from './operationLabels'
import type { Cloud, Runtime } from './runtime'

/**
 * The control side's read (`GET /__control/state`): everything the simulator page draws, in one answer.
 * The simulator imports these types (type-only, so its browser script stays import-free once transpiled).
 */

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

export function tunableSettings(all: Settings): Partial<Settings> {
  return Object.fromEntries(TUNABLE_SETTINGS.map((k) => [k, all[k]])) as Partial<Settings>
}

export interface DoorView {
  no: DoorNo
  name: string
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
  cart?: Cart
  /** restock sessions: per-product changes so far */
  changes?: RestockChange[]
  recognition?: 'live' | 'after_close'
}

export interface GoodsView {
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
}

export interface DeviceView {
  code: string
  name: string
  place: string
  kind: DeviceKind
  doorCount: number
  merchantId: string
  state: DeviceState
  online: boolean
  faults: FaultKind[]
  temperatureC: number | null
  serviceExpiresAt: string
  recognitionQuota: number | null
  qrUrl: string
  doors: DoorView[]
  goods: GoodsView[]
}

export interface UserView {
  id: string
  nickname: string
  loginCode: string
  phoneBound: boolean
  blacklisted: boolean
  merchantId: string | null
  staffDeviceCodes: string[]
}

export interface ControlState {
  scenario: ScenarioInfo
  scenarios: readonly ScenarioName[]
  /** Each scenario's short Chinese name, for the simulator's list. */
  scenarioLabels: Record<ScenarioName, string>
  faults: readonly FaultKind[]
  /** The contract's operations a network drop can aim at, with their Chinese names. */
  operations: { id: ApiOperationId; label: string }[]
  now: string
  clock: 'manual' | 'system'
  network: NetworkFaults
  settings: Partial<Settings>
  streams: number
  users: UserView[]
  devices: DeviceView[]
  pendingCredit: { id: string; userId: string; method: CreditMethod; deviceCode: string; createdAt: string }[]
  pendingPayments: {
    id: string
    orderId: string
    userId: string
    platform: string
    amountFen: number | null
  }[]
  /** Shoppers' reports of faulty cabinets, newest first. */
  faultReports: FaultReportView[]
  /** What the cloud told each user (message centre and subscribe messages), newest first, at most 50. */
  messages: SentMessageView[]
}

export interface SentMessageView {
  id: string
  userId: string
  topic: string
  title: string
  body: string
  /** the app page it opens, with its query, as a subscribe message's `page` */
  page: string
  createdAt: string
  read: boolean
  /** the subscribe message that went out (template and platform), or null: message centre only */
  pushed: { templateId: string; platform: string } | null
}

export interface FaultReportView {
  id: string
  userId: string
  deviceCode: string
  kind: FaultReportKind
  description: string
  sessionId: string | null
  createdAt: string
}

export function controlState(runtime: Runtime, streams: number): ControlState {
  const cloud = runtime.cloud
  const world = cloud.inspect()
  const settings = cloud.settings()
  const users = [...world.users.values()]
    .filter((u) => !u.id.startsWith('u_crowd'))
    .map((u): UserView => {
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
  const devices = [...world.devices.values()].map((d): DeviceView => {
    const landing = cloud.getCabinetLanding(null, d.code)
    const doors: DoorView[] = landing.doors.map((dr) => {
      const session = doorSession(cloud, d.code, dr.no)
      const state: DoorView['state'] = !session
        ? 'closed'
        : session.state === 'opening'
          ? 'opening'
          : session.state === 'closed'
            ? 'settling'
            : 'open'
      return { no: dr.no, name: dr.name, state, session }
    })
    const goods = d.goods.map((g): GoodsView => {
      const shown = landing.goods.find((x) => x.productId === g.productId)
      const open = doors.find((dr) => dr.no === g.doorNo)?.session
      const cartLines = (open?.cart?.lines ?? [])
        .filter((l) => l.productId === g.productId)
        .reduce((n, l) => n + l.qty, 0)
      const hidden = open?.kind === 'shop' ? hiddenQty(cloud, open.id, g.productId) : null
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
  const faultReports = [...world.faultReports.values()]
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
    .map(
      (r): FaultReportView => ({
        id: r.id,
        userId: r.userId,
        deviceCode: r.deviceCode,
        kind: r.kind,
        description: r.description,
        sessionId: r.sessionId ?? null,
        createdAt: toIso(r.createdAt),
      }),
    )
  return {
    scenario: { ...cloud.scenario, refs: { ...cloud.scenario.refs } },
    scenarios: SCENARIO_NAMES,
    scenarioLabels: Object.fromEntries(SCENARIO_NAMES.map((n) => [n, SCENARIOS[n].label])) as Record<
      ScenarioName,
      string
    >,
    faults: FAULT_KINDS,
    operations: Object.entries(OPERATION_LABELS).map(([id, label]) => ({ id: id as ApiOperationId, label })),
    now: toIso(runtime.clock.now()),
    clock: runtime.clock instanceof ManualClock ? 'manual' : 'system',
    network: runtime.network.view(),
    settings: tunableSettings(settings),
    streams,
    users,
    devices,
    pendingCredit,
    pendingPayments,
    faultReports,
    messages: cloud
      .sentMessages()
      .slice(0, 50)
      .map((m) => ({
        id: m.id,
        userId: m.userId,
        topic: m.topic,
        title: m.title,
        body: m.body,
        page: pageWithQuery(m.page),
        createdAt: m.createdAt,
        read: m.readAt !== null,
        pushed: m.templateId && m.platform ? { templateId: m.templateId, platform: m.platform } : null,
      })),
  }
}

function pageWithQuery(page: { path: string; query: Record<string, string> }): string {
  const query = new URLSearchParams(page.query).toString()
  return query ? `${page.path}?${query}` : page.path
}

/** The session (shop or restock) that holds a door now, opening, open or settling. */
function doorSession(cloud: Cloud, deviceCode: string, doorNo: DoorNo): SessionView | null {
  const world = cloud.inspect()
  for (const s of world.restockSessions.values()) {
    if (s.deviceCode !== deviceCode || s.doorNo !== doorNo) continue
    if (s.state !== 'opening' && s.state !== 'open') continue
    return {
      kind: 'restock',
      id: s.id,
      userId: s.userId,
      state: s.state,
      openedAt: s.openedAt === undefined ? null : toIso(s.openedAt),
      changes: cloud.getRestockSession(s.userId, s.id).changes,
    }
  }
  let settling: SessionView | null = null
  for (const s of world.sessions.values()) {
    if (s.deviceCode !== deviceCode || s.doorNo !== doorNo) continue
    if (s.state !== 'opening' && s.state !== 'open' && s.state !== 'closed') continue
    const session = cloud.getDoorSession(s.userId, s.id)
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
function hiddenQty(cloud: Cloud, sessionId: string, productId: string): number | null {
  const s = cloud.inspect().sessions.get(sessionId)
  if (!s || s.kind !== 'vision') return null
  return s.items.get(productId)?.qty ?? 0
}
