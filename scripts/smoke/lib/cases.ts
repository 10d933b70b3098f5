import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { CabinetLanding } from '../../../src/api/types'
import { describeError } from '../../../src/domain/errors'
import { FIXTURE, startCloud, type SmokeCloud } from './cloud'
import { waitFor, type Launch, type OpenedPage, type Screen } from './screen'

export type PageOpener = (cloud: SmokeCloud, launch: Launch) => Promise<OpenedPage>

const CABINET_QR = `https://qr.kaimengui.cn/c/${FIXTURE.deviceCode}`
/** A sticker pasted over ours: the right path and code on a host the app must not trust. */
const HOSTILE_QR = `https://evil.example/c/${FIXTURE.deviceCode}`
const LANDING_PATH = `/v1/devices/${FIXTURE.deviceCode}/landing`

/** ¥3.50: the price format shoppers see (computed here in integer fen, independently of the app). */
function yuan(fen: number): string {
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/**
 * The cabinet-page smoke tests, the same for every platform: the compiled mini-program opened from a
 * cabinet QR against the emulated cloud, checked by what a shopper sees and what a tap does.
 */
export function cabinetSmokeTests(platform: string, open: PageOpener): void {
  let cloud: SmokeCloud

  before(async () => {
    cloud = await startCloud()
  })
  after(async () => {
    await cloud?.stop()
  })

  const report = (page: OpenedPage) => () =>
    [
      `screen: ${JSON.stringify(page.screen.texts())}`,
      `requests: ${JSON.stringify(cloud.log.map((e) => `${e.method} ${e.path} → ${e.status ?? 'no answer'}`))}`,
      `toasts: ${JSON.stringify(page.effects.toasts)}`,
      `platform APIs the stand-in lacks: ${JSON.stringify([...page.effects.missingApis])}`,
    ].join('\n  ')

  async function withPage(qrText: string, body: (page: OpenedPage) => Promise<void>): Promise<void> {
    cloud.clearLog()
    const page = await open(cloud, { qrText })
    try {
      await body(page)
    } catch (err) {
      if (err instanceof Error) err.message += `\n  ${report(page)()}`
      throw err
    } finally {
      await page.close()
    }
  }

  /** Waits for the cabinet the cloud described to be on screen and returns that description. */
  async function cabinetShown(page: OpenedPage): Promise<CabinetLanding> {
    const landing = await waitFor(() => {
      const exchange = cloud.log.find((e) => e.path === LANDING_PATH && e.status === 200)
      const body = exchange?.body as CabinetLanding | undefined
      return body && page.screen.texts().includes(body.device.name) ? body : undefined
    }, report(page))
    return landing
  }

  function only(screen: Screen, className: string) {
    const nodes = screen.byClass(className)
    assert.equal(nodes.length, 1, `exactly one .${className} on screen`)
    const [node] = nodes
    assert.ok(node)
    return node
  }

  test(`${platform}: a cabinet QR opens the cabinet page with its goods, prices, 客服电话 and 开门`, async () => {
    await withPage(CABINET_QR, async (page) => {
      const landing = await cabinetShown(page)
      const texts = page.screen.texts()
      assert.ok(texts.includes(landing.device.place), `the place "${landing.device.place}" is shown`)

      const door = landing.doors.find((d) => d.isDefault)?.no ?? landing.doors[0]?.no
      const goods = landing.goods.filter((g) => g.doorNo === door)
      assert.ok(goods.length > 0, 'the fixture cabinet sells goods behind its default door')
      assert.equal(page.screen.byClass('goods-list__item').length, goods.length, 'one row per goods item')
      for (const item of goods) assert.ok(texts.includes(item.name), `goods "${item.name}" is listed`)
      const prices = page.screen.byClass('goods-list__price').map((n) => n.text)
      for (const price of prices) assert.match(price, /^¥\d+\.\d{2}$/)
      assert.deepEqual(
        prices,
        goods.map((g) => yuan(g.promoPriceFen ?? g.priceFen)),
        'each row shows the price the cloud quoted, in yuan',
      )

      assert.ok(
        texts.includes(`客服电话 ${landing.merchant.servicePhone}`),
        `the 客服电话 line shows ${landing.merchant.servicePhone}`,
      )

      assert.equal(landing.gate.mayOpen, true, 'the happy shopper may open the cabinet')
      only(page.screen, 'gate-panel')
      const openButton = only(page.screen, 'gate-panel__open')
      assert.equal(openButton.tag, 'button')
      assert.equal(openButton.text.trim(), '开门')
    })
  })

  test(`${platform}: tapping 开门 answers at once with the 柜门即将打开 toast`, async () => {
    await withPage(CABINET_QR, async (page) => {
      await cabinetShown(page)
      assert.deepEqual(page.effects.toasts, [])
      await only(page.screen, 'gate-panel__open').tap()
      await waitFor(() => page.effects.toasts.includes('柜门即将打开'), report(page))
    })
  })

  test(`${platform}: tapping the 客服电话 line dials the merchant's service phone`, async () => {
    await withPage(CABINET_QR, async (page) => {
      const landing = await cabinetShown(page)
      await only(page.screen, 'cabinet__service').tap()
      await waitFor(() => page.effects.phoneCalls.length > 0, report(page))
      assert.deepEqual(page.effects.phoneCalls, [landing.merchant.servicePhone])
    })
  })

  test(`${platform}: a QR from a foreign host shows the QR error and never asks the cloud for the cabinet`, async () => {
    await withPage(HOSTILE_QR, async (page) => {
      const expected = describeError('QR_INVALID')
      const title = await waitFor(() => page.screen.byClass('status-view__title')[0]?.text, report(page))
      assert.equal(title, expected.message)
      assert.match(title, /二维码|无效/)
      assert.ok(page.screen.texts().includes(expected.hint), `the hint "${expected.hint}" is shown`)
      assert.equal(only(page.screen, 'status-view__action').text.trim(), expected.actionLabel)
      // Give a stray request time to show up before asserting there was none.
      await new Promise((resolve) => setTimeout(resolve, 200))
      const deviceCalls = cloud.log.filter((e) => e.path.includes('/devices/'))
      assert.deepEqual(deviceCalls, [], 'no request for any cabinet')
      assert.equal(page.screen.byClass('gate-panel__open').length, 0, 'no 开门 button')
    })
  })
}
