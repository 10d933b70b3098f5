/**
 * What the shopper journeys share: one emulator per file, a fresh phone per journey (with a screenshot kept
 * when it fails), the fast cabinet settings, and small readers for what the shopper sees and what the cloud
 * holds.
 */
import { after, before, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import type { ControlState } from '../../mock/handlers/control'
import type { Settings } from '../../mock/model/state'
import { keepScreenshot, openPhone, type Phone } from './browser'
import { startEmulator, type Emulator } from './emulator'

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

/** How long a screen may take to appear: well inside the 20 s promise, generous for a loaded CI box. */
export const SCREEN_MS = 10_000

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

// ---- what the shopper sees

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A NutUI / Taro button on the visible page whose whole label is `label` (开门 is not 暂不可开门). */
export function button(page: Page, label: string): Locator {
  return page
    .locator('taro-button-core')
    .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`), visible: true })
}

/** Visible text on the current page (Taro keeps the pages below it in the DOM, hidden). */
export function visibleText(page: Page, text: string | RegExp): Locator {
  return page.getByText(text, { exact: typeof text === 'string' }).filter({ visible: true })
}

export function visible(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true })
}

/** Waits for text on the current screen; on timeout the failure says what the shopper saw instead. */
export async function waitForText(page: Page, text: string | RegExp, timeout = SCREEN_MS): Promise<void> {
  try {
    await visibleText(page, text).first().waitFor({ state: 'visible', timeout })
  } catch {
    const screen = await page
      .locator('.taro_page')
      .filter({ visible: true })
      .last()
      .innerText({ timeout: 1_000 })
      .catch(() => '(unreadable)')
    throw new Error(
      `"${String(text)}" did not appear within ${timeout} ms; the screen shows: ${screen.replace(/\s+/g, ' ').slice(0, 300)}`,
    )
  }
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

export interface CartOnScreen {
  lines: Record<string, number>
  totalText: string | null
}

/** The live cart as the shopping page draws it: product → qty, and the 合计 text. */
export async function cartOnScreen(page: Page): Promise<CartOnScreen> {
  const lines: Record<string, number> = {}
  for (const line of await visible(page, '.cart__line').all()) {
    const id = await line.getAttribute('data-product-id')
    const qty = await line.getAttribute('data-qty')
    if (id) lines[id] = Number(qty)
  }
  const sum = visible(page, '.cart__sum-total')
  const totalText = (await sum.count()) > 0 ? (await sum.first().innerText()).trim() : null
  return { lines, totalText }
}

/** Polls until `read` equals `expected` (deep, as JSON) or the time is up; resolves with the last read. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeout = SCREEN_MS): Promise<T> {
  const deadline = Date.now() + timeout
  let last = await read()
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    last = await read()
  }
  return last
}

// ---- what the cloud holds

/** The door sessions a user started in this journey (the scenario's seeded history left out). */
export function sessionsOf(emulator: Emulator, userId: string) {
  return [...emulator.cloud.inspect().sessions.values()].filter(
    (s) => s.userId === userId && !s.intentId.startsWith('seed-') && !s.intentId.startsWith('fixture-'),
  )
}

/** The one door session of this journey, or a failure naming how many there were. */
export function onlySessionOf(emulator: Emulator, userId: string) {
  const sessions = sessionsOf(emulator, userId)
  const session = sessions[0]
  if (sessions.length !== 1 || !session) {
    throw new Error(`expected one door session for ${userId}, the cloud has ${sessions.length}`)
  }
  return session
}

/** The cloud's receipt for an order, as the contract serves it to its owner. */
export function cloudReceipt(emulator: Emulator, userId: string, orderId: string) {
  return emulator.cloud.getOrder(userId, orderId)
}

export async function controlState(emulator: Emulator): Promise<ControlState> {
  return (await emulator.control('state')) as ControlState
}

/** product → qty of a cart as the cloud prices it. */
export function cartLines(cart: { lines: { productId: string; qty: number }[] }): Record<string, number> {
  return Object.fromEntries(cart.lines.map((l) => [l.productId, l.qty]))
}
