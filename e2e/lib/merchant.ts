import { after, afterEach, before } from 'node:test'
import type { Page } from 'playwright-core'
import { keepScreenshot, openPhone, type Phone } from './browser'
import { startEmulator, type Emulator } from './emulator'

/**
 * A journey file's emulator (one per file, loaded with `scenario`) and its phones (fresh per test, closed
 * after it; a failed test keeps each phone's screenshot).
 */
export function merchantJourney(scenario = 'merchant'): {
  readonly emulator: Emulator
  phone: () => Promise<Page>
} {
  let emulator: Emulator | undefined
  let phones: Phone[] = []
  before(async () => {
    emulator = await startEmulator(scenario)
  })
  after(async () => {
    await emulator?.stop()
  })
  afterEach(async (t) => {
    for (const [i, phone] of phones.entries()) {
      if (process.exitCode) await keepScreenshot(phone.page, phones.length > 1 ? `${t.name}-${i}` : t.name)
      await phone.close()
    }
    phones = []
  })
  return {
    get emulator() {
      if (!emulator) throw new Error('the emulator starts in before()')
      return emulator
    },
    phone: async () => {
      const phone = await openPhone()
      phones.push(phone)
      return phone.page
    },
  }
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
