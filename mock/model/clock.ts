import { parseIso } from './time'

/** Opaque timer handle: the model never cares what is inside. */
export type TimerHandle = { readonly __timer: unknown }

/** All model time goes through a clock so tests can drive it and the simulator can travel in time. */
export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

interface ManualTimer {
  id: number
  due: number
  fn: () => void
}

/**
 * A clock that only moves when told to. Timers run in due order (ties in creation order), each seeing
 * `now()` equal to its own due time, so chains of timers (door opens → settles → pays) behave as in real
 * time.
 */
export class ManualClock implements Clock {
  private current: number
  private seq = 0
  private timers: ManualTimer[] = []

  constructor(start: number | string = 0) {
    this.current = typeof start === 'string' ? parseIso(start) : start
  }

  now(): number {
    return this.current
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    this.seq += 1
    const timer: ManualTimer = { id: this.seq, due: this.current + Math.max(0, ms), fn }
    this.timers.push(timer)
    return { __timer: timer.id }
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.__timer)
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way. */
  advance(ms: number): void {
    if (ms < 0) throw new Error('ManualClock cannot go backwards with advance(); use set()')
    this.runUntil(this.current + ms)
  }

  /** Jumps to an instant. Forward jumps run due timers; backward jumps just move the hands. */
  set(instant: number | string): void {
    const target = typeof instant === 'string' ? parseIso(instant) : instant
    if (target >= this.current) this.runUntil(target)
    else this.current = target
  }

  /** Runs timers until none is left (bounded, so a self-rescheduling timer cannot hang a test). */
  runAll(maxTimers = 10_000): void {
    for (let i = 0; i < maxTimers; i += 1) {
      const next = this.nextTimer()
      if (!next) return
      this.runUntil(next.due)
    }
    throw new Error('ManualClock.runAll: too many timers')
  }

  pendingTimers(): number {
    return this.timers.length
  }

  private nextTimer(): ManualTimer | undefined {
    let best: ManualTimer | undefined
    for (const t of this.timers) {
      if (!best || t.due < best.due || (t.due === best.due && t.id < best.id)) best = t
    }
    return best
  }

  private runUntil(target: number): void {
    for (;;) {
      const next = this.nextTimer()
      if (!next || next.due > target) break
      this.timers = this.timers.filter((t) => t !== next)
      this.current = Math.max(this.current, next.due)
      next.fn()
    }
    this.current = Math.max(this.current, target)
  }
}

/**
 * Real time plus an adjustable offset, for the dev server and the simulator: "travel" to a promotion's
 * window without touching the machine's clock. Timers are real timers (durations are not scaled).
 */
export class SystemClock implements Clock {
  private offset = 0

  now(): number {
    return Date.now() + this.offset
  }

  setOffset(ms: number): void {
    this.offset = ms
  }

  getOffset(): number {
    return this.offset
  }

  travelTo(instant: number | string): void {
    const target = typeof instant === 'string' ? parseIso(instant) : instant
    this.offset = target - Date.now()
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const t = setTimeout(fn, Math.max(0, ms))
    // A pending settlement must not keep a Node process (or a jest worker) alive on its own.
    if (typeof t === 'object' && t !== null && 'unref' in t) t.unref()
    return { __timer: t }
  }

  clearTimeout(handle: TimerHandle): void {
    clearTimeout(handle.__timer as ReturnType<typeof setTimeout>)
  }
}
