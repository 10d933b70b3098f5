import { ManualClock } from '../clock'
import { createCloud, type Cloud } from '../cloud'
import { CloudError, type CloudErrorCode } from '../errors'
import { DEFAULT_FIXTURE_TIME, type ScenarioName } from '../fixtures'
import type { Settings } from '../state'
import type { Platform } from '../types'

export function cloudFor(
  scenario: ScenarioName,
  settings: Partial<Settings> = {},
): { cloud: Cloud; clock: ManualClock } {
  const clock = new ManualClock(DEFAULT_FIXTURE_TIME)
  return { cloud: createCloud({ scenario, clock, settings }), clock }
}

/** Logs in with the deterministic fixture code and returns the caller id the model takes. */
export function loginAs(cloud: Cloud, userId: string, platform: Platform = 'weapp'): string {
  const { token } = cloud.login({ platform, code: `code:${userId}` })
  const caller = cloud.authenticate(token)
  if (caller === null) throw new Error('login failed')
  return caller
}

/** Runs fn, expecting a CloudError with this code; returns it for further checks. */
export function cloudErrorOf(fn: () => unknown, code: CloudErrorCode, status?: number): CloudError {
  let caught: unknown
  try {
    fn()
  } catch (e) {
    caught = e
  }
  expect(caught).toBeInstanceOf(CloudError)
  const err = caught as CloudError
  expect(err.code).toBe(code)
  if (status !== undefined) expect(err.status).toBe(status)
  return err
}

let intentSeq = 0
export function intent(): string {
  intentSeq += 1
  return `intent-${intentSeq}`
}
