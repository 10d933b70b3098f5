import type { Locator, Page } from 'playwright-core'
import type { Emulator } from './emulator'

/** A page of the H5 app opened directly (a deep link), logged in with a fixture user's login code. */
export function appUrl(emulator: Emulator, route: string, query: Record<string, string>, loginCode: string) {
  const params = new URLSearchParams({ ...query, login_code: loginCode })
  return `${emulator.url}/app/index.html#${route}?${params.toString()}`
}

/** Taps a NutUI button by its text (Chromium needs the taro-button-core element). */
export async function tapButton(page: Page, text: string, within?: string): Promise<void> {
  const scope = within ? page.locator(within) : page
  await scope.locator('taro-button-core', { hasText: text }).first().click()
}

export interface ApiAnswer<T> {
  status: number
  body: T
}

/** The emulator's HTTP API as a fixture user, from the test (not the phone): for checks and 403s. */
export async function apiAs(emulator: Emulator, userId: string) {
  const login = await fetch(`${emulator.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-login-${userId}-${Date.now()}` },
    body: JSON.stringify({ platform: 'h5', code: `code:${userId}` }),
  })
  const { token } = (await login.json()) as { token: string }
  let seq = 0
  return async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiAnswer<T>> => {
    seq += 1
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    }
    if (method !== 'GET') headers['idempotency-key'] = `e2e-${userId}-${Date.now()}-${seq}`
    const res = await fetch(`${emulator.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
  }
}

/**
 * A free restock of GZ0001A by u_staff, from its restock page up to the summary: 开门补货, `qty` of a
 * product put on the shelves, the door closed. Returns that product's line of the summary, once shown.
 */
export async function freeRestockToSummary(
  emulator: Emulator,
  page: Page,
  put: { productId: string; qty: number },
): Promise<Locator> {
  const door = { deviceCode: 'GZ0001A', doorNo: 1 }
  await page.goto(
    appUrl(emulator, '/packages/staff/pages/restock/index', { code: door.deviceCode }, 'code:u_staff'),
  )
  await tapButton(page, '开门补货')
  await page.getByText('柜门已打开，请补货').waitFor({ timeout: 20_000 })
  await emulator.control('return', { ...door, ...put })
  await emulator.control('close', door)
  const line = page.locator(`.restock-summary [data-product-id="${put.productId}"]`)
  await line.waitFor({ timeout: 10_000 })
  return line
}
