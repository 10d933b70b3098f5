import { createCloud, type Cloud } from '../model'
import { ManualClock, SystemClock, type Clock } from '../model/clock'
import { DEFAULT_FIXTURE_TIME, isScenarioName, type ScenarioName } from '../model/fixtures'
import type { Settings } from '../model/state'
import { createRequestValidator, type RequestValidator } from './contract'
import { Network } from './network'

export interface RuntimeOptions {
  scenario?: string
  /** `manual` (tests drive time), `system` (real time with travel) or a clock of your own. */
  clock?: 'manual' | 'system' | Clock
  /**
   * Where a scenario's clock starts: an ISO instant, `fixture` (the fixtures' reference Friday noon, when
   * every kind of promotion is on) or `now` (leave the clock alone).
   */
  startAt?: string
  /** Validate request bodies and query strings against the contract (default true). */
  validateRequests?: boolean
  /** Cloud settings every world of this runtime gets (asset base URL, door delay, …). */
  settings?: Partial<Settings>
  /** Where unexpected errors are reported (default console.error). */
  log?: (message: string, error?: unknown) => void
}

type ResetListener = (cloud: Cloud) => void

/**
 * What the handlers of every host share: the current cloud (replaced when a scenario is loaded), its clock,
 * the injected network faults and the request validator. Handlers read `runtime.cloud` on every request,
 * so a scenario reset takes effect at once for every host.
 */
export class Runtime {
  cloud: Cloud
  scenario: ScenarioName
  readonly clock: Clock
  readonly startAt: string
  /** Network trouble injected in front of the handlers (latency, lost requests and answers). */
  readonly network = new Network()
  readonly validator: RequestValidator | null
  /** Settings that survive a scenario reset (the simulator's door and settlement delays, asset URLs). */
  readonly settings: Partial<Settings>
  readonly log: (message: string, error?: unknown) => void
  private readonly resetListeners = new Set<ResetListener>()
  private readonly socketDroppers = new Set<() => number>()

  constructor(options: RuntimeOptions = {}) {
    const clock = options.clock ?? 'manual'
    this.clock =
      clock === 'manual' ? new ManualClock(Date.now()) : clock === 'system' ? new SystemClock() : clock
    this.startAt = options.startAt ?? 'fixture'
    this.validator = options.validateRequests === false ? null : createRequestValidator()
    this.log = options.log ?? ((message, error) => console.error(`[emulator] ${message}`, error ?? ''))
    this.settings = { ...options.settings }
    this.scenario = scenarioName(options.scenario ?? 'happy')
    this.moveClockToStart(this.startAt)
    this.cloud = createCloud({ scenario: this.scenario, clock: this.clock, settings: this.settings })
  }

  /** Changes cloud settings now and for every later scenario. */
  configure(patch: Partial<Settings>): Settings {
    Object.assign(this.settings, patch)
    return this.cloud.configure(patch)
  }

  /** Loads a scenario into a fresh world (and puts the clock back at the start unless told otherwise). */
  reset(scenario: string = this.scenario, at: string = this.startAt): Cloud {
    const name = scenarioName(scenario)
    this.moveClockToStart(at)
    this.scenario = name
    this.cloud = createCloud({ scenario: name, clock: this.clock, settings: this.settings })
    this.resetListeners.forEach((listener) => listener(this.cloud))
    return this.cloud
  }

  onReset(listener: ResetListener): () => void {
    this.resetListeners.add(listener)
    return () => this.resetListeners.delete(listener)
  }

  /** Stream hosts register how to cut their sockets; the control side cuts them all at once. */
  addSocketDropper(dropper: () => number): () => void {
    this.socketDroppers.add(dropper)
    return () => this.socketDroppers.delete(dropper)
  }

  dropSockets(): number {
    let dropped = 0
    this.socketDroppers.forEach((drop) => (dropped += drop()))
    return dropped
  }

  /** Moves the clock to an instant: travel on a system clock, a jump (running due timers) on a manual one. */
  travelTo(instant: string | number): void {
    if (this.clock instanceof ManualClock) this.clock.set(instant)
    else if (this.clock instanceof SystemClock) this.clock.travelTo(instant)
    else throw new Error('this clock cannot travel')
  }

  advance(ms: number): void {
    if (this.clock instanceof ManualClock) this.clock.advance(ms)
    else if (this.clock instanceof SystemClock) this.clock.setOffset(this.clock.getOffset() + ms)
    else throw new Error('this clock cannot advance')
  }

  private moveClockToStart(at: string): void {
    if (at === 'now') return
    const target = at === 'fixture' ? DEFAULT_FIXTURE_TIME : at
    this.travelTo(target)
  }
}

export function scenarioName(name: string): ScenarioName {
  if (!isScenarioName(name)) throw new Error(`unknown scenario "${name}"`)
  return name
}

export type { Cloud }
