import type { Client } from './client'

/** The test users the kit logs in as; a staging cloud provides their login codes (see README). */
export const ROLES = ['shopper', 'other', 'staff', 'merchant'] as const
export type Role = (typeof ROLES)[number]

export interface User {
  role: Role
  token: string
  userId: string
}

export interface Context {
  base: string
  client: Client
  users: Record<Role, User>
  /** The login code of each role (some checks log in again). */
  codes: Record<Role, string>
  /** A cabinet the shopper can open and the staff user restocks, owned by the merchant. */
  deviceCode: string
  platform: string
  /**
   * Present only when `base` is the emulator: its control side (`/__control/*`), used to take goods and
   * close a door. Never used against another server.
   */
  control: ((route: string, body?: unknown) => Promise<unknown>) | null
}

export type Outcome = 'passed' | 'failed' | 'not run'

export interface Result {
  group: string
  name: string
  outcome: Outcome
  /** Why it failed, or why it was not run. */
  detail: string
  ms: number
}

export interface Check {
  group: string
  name: string
  /** `door`: the check needs a door to change state (goods taken, door closed), so only the emulator. */
  needs?: 'door'
  run(ctx: Context): Promise<void>
}

/** A failed expectation, with what was seen. */
export class Miss extends Error {}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Miss(message)
}

export async function runChecks(checks: Check[], ctx: Context, only?: RegExp): Promise<Result[]> {
  const results: Result[] = []
  for (const check of checks) {
    if (only && !only.test(`${check.group} ${check.name}`)) continue
    const started = Date.now()
    if (check.needs === 'door' && !ctx.control) {
      results.push({
        group: check.group,
        name: check.name,
        outcome: 'not run',
        detail: 'needs a door to change state: runs only against the emulator (its control side)',
        ms: 0,
      })
      continue
    }
    try {
      await check.run(ctx)
      results.push({
        group: check.group,
        name: check.name,
        outcome: 'passed',
        detail: '',
        ms: Date.now() - started,
      })
    } catch (error) {
      const detail = error instanceof Miss ? error.message : `the check broke: ${String(error)}`
      results.push({
        group: check.group,
        name: check.name,
        outcome: 'failed',
        detail,
        ms: Date.now() - started,
      })
    }
  }
  return results
}

export function short(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > max ? `${text.slice(0, max)}…` : text
}
