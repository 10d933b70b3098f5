import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import type { MerchantAccountList, MerchantDeviceList, Receipt } from '../../../src/api/types'
import { qrModules } from '../../../src/packages/merchant/domain/qrSticker'
import { startCloud, type SmokeCloud } from './cloud'
import type { PageOpener } from './cases'
import { waitFor, type Launch, type OpenedPage } from './screen'

const MERCHANT = 'code:u_merchant'
const ROOT = 'packages/merchant/pages'

function yuan(fen: number): string {
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/**
 * The merchant subpackage in the compiled mini-programs: its pages load from the subpackage, talk to the
 * emulated cloud as the merchant, draw their charts and QR from Views, and a complaint is handled by taps.
 */
export function merchantSmokeTests(platform: 'weapp' | 'alipay', open: PageOpener): void {
  let cloud: SmokeCloud
  let refs: { complaintId: string; recentOrderId: string }

  before(async () => {
    cloud = await startCloud()
  })
  beforeEach(async () => {
    const state = await cloud.control<{ scenario: { refs: typeof refs } }>('scenario', { name: 'merchant' })
    refs = state.scenario.refs
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

  const shows = (page: OpenedPage, text: string) => () => page.screen.texts().includes(text)
  const describe = (page: OpenedPage) => () => JSON.stringify(page.screen.texts())

  test(`${platform}: the merchant's home shows today's sales and both accounts' balances`, async () => {
    const accounts = (await cloud.getAsShopper(
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
    const devices = (await cloud.getAsShopper(
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
    const { complaintId, recentOrderId } = refs
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
    const order = (await cloud.getAsShopper(platform, `/v1/orders/${recentOrderId}`)) as Receipt
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
