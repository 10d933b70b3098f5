import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

/** Debian's Chromium, headless, with the flags this closed network needs; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface Phone {
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

/** A phone-sized browser with a fresh profile: nothing persisted from another journey. */
export async function openPhone(): Promise<Phone> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Keeps a screenshot of a failed journey for the person who reads the CI log. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve(__dirname, '..', '.artifacts')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`)
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
  return file
}
