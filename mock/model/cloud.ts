// createCloud: the emulated thin cloud as one object. Methods mirror the contract's operations (caller
// first: the user id a host resolved from the bearer token, or null), plus control operations for the
// simulator and tests. Hosts (msw handlers, the HTTP/WebSocket server) translate HTTP to these calls and
// CloudError to `{ code, message, hint?, fields? }` with its status.
import { requireMerchant, requireUser } from './access'
import { activeOps } from './active'
import { authOps } from './auth'
import { blacklistOps } from './blacklist'
import { cabinetOps } from './cabinet'
import { ManualClock, type Clock } from './clock'
import { complaintOps } from './complaints'
import { controlOps } from './control'
import { creditOps } from './credit'
import { doorSessionOps } from './doorSessions'
import {
  DEFAULT_FIXTURE_TIME,
  isScenarioName,
  loadScenario,
  type ScenarioInfo,
  type ScenarioName,
} from './fixtures'
import { idempotencyOps } from './idempotency'
import { merchantOps } from './merchant'
import { messageOps, onOrderEvent } from './messages'
import { orderOps } from './orders'
import { DEFAULT_SETTINGS, emptyWorld, type CloudEvent, type Ctx, type Settings } from './state'
import { staffOps } from './staff'
import { requireStaff } from './staff/access'

export interface CreateCloudOptions {
  /** a scenario name from fixtures/scenarios.ts (default `happy`) */
  scenario?: ScenarioName
  /** default: a ManualClock at DEFAULT_FIXTURE_TIME */
  clock?: Clock
  settings?: Partial<Settings>
}

export type CloudListener = (event: CloudEvent) => void

export function createCloud(options: CreateCloudOptions = {}) {
  const scenarioName = options.scenario ?? 'happy'
  if (!isScenarioName(scenarioName)) throw new Error(`unknown scenario: ${String(scenarioName)}`)
  const clock = options.clock ?? new ManualClock(DEFAULT_FIXTURE_TIME)
  const listeners = new Set<CloudListener>()
  const ctx: Ctx = {
    world: emptyWorld(),
    clock,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    emit(event) {
      // The message centre hears order events first: a subscriber's failure must not lose a message.
      onOrderEvent(ctx, event)
      for (const listener of [...listeners]) {
        // A failing subscriber (a closed socket) must not break the cabinet's state machine.
        try {
          listener(event)
        } catch {
          /* ignored on purpose */
        }
      }
    },
  }
  const scenario: ScenarioInfo = loadScenario(ctx, scenarioName)
  // Timed notices are for instants crossed from now on, not for the history the scenario was built with.
  ctx.world.notices.sweptUntil = clock.now()

  return {
    clock,
    scenario,
    ...authOps(ctx),
    ...activeOps(ctx),
    ...cabinetOps(ctx),
    ...creditOps(ctx),
    ...doorSessionOps(ctx),
    ...orderOps(ctx),
    ...complaintOps(ctx),
    ...staffOps(ctx),
    ...merchantOps(ctx),
    ...blacklistOps(ctx),
    ...messageOps(ctx, (caller) => requireUser(ctx, caller)),
    ...idempotencyOps(ctx),
    ...controlOps(ctx),

    /**
     * What a merchant or staff operation needs of its caller, on its own: hosts ask it before they look
     * at the input, so a caller without the role learns nothing about the operation from a 422.
     */
    requireRole(caller: string | null, role: 'staff' | 'merchant'): void {
      if (role === 'merchant') requireMerchant(ctx, caller)
      else requireStaff(ctx, caller)
    },

    /** Session and order events as they happen (the WebSocket host pushes them to the user's socket). */
    subscribe(listener: CloudListener): () => void {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },

    settings(): Settings {
      return { ...ctx.settings }
    },

    /** Changes behaviour at run time (door delay, settlement delay, auto-completion of platform steps…). */
    configure(patch: Partial<Settings>): Settings {
      Object.assign(ctx.settings, patch)
      return { ...ctx.settings }
    },

    /** Read-only access to the raw state for diagnostics and the simulator page; never mutate it. */
    inspect(): Ctx['world'] {
      return ctx.world
    },
  }
}

export type Cloud = ReturnType<typeof createCloud>
