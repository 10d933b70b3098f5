/**
 * What the shopper journeys share: one emulator per file, a fresh phone per journey (with a screenshot kept
 * when it fails), the fast cabinet settings, and the steps most visits take (scan, 开门, the platform's
 * page). What the shopper sees is read with ./screen, what the cloud holds with ./cloud.
 */
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import type { Settings } from '../../mock/model/state'
import { keepScreenshot, openPhone, type Phone } from './browser'
import { startEmulator, type Emulator } from './emulator'
import { button, visible, waitForText, SCREEN_MS } from './screen'

/**
 * Cabinet and platform timings for the journeys. Settings survive a scenario reset, so every journey sets
 * all of them: one journey's short timeout never leaks into the next.
 */
export const FAST_SETTINGS: Partial<Settings> = {
  doorDelayMs: 100,
  settlementDelayMs: 100,
  openTimeoutMs: 20_000,
  doorLeftOpenMs: 60_000,
  creditAutoCompleteMs: 1_500,
  paymentAutoCompleteMs: 800,
}

/** One API exchange the phone made, as the browser saw it. */
export interface ApiCall {
  method: string
  path: string
  status: number | null
}

export interface ApiLog {
  calls: ApiCall[]
  /** Session ids of every answered POST /v1/door-sessions, in order (parsed once the bodies arrive). */
  openedSessionIds: () => Promise<string[]>
}

export interface Journey {
  emulator: Emulator
  phone: Phone
  page: Page
  api: ApiLog
}

/** Starts one emulator for the file (stopped after it) and returns a getter for it. */
export function emulatorForFile(): () => Emulator {
  let emulator: Emulator | undefined
  before(async () => {
    emulator = await startEmulator('happy')
  })
  after(async () => {
    await emulator?.stop()
  })
  return () => {
    if (!emulator) throw new Error('the emulator has not started')
    return emulator
  }
}

/**
 * A node:test journey on a fresh phone: the scenario is loaded with the fast settings (plus `settings`),
 * the phone is opened, and on failure a screenshot is kept under e2e/.artifacts before the phone closes.
 */
export function journey(
  name: string,
  options: { emulator: () => Emulator; scenario: string; settings?: Partial<Settings>; timeoutMs?: number },
  body: (j: Journey) => Promise<void>,
): void {
  test(name, { timeout: options.timeoutMs ?? 30_000 }, async () => {
    const emulator = options.emulator()
    await loadScenario(emulator, options.scenario, options.settings)
    const phone = await openPhone()
    const api = recordApi(phone.page)
    try {
      await body({ emulator, phone, page: phone.page, api })
    } catch (error) {
      await keepScreenshot(phone.page, `shopper ${name}`)
      throw error
    } finally {
      await phone.close()
    }
  })
}

export async function loadScenario(
  emulator: Emulator,
  name: string,
  settings: Partial<Settings> = {},
): Promise<void> {
  await emulator.control('scenario', { name })
  await emulator.control('settings', { ...FAST_SETTINGS, ...settings })
}

function recordApi(page: Page): ApiLog {
  const calls: ApiCall[] = []
  const opened: Promise<string | null>[] = []
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (url.pathname.startsWith('/v1/'))
      calls.push({ method: req.method(), path: url.pathname, status: null })
  })
  page.on('response', (res) => {
    const req = res.request()
    const url = new URL(res.url())
    if (!url.pathname.startsWith('/v1/')) return
    const call = calls.find((c) => c.status === null && c.method === req.method() && c.path === url.pathname)
    if (call) call.status = res.status()
    if (req.method() === 'POST' && url.pathname === '/v1/door-sessions' && res.ok()) {
      opened.push(
        res
          .json()
          .then((body: unknown) => (body as { id?: string }).id ?? null)
          .catch(() => null),
      )
    }
  })
  return {
    calls,
    openedSessionIds: async () => (await Promise.all(opened)).filter((id): id is string => id !== null),
  }
}

// ---- the steps most visits take

/** What the shopping page says once the door is open. */
export const DOOR_OPEN = '柜门已打开，请取商品'

/** Taps 开门 on the cabinet page (waiting up to `timeout` for it) and waits for the open door. */
export async function tapOpen(page: Page, timeout?: number): Promise<void> {
  await button(page, '开门').click({ timeout })
  await waitForText(page, DOOR_OPEN)
}

/**
 * A shopper cleared to shop scans the cabinet's QR (GZ0001A as u_happy unless told otherwise) and opens its
 * door. A cold launch's cabinet page may take longer than a screen change.
 */
export async function scanAndOpen(
  page: Page,
  emulator: Emulator,
  cabinet: { deviceCode?: string; loginCode?: string } = {},
): Promise<void> {
  await page.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A', ...cabinet }))
  await tapOpen(page, 15_000)
}

/** Confirms the H5 stand-in for the platform page (credit authorization, payment): Taro's modal, 确认. */
export async function confirmPlatformDialog(page: Page, title: RegExp): Promise<void> {
  // The modal's own root has no box (its children are fixed): wait for the content panel.
  const modal = visible(page, '.taro-modal__content')
  await modal.waitFor({ state: 'visible', timeout: SCREEN_MS })
  const shownTitle = await modal.locator('.taro-modal__title').innerText()
  if (!title.test(shownTitle)) throw new Error(`expected a dialog titled ${title}, saw "${shownTitle}"`)
  await modal.locator('.taro-model__confirm', { hasText: '确认' }).click()
}
