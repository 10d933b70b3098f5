import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

/** Debian's Chromium, headless, with the flags this closed network needs; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface Phone {
  context: BrowserContext
  page: Page
  /** The browser profile: the phone's storage, kept across a kill. */
  profile: string
  /** Closes the browser and deletes its storage. */
  close: () => Promise<void>
  /** The app is killed: the browser closes, its storage stays for the next launch (`openPhone(profile)`). */
  kill: () => Promise<void>
}

/**
 * A phone-sized browser. With no `profile` a fresh one (nothing persisted from another journey); with the
 * profile of a killed phone, the same storage again (the app relaunched on the same phone).
 */
export async function openPhone(
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-e2e-')),
): Promise<Phone> {
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
    profile,
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
    kill: () => context.close(),
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
