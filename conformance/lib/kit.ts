import { accessChecks } from '../checks/access'
import { answerChecks } from '../checks/answers'
import { badInputChecks } from '../checks/badInput'
import { doorChecks } from '../checks/door'
import { idempotencyChecks } from '../checks/idempotency'
import { listChecks } from '../checks/lists'
import { Client } from './client'
import { countsOf, type Report } from './report'
import { runChecks, type Check, type Role } from './suite'
import { logIn } from './users'

/** Every check, in the order they run; the answer checks last, as they look at every answer before them. */
export const ALL_CHECKS: Check[] = [
  ...accessChecks,
  ...idempotencyChecks,
  ...listChecks,
  ...badInputChecks,
  ...doorChecks,
  ...answerChecks,
]

export interface KitOptions {
  base: string
  codes: Record<Role, string>
  deviceCode: string
  platform: string
  /** Only checks whose "group name" matches. */
  only?: RegExp
  checks?: Check[]
}

/** Whether `base` is the emulator: its control side answers. Nothing else is ever sent there. */
async function emulatorControl(base: string) {
  const url = (route: string) => `${base.replace(/\/$/, '')}/__control/${route}`
  try {
    const state = await fetch(url('state'))
    if (!state.ok || !(state.headers.get('content-type') ?? '').includes('json')) return null
  } catch {
    return null
  }
  return async (route: string, body: unknown = {}) => {
    const response = await fetch(url(route), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`control ${route} → ${response.status} ${await response.text()}`)
    return response.json() as Promise<unknown>
  }
}

export async function runKit(options: KitOptions): Promise<Report> {
  const started = Date.now()
  const client = new Client(options.base)
  const control = await emulatorControl(options.base)
  const users = await logIn(client, options.codes, options.platform)
  const results = await runChecks(
    options.checks ?? ALL_CHECKS,
    {
      base: options.base,
      client,
      users,
      codes: options.codes,
      deviceCode: options.deviceCode,
      platform: options.platform,
      control,
    },
    options.only,
  )
  return {
    base: options.base,
    emulator: control !== null,
    startedAt: new Date(started).toISOString(),
    seconds: (Date.now() - started) / 1000,
    requests: client.exchanges.length,
    counts: countsOf(results),
    results,
  }
}
