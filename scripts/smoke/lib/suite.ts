import { after, before, beforeEach } from 'node:test'
import { startCloud, type SmokeCloud } from './cloud'
import type { Launch, OpenedPage } from './screen'

export type PageOpener = (cloud: SmokeCloud, launch: Launch) => Promise<OpenedPage>

/** ¥3.50: the price format shoppers see (computed here in integer fen, independently of the app). */
export function yuan(fen: number): string {
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

function safely<T>(read: () => T): T | string {
  try {
    return read()
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

export interface SmokeSuite<Refs> {
  /** The suite's emulated cloud, started before its first test. */
  readonly cloud: SmokeCloud
  /** The scenario's named records (order ids, complaint ids), as loaded afresh for this test. */
  readonly refs: Refs
  /** Everything a failure report needs: the page stack, the screen, the cloud's log, the platform's effects. */
  report: (page: OpenedPage) => () => string
  /**
   * Opens a page for a test's body and closes it whatever happens; a failure carries the report (once: a
   * `waitFor` given the report has already added it).
   */
  withPage: (launch: Launch, body: (page: OpenedPage) => Promise<void>) => Promise<void>
}

/**
 * The set-up every smoke suite shares: one emulated cloud for the suite, and every test starting from the
 * `scenario`'s world at the fixtures' Friday noon (no door open, full stock), whatever the test before did.
 */
export function smokeSuite<Refs = Record<string, string>>(
  open: PageOpener,
  scenario: string,
): SmokeSuite<Refs> {
  let cloud: SmokeCloud | undefined
  let refs: Refs | undefined
  const started = (): SmokeCloud => {
    if (!cloud) throw new Error('the cloud starts in before()')
    return cloud
  }

  before(async () => {
    cloud = await startCloud()
  })
  beforeEach(async () => {
    const state = await started().control<{ scenario: { refs: Refs } }>('scenario', { name: scenario })
    refs = state.scenario.refs
  })
  after(async () => {
    await cloud?.stop()
  })

  const report = (page: OpenedPage) => () =>
    [
      `pages: ${JSON.stringify(page.routes())}`,
      `screen: ${JSON.stringify(safely(() => page.screen.texts()))}`,
      `requests: ${JSON.stringify(started().log.map((e) => `${e.method} ${e.path} → ${e.status ?? 'no answer'}`))}`,
      `navigations: ${JSON.stringify(page.effects.navigations)}`,
      `sockets: ${JSON.stringify(page.sockets.map((r) => `${r.state}, sent ${JSON.stringify(r.sent)}, ${r.received.length} received`))}`,
      `toasts: ${JSON.stringify(page.effects.toasts)}`,
      `platform APIs the stand-in lacks: ${JSON.stringify([...page.effects.missingApis])}`,
    ].join('\n  ')

  return {
    get cloud() {
      return started()
    },
    get refs() {
      if (refs === undefined) throw new Error('the scenario loads in beforeEach()')
      return refs
    },
    report,
    withPage: async (launch, body) => {
      started().clearLog()
      const page = await open(started(), launch)
      try {
        await body(page)
      } catch (err) {
        if (err instanceof Error && !err.message.includes('\n  screen: '))
          err.message += `\n  ${report(page)()}`
        throw err
      } finally {
        await page.close()
      }
    },
  }
}
