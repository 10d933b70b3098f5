import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Receipt } from '../../../src/api/types'
import { waitFor, type OpenedPage } from './screen'
import { smokeSuite, yuan, type PageOpener } from './suite'

const ROOT = 'packages/orders/pages'

/**
 * The orders subpackage in the compiled mini-programs: a receipt loads from the subpackage with the cloud's
 * lines and total, and the complaint form lists the order's lines and takes a line by a tap.
 */
export function ordersSmokeTests(platform: 'weapp' | 'alipay', open: PageOpener): void {
  const suite = smokeSuite<{ recentOrderId: string }>(open, 'happy')
  const { withPage } = suite

  const describe = (page: OpenedPage) => () => JSON.stringify(page.screen.texts())
  /** The scenario's recent order as its shopper gets it from the cloud: what the pages must show. */
  const receipt = async () =>
    (await suite.cloud.getAsShopper(platform, `/v1/orders/${suite.refs.recentOrderId}`)) as Receipt

  test(`${platform}: a receipt opens from the orders subpackage with the cloud's lines and total`, async () => {
    const expected = await receipt()
    await withPage({ page: `${ROOT}/detail/index`, query: { orderId: expected.id } }, async (page) => {
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
    await withPage({ page: `${ROOT}/complaint/index`, query: { orderId: expected.id } }, async (page) => {
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
