import type { Page } from 'playwright-core'

/** One measured budget: null where it could not be measured. */
export interface Figure {
  value: number | null
  budget: number
  unit: string
  note?: string
}

/** What a file in measures/ returns, keyed like DESIGN §6. */
export type Figures = Record<string, Figure>

/** Marks written by the page itself, so timings do not include the test driver's own round trips. */
export async function installMarks(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap a function with helpers that do not exist in the page.
  await page.addInitScript(`
    window.__marks = {}
    const watches = new Map()
    window.__watch = (name, text) => { delete window.__marks[name]; watches.set(name, text) }
    const check = () => {
      if (watches.size === 0) return
      const body = document.body ? document.body.innerText : ''
      for (const [name, text] of watches) {
        if (body.includes(text)) { window.__marks[name] = Date.now(); watches.delete(name) }
      }
    }
    document.addEventListener('click', () => { window.__marks.tap = Date.now() }, true)
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true })
  `)
}

/** Start watching for `text` to appear; resolves the wall-clock time it appeared. */
export async function watchFor(page: Page, name: string, text: string): Promise<() => Promise<number>> {
  await page.evaluate(`window.__watch(${JSON.stringify(name)}, ${JSON.stringify(text)})`)
  return async () => {
    const handle = await page.waitForFunction(`window.__marks[${JSON.stringify(name)}]`, undefined, {
      timeout: 20_000,
      polling: 'raf',
    })
    return (await handle.jsonValue()) as number
  }
}

export const median = (values: number[]) => percentile(values, 50)

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}
