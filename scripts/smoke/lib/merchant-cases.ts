import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { MerchantAccountList, MerchantDeviceList, Receipt } from '../../../src/api/types'
import { qrModules } from '../../../src/packages/merchant/domain/qrSticker'
import { waitFor, type OpenedPage } from './screen'
import { smokeSuite, yuan, type PageOpener } from './suite'

const MERCHANT = 'code:u_merchant'
const ROOT = 'packages/merchant/pages'

/**
 * The merchant subpackage in the compiled mini-programs: its pages load from the subpackage, talk to the
 * emulated cloud as the merchant, draw their charts and QR from Views, and a complaint is handled by taps.
 */
export function merchantSmokeTests(platform: 'weapp' | 'alipay', open: PageOpener): void {
  const suite = smokeSuite<{ complaintId: string; recentOrderId: string }>(open, 'merchant')
  const { withPage } = suite

  const shows = (page: OpenedPage, text: string) => () => page.screen.texts().includes(text)
  const describe = (page: OpenedPage) => () => JSON.stringify(page.screen.texts())

  test(`${platform}: the merchant's home shows today's sales and both accounts' balances`, async () => {
    const accounts = (await suite.cloud.getAsShopper(
      platform,
      '/v1/merchant/accounts',
      MERCHANT,
    )) as MerchantAccountList
    await withPage({ page: `${ROOT}/home/index`, loginCode: MERCHANT }, async (page) => {
      await waitFor(shows(page, '今日经营'), describe(page))
      for (const account of accounts.items) {
        await waitFor(shows(page, `可提现 ${yuan(account.availableFen)}`), describe(page))
      }
      await waitFor(shows(page, '1 条待处理'), describe(page))
    })
  })

  test(`${platform}: statistics draw a bar per cabinet and the latency table`, async () => {
    await withPage({ page: `${ROOT}/statistics/index`, loginCode: MERCHANT }, async (page) => {
      await waitFor(() => page.screen.byClass('bar-list__row').length >= 3, describe(page))
      assert.equal(page.screen.byClass('column-chart__slot').length, 1, 'one column for today')
      assert.equal(page.screen.byClass('statistics__latency-row').length, 3)
    })
  })

  test(`${platform}: a cabinet's QR is drawn module by module from its URL`, async () => {
    const devices = (await suite.cloud.getAsShopper(
      platform,
      '/v1/merchant/devices',
      MERCHANT,
    )) as MerchantDeviceList
    const first = devices.items[0]!
    await withPage({ page: `${ROOT}/qrcodes/index`, loginCode: MERCHANT }, async (page) => {
      await waitFor(() => page.screen.byClass('qr-code__row').length > 0, describe(page))
      assert.equal(page.screen.byClass('qr-code__row').length, qrModules(first.qrUrl).length)
      assert.ok(page.screen.byClass('qr-code__dark').length > 100, 'dark modules drawn')
      assert.ok(page.screen.texts().includes(first.qrUrl))
    })
  })

  test(`${platform}: a complaint approved by taps refunds the shopper's order 原路返回`, async () => {
    const { complaintId, recentOrderId } = suite.refs
    await withPage(
      { page: `${ROOT}/complaint/index`, query: { id: complaintId }, loginCode: MERCHANT },
      async (page) => {
        const button = (text: string) => page.screen.byClass('nut-button').find((b) => b.text.includes(text))
        await waitFor(() => button('同意并退差额'), describe(page))
        assert.ok(page.screen.texts().some((t) => t.includes('只拿了一瓶可乐，扣了两瓶的钱')))
        await button('同意并退差额')!.tap()
        await waitFor(() => button('确认同意'), describe(page))
        await button('确认同意')!.tap()
        await waitFor(shows(page, '处理结果：已处理'), describe(page))
      },
    )
    const order = (await suite.cloud.getAsShopper(platform, `/v1/orders/${recentOrderId}`)) as Receipt
    assert.equal(order.refunds.length, 1)
    assert.equal(order.refunds[0]?.destination, '原路返回')
    assert.equal(order.status, 'partially_refunded')
  })

  test(`${platform}: a shopper who reaches the merchant's home is refused`, async () => {
    await withPage({ page: `${ROOT}/home/index` }, async (page) => {
      await waitFor(shows(page, '没有操作权限'), describe(page))
      assert.ok(!page.screen.texts().some((t) => t.startsWith('可提现')), 'no balance shown')
    })
  })
}
