import { after, afterEach, before } from 'node:test'
import type { Page } from 'playwright-core'
import { keepScreenshot, openPhone, type Phone } from './browser'
import { startEmulator, type Emulator } from './emulator'

export interface JourneyFile {
  /** The file's emulator (started in before()). */
  readonly emulator: Emulator
  /** A fresh phone for the running test, closed after it. */
  phone: () => Promise<Page>
}

/**
 * A journey file's emulator (one per file, loaded with `scenario`) and its phones (fresh per test, closed
 * after it; a failed test keeps each phone's screenshot).
 */
export function journeyFile(scenario: string): JourneyFile {
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
