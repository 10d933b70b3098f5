/**
 * What a journey's phone shows, read as a person reads it: the visible page only (Taro keeps the pages
 * below it in the DOM, hidden), buttons by their whole label, and failures that say what was on screen.
 */
import type { Locator, Page } from 'playwright-core'

/** How long a screen may take to appear: well inside the 20 s promise, generous for a loaded CI box. */
export const SCREEN_MS = 10_000

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

export interface CartOnScreen {
  lines: Record<string, number>
  totalText: string | null
}

/** The live cart as the shopping page draws it: product → qty (lines put back aside), and the 合计 text. */
export async function cartOnScreen(page: Page): Promise<CartOnScreen> {
  const lines: Record<string, number> = {}
  for (const line of await visible(page, '.cart__line:not(.cart__line--put-back)').all()) {
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
