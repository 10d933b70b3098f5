import { openPhone } from '../../../e2e/lib/browser'
import { startEmulator } from '../../../e2e/lib/emulator'
import { domSize, homeUrl, scrollPageTo } from '../../../e2e/lib/orders'
import { median, type Figures } from '../measure'

const RUNS = 5

/**
 * The order list with 1,000 orders (scenario `order_history`) in Chromium: tap 我的订单 on the home page →
 * the first orders on screen (a returning shopper: logged in, the app's files cached, the list not yet
 * loaded); and the largest the whole document gets while the list is scrolled from the top to its end.
 */
export async function measure(): Promise<Figures> {
  const server = await startEmulator('order_history')
  const phone = await openPhone()
  const { page } = phone
  try {
    // The page marks when the first order row is drawn; a string, as tsx would wrap a function.
    await page.addInitScript(`
      window.__orders = {}
      document.addEventListener('click', () => { window.__orders.tap = Date.now(); window.__orders.row = 0 }, true)
      new MutationObserver(() => {
        if (!window.__orders.row && window.__orders.tap && document.querySelector('.order-row'))
          window.__orders.row = Date.now()
      }).observe(document, { subtree: true, childList: true })
    `)
    const home = homeUrl(server)
    // Warm: log in and fetch the subpackage's files once.
    await page.goto(home)
    await page.getByText('我的订单').click()
    await page.locator('.order-row').first().waitFor({ timeout: 20_000 })

    const renders: number[] = []
    for (let run = 0; run < RUNS; run++) {
      await page.goto(home)
      await page.reload()
      await page.getByText('我的订单').waitFor({ timeout: 20_000 })
      await page.getByText('我的订单').click()
      const handle = await page.waitForFunction('window.__orders.row', undefined, { timeout: 20_000 })
      const rowAt = (await handle.jsonValue()) as number
      renders.push(rowAt - ((await page.evaluate('window.__orders.tap')) as number))
    }

    let largest = await domSize(page)
    let steps = 0
    while ((await page.locator('[data-list-state="end"]').count()) === 0 && steps < 1000) {
      await scrollPageTo(page, 'end')
      await page.waitForTimeout(30)
      largest = Math.max(largest, await domSize(page))
      steps++
    }
    const loaded = await page.locator('.virtual-list').getAttribute('data-count')
    const rows = await page.locator('.order-row').count()
    return {
      orders_1000_dom_nodes: {
        value: largest,
        budget: 400,
        unit: 'nodes',
        note: `whole document, largest while scrolling to the end (${loaded} orders loaded, ${rows} rows in the page)`,
      },
      orders_1000_first_render_ms: {
        value: Math.round(median(renders)),
        budget: 300,
        unit: 'ms',
        note: `tap 我的订单 → first orders on screen, median of ${RUNS}: ${renders.join(', ')} ms`,
      },
    }
  } finally {
    await phone.close()
    await server.stop()
  }
}
