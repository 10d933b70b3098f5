import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import type { Receipt } from '../../../src/api/types'
import { startCloud, type SmokeCloud } from './cloud'
import type { PageOpener } from './cases'
import { waitFor, type Launch, type OpenedPage } from './screen'

const ROOT = 'packages/orders/pages'

function yuan(fen: number): string {
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/**
 * The orders subpackage in the compiled mini-programs: a receipt loads from the subpackage with the cloud's
 * lines and total, and the complaint form lists the order's lines and takes a line by a tap.
 */
export function ordersSmokeTests(platform: 'weapp' | 'alipay', open: PageOpener): void {
  let cloud: SmokeCloud
  let orderId = ''

  before(async () => {
    cloud = await startCloud()
  })
  beforeEach(async () => {
    const state = await cloud.control<{ scenario: { refs: { recentOrderId: string } } }>('scenario', {
      name: 'happy',
    })
    orderId = state.scenario.refs.recentOrderId
  })
  after(async () => {
    await cloud?.stop()
  })

  async function withPage(launch: Launch, body: (page: OpenedPage) => Promise<void>): Promise<void> {
    cloud.clearLog()
    const page = await open(cloud, launch)
    try {
      await body(page)
    } catch (err) {
      if (err instanceof Error) {
        err.message += `\n  screen: ${JSON.stringify(page.screen.texts())}`
        err.message += `\n  requests: ${JSON.stringify(cloud.log.map((e) => `${e.method} ${e.path} → ${e.status}`))}`
      }
      throw err
    } finally {
      await page.close()
    }
  }

  const describe = (page: OpenedPage) => () => JSON.stringify(page.screen.texts())
  const receipt = async () => (await cloud.getAsShopper(platform, `/v1/orders/${orderId}`)) as Receipt

  test(`${platform}: a receipt opens from the orders subpackage with the cloud's lines and total`, async () => {
    const expected = await receipt()
    await withPage({ page: `${ROOT}/detail/index`, query: { orderId } }, async (page) => {
      await waitFor(() => page.screen.byClass('receipt__line-name').length > 0, describe(page))
      assert.deepEqual(
        page.screen.byClass('receipt__line-name').map((n) => n.text.trim()),
        expected.lines.map((l) => `${l.name} ×${l.qty}`),
      )
      assert.equal(page.screen.byClass('receipt__amount')[0]?.text.trim(), yuan(expected.totalFen))
      assert.ok(page.screen.texts().includes(expected.id), 'the order number')
    })
  })

  test(`${platform}: the complaint form lists the order's lines, and a tap picks one`, async () => {
    const expected = await receipt()
    await withPage({ page: `${ROOT}/complaint/index`, query: { orderId } }, async (page) => {
      await waitFor(() => page.screen.byClass('complaint-form__line').length > 0, describe(page))
      assert.deepEqual(
        page.screen.byClass('complaint-form__name').map((n) => n.text.trim()),
        expected.lines.map((l) => `${l.name} ×${l.qty}`),
      )
      await page.screen.byClass('complaint-form__pick')[0]!.tap()
      await waitFor(() => page.screen.byClass('complaint-form__pick--on').length === 1, describe(page))
      assert.equal(
        page.screen.byClass('complaint-form__detail').length,
        1,
        'the picked line asks what is wrong',
      )
    })
  })
}
