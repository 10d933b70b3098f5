import path from 'node:path'
import type { Page } from 'playwright-core'
import { openPhone } from '../../e2e/lib/browser'
import { startEmulator, type Emulator } from '../../e2e/lib/emulator'
import { ROOT } from './app-config'

export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots')

export interface ScreenshotSession {
  emulator: Emulator
  page: Page
  /** Writes docs/screenshots/<prefix><name>.png of what the phone shows. */
  shot: (name: string, options?: { fullPage?: boolean }) => Promise<Buffer>
}

/**
 * The README's pictures: a phone-sized Chromium against the H5 build (dist/h5) and the emulator loaded with
 * `scenario`; `take` walks the screens and calls `shot`. Exits non-zero on any failure.
 */
export function takeScreenshots(
  scenario: string,
  prefix: string,
  take: (session: ScreenshotSession) => Promise<void>,
): void {
  const run = async () => {
    const emulator = await startEmulator(scenario)
    const phone = await openPhone()
    try {
      const shot: ScreenshotSession['shot'] = (name, options) =>
        phone.page.screenshot({ path: path.join(SCREENSHOTS, `${prefix}${name}.png`), ...options })
      await take({ emulator, page: phone.page, shot })
      console.log(
        `${prefix.replace(/-$/, '') || 'shopper'} screenshots written to ${path.relative(ROOT, SCREENSHOTS)}`,
      )
    } finally {
      await phone.close()
      await emulator.stop()
    }
  }
  run().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
