import type { Page } from 'playwright-core'
import type { Emulator } from './emulator'
import { journeyFile, type JourneyFile } from './journey-file'

/** A merchant journey file: its emulator, loaded with the merchant's world unless told otherwise. */
export function merchantJourney(scenario = 'merchant'): JourneyFile {
  return journeyFile(scenario)
}

/** A page of the merchant workspace in the H5 build, signed in as `loginCode`'s user. */
export function merchantUrl(
  emulator: Emulator,
  page: string,
  query: Record<string, string> = {},
  loginCode = 'code:u_merchant',
): string {
  const params = new URLSearchParams({ ...query, login_code: loginCode })
  return `${emulator.url}/app/index.html#/packages/merchant/pages/${page}/index?${params.toString()}`
}

/** Taps a NutUI button by its text (Chromium reaches its handler through the taro-button-core element). */
export async function tapButton(page: Page, text: string): Promise<void> {
  await page.locator('taro-button-core', { hasText: text }).last().click()
}

/** Calls the cloud's API as a fixture user, the way the shopper's phone would (login, then the call). */
export async function apiAs<T>(emulator: Emulator, userId: string, path: string): Promise<T> {
  const login = await fetch(`${emulator.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': `e2e-login-${Date.now()}` },
    body: JSON.stringify({ platform: 'h5', code: `code:${userId}` }),
  })
  if (!login.ok) throw new Error(`login as ${userId}: ${login.status} ${await login.text()}`)
  const { token } = (await login.json()) as { token: string }
  const res = await fetch(`${emulator.url}${path}`, { headers: { Authorization: `Bearer ${token}` } })
  if (!res.ok) throw new Error(`GET ${path} as ${userId}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}
