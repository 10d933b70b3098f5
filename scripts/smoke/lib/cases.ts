import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ControlState } from '../../../mock/handlers/control'
import type { CabinetLanding, CartLine, DoorSession, Receipt } from '../../../src/api/types'
import { describeError } from '../../../src/domain/errors'
import { CLOUD_SETTINGS, FIXTURE } from './cloud'
import { CABINET_PAGE, HOME_PAGE, SHOPPING_PAGE } from './paths'
import { SetDataRecorder } from './setdata'
import { waitFor, type OpenedPage, type Screen, type SocketPolicy } from './screen'
import { smokeSuite, yuan, type PageOpener } from './suite'

const CABINET_QR = `https://qr.kaimengui.cn/c/${FIXTURE.deviceCode}`
/** A sticker pasted over ours: the right path and code on a host the app must not trust. */
const HOSTILE_QR = `https://evil.example/c/${FIXTURE.deviceCode}`
const LANDING_PATH = `/v1/devices/${FIXTURE.deviceCode}/landing`

/** A stream frame of a type for a session (an `event` frame also of an event kind). */
function isMessage(message: unknown, type: string, sessionId: string, kind?: string): boolean {
  if (!message || typeof message !== 'object') return false
  const m = message as { type?: unknown; sessionId?: unknown; event?: { kind?: unknown } }
  return m.type === type && m.sessionId === sessionId && (kind === undefined || m.event?.kind === kind)
}

/** The cloud-priced cart of the session holding a door, as the control side reports it. */
function cartOf(
  world: ControlState,
  deviceCode: string,
  doorNo: number,
): { lines: CartLine[]; totalFen: number } | undefined {
  const door = world.devices.find((d) => d.code === deviceCode)?.doors.find((d) => d.no === doorNo)
  return door?.session?.cart as { lines: CartLine[]; totalFen: number } | undefined
}

/**
 * The cabinet-page smoke tests, the same for every platform: the compiled mini-program opened from a
 * cabinet QR against the emulated cloud, checked by what a shopper sees and what a tap does.
 */
export function cabinetSmokeTests(platform: 'weapp' | 'alipay', open: PageOpener): void {
  const suite = smokeSuite(open, 'happy')
  const { report, withPage } = suite

  /** Waits for the cabinet the cloud described to be on screen and returns that description. */
  async function cabinetShown(page: OpenedPage): Promise<CabinetLanding> {
    const landing = await waitFor(() => {
      const exchange = suite.cloud.log.find((e) => e.path === LANDING_PATH && e.status === 200)
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
    await withPage({ qrText: CABINET_QR }, async (page) => {
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

  /** The one text of the node carrying a class on the current page, once exactly one is on screen. */
  const textOf = (page: OpenedPage, className: string): string | undefined => {
    const nodes = page.screen.byClass(className)
    return nodes.length === 1 ? nodes[0]?.text.trim() : undefined
  }

  const doorSessionPosts = () =>
    suite.cloud.log.filter((e) => e.method === 'POST' && e.path === '/v1/door-sessions')

  /** How many times the app asked for the session's events over HTTP (its polling and catch-ups). */
  const eventPolls = (sessionId: string) =>
    suite.cloud.log.filter(
      (e) => e.method === 'GET' && e.path.startsWith(`/v1/door-sessions/${sessionId}/events`),
    ).length

  /**
   * The shopper's path on the compiled app: 开门 on the cabinet page → one door session → the shopping page
   * on top, 开门中 until the lock answers → 柜门已打开 → a product taken shows in the live cart at the
   * cloud's price → the door closed → 结算中 → the receipt with 门已关好 and the cloud's total. The emulator's
   * clock is manual: the lock answers, and settlement finishes, only when the test moves it on by the
   * cloud's delays, so every intermediate screen is there to be seen.
   */
  async function shopperPath(socket: SocketPolicy): Promise<void> {
    await withPage({ qrText: CABINET_QR, socket }, async (page) => {
      const landing = await cabinetShown(page)
      const doorNo = landing.doors.find((d) => d.isDefault)?.no ?? landing.doors[0]?.no
      const product = landing.goods.find((g) => g.doorNo === doorNo && g.stock > 0)
      assert.ok(product, 'the fixture cabinet has a product in stock behind its default door')
      assert.deepEqual(doorSessionPosts(), [], 'no door is opened before the tap')

      // 开门: the shopping page comes on top of the cabinet page.
      await only(page.screen, 'gate-panel__open').tap()
      await waitFor(() => page.routes().includes(SHOPPING_PAGE), report(page))
      assert.deepEqual(page.routes(), [CABINET_PAGE, SHOPPING_PAGE])
      assert.equal(page.effects.navigations.length, 1, 'one navigation')
      assert.match(page.effects.navigations[0] ?? '', /^navigateTo \/pages\/shopping\/index(?:\?[^ ]*)?$/)

      // Exactly one door session, opening: the lock has not answered yet.
      const posted = await waitFor(() => doorSessionPosts().find((e) => e.status !== null), report(page))
      assert.equal(posted.status, 201, 'the cloud accepted the open')
      const session = posted.body as DoorSession
      assert.equal(session.state, 'opening')
      assert.equal(session.doorNo, doorNo, 'the default door is opened')
      assert.equal(session.recognition, 'live', 'a gravity cabinet: the cart is live')
      const deviceCode = session.deviceCode
      await waitFor(() => page.screen.texts().includes('开门中…'), report(page))

      if (socket === 'live') {
        // The app follows the session over its one socket before the door opens.
        await waitFor(
          () =>
            page.sockets.some(
              (r) => r.state === 'open' && r.sent.some((m) => isMessage(m, 'subscribe', session.id)),
            ),
          report(page),
        )
      }
      assert.ok(page.screen.texts().includes('开门中…'), 'still 开门中 while the lock has not answered')

      // The lock answers after the door delay.
      await suite.cloud.advanceClock(CLOUD_SETTINGS.doorDelayMs)
      await waitFor(() => textOf(page, 'shopping__title') === '柜门已打开，请取商品', report(page))
      assert.equal(textOf(page, 'cart--empty'), '拿起商品后会显示在这里', 'the cart starts empty')
      // The timer counts from when the phone saw the door open (not from the cloud's clock): just opened.
      assert.match(textOf(page, 'shopping__timer') ?? '', /^已开门 00:0\d$/)
      assert.equal(page.screen.byClass('shopping__reminder').length, 0, 'no close reminder yet')

      // The shopper takes the product: the cabinet's sensors tell the cloud, the cloud tells the app.
      const eventsPolledBefore = eventPolls(session.id)
      const world = await suite.cloud.control<ControlState>('take', {
        deviceCode,
        doorNo,
        productId: product.productId,
        qty: 1,
      })
      const cloudCart = cartOf(world, deviceCode, session.doorNo)
      const cloudLine = cloudCart?.lines.find((l) => l.productId === product.productId)
      assert.ok(cloudCart && cloudLine, `the cloud's cart holds ${product.productId}`)
      await waitFor(() => page.screen.byClass('cart__line').length === 1, report(page))
      assert.equal(textOf(page, 'cart__name'), product.name)
      assert.equal(textOf(page, 'cart__qty'), '×1')
      assert.equal(textOf(page, 'cart__total'), yuan(cloudLine.lineTotalFen), 'the line at the cloud’s price')
      // The unit price is the one the cabinet page quoted, with the list price struck through when lower.
      assert.equal(cloudLine.paidUnitPriceFen, product.promoPriceFen ?? product.priceFen)
      assert.ok(textOf(page, 'cart__sub')?.startsWith(yuan(cloudLine.paidUnitPriceFen)), 'the unit price')
      if (cloudLine.paidUnitPriceFen !== cloudLine.unitPriceFen) {
        assert.equal(textOf(page, 'cart__original'), yuan(cloudLine.unitPriceFen), 'the list price')
      }
      assert.equal(textOf(page, 'cart__sum-total'), `合计 ${yuan(cloudCart.totalFen)}`)

      if (socket === 'live') {
        const taken = page.sockets.some((r) =>
          r.received.some((m) => isMessage(m, 'event', session.id, 'taken')),
        )
        assert.ok(taken, 'the take reached the app over the socket')
        assert.equal(eventPolls(session.id), eventsPolledBefore, 'no polling while the socket is open')
        assert.equal(page.screen.byClass('shopping__sync').length, 0, 'no 网络不稳定 banner')
      } else {
        assert.ok(
          page.sockets.length > 0 && page.sockets.every((r) => r.state === 'refused'),
          'the app tried its socket, and the network refused it',
        )
        assert.ok(eventPolls(session.id) > eventsPolledBefore, 'the take reached the app by polling')
        assert.equal(textOf(page, 'shopping__sync'), '网络不稳定，正在同步购物车…')
      }

      // The shopper closes the door: settlement runs for the cloud's settlement delay.
      await suite.cloud.control('close', { deviceCode, doorNo })
      await waitFor(() => textOf(page, 'shopping__title') === '门已关好，正在结算', report(page))
      await suite.cloud.advanceClock(CLOUD_SETTINGS.settlementDelayMs)
      await waitFor(() => textOf(page, 'receipt__closed-title') === '门已关好', report(page))

      // The receipt is the cloud's: fetched here on our own, as the shopper.
      const settled = (await suite.cloud.getAsShopper(
        platform,
        `/v1/door-sessions/${session.id}`,
      )) as DoorSession
      assert.equal(settled.state, 'settled')
      assert.ok(settled.orderId, 'the settled session has an order')
      const order = (await suite.cloud.getAsShopper(platform, `/v1/orders/${settled.orderId}`)) as Receipt
      assert.equal(textOf(page, 'receipt__amount'), yuan(order.totalFen), 'the total is the cloud’s')
      assert.equal(textOf(page, 'receipt__sum-total'), `实付 ${yuan(order.totalFen)}`)
      assert.equal(order.totalFen, cloudCart.totalFen, 'the receipt charges what the live cart showed')
      assert.deepEqual(
        page.screen.byClass('receipt__line-name').map((n) => n.text.trim()),
        order.lines.map((l) => `${l.name} ×${l.qty}`),
      )
      assert.deepEqual(
        order.lines.map((l) => [l.productId, l.qty]),
        [[product.productId, 1]],
      )
      assert.equal(doorSessionPosts().length, 1, 'exactly one POST /v1/door-sessions')
      assert.deepEqual(page.routes(), [CABINET_PAGE, SHOPPING_PAGE])
    })
  }

  test(`${platform}: 开门 opens the shopping page; the live cart follows the cabinet over the socket to the receipt`, () =>
    shopperPath('live'))

  test(`${platform}: with WebSockets refused, the shopping page follows the door by polling to the receipt`, () =>
    shopperPath('refused'))

  test(`${platform}: killed with its door open and relaunched from the home page, the app goes back to the live cart`, async () => {
    await withPage({ qrText: CABINET_QR }, async (page) => {
      await cabinetShown(page)
      await only(page.screen, 'gate-panel__open').tap()
      await waitFor(() => doorSessionPosts().some((e) => e.status === 201), report(page))
      await suite.cloud.advanceClock(CLOUD_SETTINGS.doorDelayMs)
      await waitFor(() => textOf(page, 'shopping__title') === '柜门已打开，请取商品', report(page))
    })
    // While the app is gone, the shopper takes a bottle.
    await suite.cloud.control('take', {
      deviceCode: FIXTURE.deviceCode,
      doorNo: 1,
      productId: 'p_cola',
      qty: 1,
    })
    // A fresh start with nothing kept on the phone: only the cloud knows the door is open.
    await withPage({ page: HOME_PAGE }, async (page) => {
      await waitFor(() => textOf(page, 'shopping__title') === '柜门已打开，请取商品', report(page))
      assert.deepEqual(page.routes(), [SHOPPING_PAGE], 'a fresh stack on the live cart')
      await waitFor(() => page.screen.byClass('cart__line').length === 1, report(page))
      assert.match(only(page.screen, 'cart__line').text, /可口可乐/)
      assert.deepEqual(doorSessionPosts(), [], 'the relaunch opened nothing')
      assert.ok(
        suite.cloud.log.some((e) => e.path === '/v1/me/active' && e.status === 200),
        'it asked the cloud what is going on',
      )
    })
    await suite.cloud.control('close', { deviceCode: FIXTURE.deviceCode, doorNo: 1 })
  })

  test(`${platform}: credit refused, 换种方式 opens the credit page with the platform's alternatives and why not`, async () => {
    await suite.cloud.control('scenario', { name: 'credit_rejected' })
    const expected =
      platform === 'weapp'
        ? { offered: ['wxpay_contract', 'wxpay_deposit'], refused: ['wxpay_score_enable', 'wxpay_score_use'] }
        : { offered: ['alipay_agreement', 'alipay_preauth'], refused: ['alipay_pay_after_use'] }
    await withPage({ qrText: CABINET_QR }, async (page) => {
      const landing = await cabinetShown(page)
      assert.deepEqual(
        landing.gate.credit?.methods.map((m) => m.method),
        expected.offered,
      )
      await waitFor(() => page.screen.byClass('gate-panel__action').length === 1, report(page))
      await only(page.screen, 'gate-panel__action').tap()
      await waitFor(() => page.routes().includes('pages/credit/index'), report(page))
      await waitFor(
        () => page.screen.byClass('credit__method').length === expected.offered.length,
        report(page),
      )
      const cards = page.screen.byClass('credit__method').map((n) => n.text)
      for (const [i, method] of landing.gate.credit!.methods.entries()) {
        assert.ok(cards[i]?.includes(method.title), `card ${i} is ${method.title}`)
      }
      assert.match(cards[0] ?? '', /推荐/)
      assert.doesNotMatch(cards[1] ?? '', /推荐/)
      assert.match(cards[1] ?? '', /¥50\.00/, 'the deposit shows its amount')
      const refused = page.screen.byClass('credit__ineligible').map((n) => n.text)
      assert.equal(refused.length, expected.refused.length)
      for (const item of landing.gate.credit!.ineligible) {
        assert.ok(
          refused.some((t) => t.includes(item.reason)),
          `the refusal of ${item.method} says why`,
        )
      }
    })
  })

  if (platform === 'weapp') {
    test('weapp: a call held by WeChat’s privacy check shows the app’s privacy sheet; 同意 lets it go on', async () => {
      await withPage({ qrText: CABINET_QR }, async (page) => {
        await cabinetShown(page)
        const { privacy } = page.effects
        assert.equal(privacy.listeners.length, 1, 'the app listens for privacy requests from launch')
        const answers: unknown[] = []
        // WeChat holds a protected call (the phone button, the photo picker) and asks the app.
        privacy.listeners.forEach((listen) => listen((answer) => answers.push(answer)))
        await waitFor(() => page.screen.byClass('privacy-sheet').length === 1, report(page))
        assert.match(only(page.screen, 'privacy-sheet').text, /《用户隐私保护指引》/)
        await only(page.screen, 'privacy-sheet__link').tap()
        await waitFor(() => privacy.guideOpened === 1, report(page))
        assert.deepEqual(answers, [], 'nothing answered before the user does')
        await only(page.screen, 'privacy-sheet__agree').trigger('agreeprivacyauthorization')
        await waitFor(() => answers.length === 1, report(page))
        assert.deepEqual(answers, [{ event: 'agree', buttonId: 'privacy-agree' }])
        await waitFor(() => page.screen.byClass('privacy-sheet').length === 0, report(page))
      })
    })
  }

  test(`${platform}: tapping the 客服电话 line dials the merchant's service phone`, async () => {
    await withPage({ qrText: CABINET_QR }, async (page) => {
      const landing = await cabinetShown(page)
      await only(page.screen, 'cabinet__service').tap()
      await waitFor(() => page.effects.phoneCalls.length > 0, report(page))
      assert.deepEqual(page.effects.phoneCalls, [landing.merchant.servicePhone])
    })
  })

  test(`${platform}: a QR from a foreign host shows the QR error and never asks the cloud for the cabinet`, async () => {
    await withPage({ qrText: HOSTILE_QR }, async (page) => {
      const expected = describeError('QR_INVALID')
      const title = await waitFor(() => page.screen.byClass('status-view__title')[0]?.text, report(page))
      assert.equal(title, expected.message)
      assert.match(title, /二维码|无效/)
      assert.ok(page.screen.texts().includes(expected.hint), `the hint "${expected.hint}" is shown`)
      assert.equal(only(page.screen, 'status-view__action').text.trim(), expected.actionLabel)
      // Give a stray request time to show up before asserting there was none.
      await new Promise((resolve) => setTimeout(resolve, 200))
      const deviceCalls = suite.cloud.log.filter((e) => e.path.includes('/devices/'))
      assert.deepEqual(deviceCalls, [], 'no request for any cabinet')
      assert.equal(page.screen.byClass('gate-panel__open').length, 0, 'no 开门 button')
    })
  })

  if (platform === 'weapp') {
    // The bench's setData figures come from this recorder; here only that it sees the pages it measures.
    test('weapp: the setData recorder sees the cabinet page and the shopping page', async () => {
      const recorder = new SetDataRecorder()
      await withPage({ qrText: CABINET_QR, setData: recorder }, async (page) => {
        await cabinetShown(page)
        await only(page.screen, 'gate-panel__open').tap()
        await waitFor(() => page.routes().includes(SHOPPING_PAGE), report(page))
        await waitFor(() => recorder.routes().includes(SHOPPING_PAGE), report(page))
        assert.deepEqual(recorder.routes(), [CABINET_PAGE, SHOPPING_PAGE])
        assert.ok(recorder.calls.every((c) => c.bytes > 0))
      })
    })
  }
}
