/**
 * The setData traffic of the compiled WeChat build (dist/weapp), run in a process of its own by
 * measures/setdata.ts (the harness puts jsdom and the platform's globals on this process). The app runs in
 * miniprogram-simulate with WeChat's own template compiler against the emulator, as the smoke run does;
 * every page's setData is recorded with its size. Prints one JSON object; with SETDATA_DUMP=1 it also
 * writes every measured call's paths and values to stderr, to see what an event sends.
 */
import { startCloud, CLOUD_SETTINGS, FIXTURE, type SmokeCloud } from '../smoke/lib/cloud'
import { CABINET_PAGE, SHOPPING_PAGE } from '../smoke/lib/paths'
import { waitFor, type OpenedPage } from '../smoke/lib/screen'
import { SetDataRecorder, totals, type SetDataCall } from '../smoke/lib/setdata'
import { openWeappPage } from '../smoke/lib/weapp'

const ORDERS_PAGE = 'packages/orders/pages/list/index'
const QR = `https://qr.kaimengui.cn/c/${FIXTURE.deviceCode}`
/** Nothing sent for this long: the page has settled after what the test did. */
const QUIET_MS = 250

/** Waits until the recorder has had no call for QUIET_MS (timer ticks aside). */
async function settled(recorder: SetDataRecorder): Promise<void> {
  let seen = -1
  for (;;) {
    const count = recorder.calls.filter((c) => !isTimerTick(c)).length
    if (count === seen) return
    seen = count
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS))
  }
}

/** The open door's 已开门 mm:ss, which changes once a second by itself: counted apart from the events. */
function isTimerTick(call: SetDataCall): boolean {
  return call.paths.length === 1 && /^已开门 \d\d:\d\d$/.test(String(call.values[0] ?? ''))
}

function dump(what: string, calls: SetDataCall[]): void {
  if (process.env.SETDATA_DUMP !== '1') return
  console.error(
    what,
    JSON.stringify(calls.map((c) => ({ bytes: c.bytes, data: c.paths.map((p, i) => [p, c.values[i]]) }))),
  )
}

const onScreen = (page: OpenedPage, text: string) => () =>
  page.screen.texts().some((t) => t.includes(text)) || undefined

async function shopperPath(cloud: SmokeCloud) {
  await cloud.control('scenario', { name: 'happy' })
  const recorder = new SetDataRecorder()
  const page = await openWeappPage(cloud, { qrText: QR, setData: recorder })
  const why = () => page.screen.texts().join(' | ')
  try {
    await waitFor(() => page.screen.byClass('gate-panel__open').length === 1 || undefined, why)
    await settled(recorder)
    const cabinetFirst = totals(recorder.since(0, CABINET_PAGE))

    await page.screen.byClass('gate-panel__open')[0]!.tap()
    await waitFor(() => page.routes().includes(SHOPPING_PAGE) || undefined, why)
    await cloud.advanceClock(CLOUD_SETTINGS.doorDelayMs)
    await waitFor(onScreen(page, '柜门已打开'), why)
    const door = { deviceCode: FIXTURE.deviceCode, doorNo: 1 }
    for (const productId of ['p_sandwich', 'p_coffee']) {
      await cloud.control('take', { ...door, productId, qty: 1 })
      await settled(recorder)
    }

    /** One cabinet event on the open door: the shopping page's calls until it settles, ticks apart. */
    const event = async (route: 'take' | 'return', productId: string, shows: string) => {
      const mark = recorder.mark()
      await cloud.control(route, { ...door, productId, qty: 1 })
      await waitFor(onScreen(page, shows), why)
      await settled(recorder)
      const calls = recorder.since(mark, SHOPPING_PAGE)
      dump(`${route} ${productId}`, calls)
      return { ...totals(calls.filter((c) => !isTimerTick(c))), ticks: calls.filter(isTimerTick).length }
    }
    const take = await event('take', 'p_water', '农夫山泉')
    const putBack = await event('return', 'p_water', '雀巢咖啡')
    // 三明治 and 咖啡 at the lunch price make ¥16.50; 酸奶 takes the cart past ¥20, so 满20减3 now shares its
    // discount over every line: the lines already in the cart change price.
    const priceChange = await event('take', 'p_yogurt', '安慕希')

    const ticks = recorder.since(0, SHOPPING_PAGE).filter(isTimerTick)
    const tick = ticks.length > 0 ? Math.max(...ticks.map((c) => c.bytes)) : null

    const mark = recorder.mark()
    await cloud.control('close', door)
    await cloud.advanceClock(CLOUD_SETTINGS.settlementDelayMs)
    await waitFor(() => page.screen.byClass('receipt__closed-title').length === 1 || undefined, why)
    await settled(recorder)
    const receipt = totals(recorder.since(mark, SHOPPING_PAGE))
    return { cabinetFirst, take, putBack, priceChange, tickBytes: tick, receipt }
  } finally {
    await page.close()
  }
}

async function ordersScroll(cloud: SmokeCloud) {
  await cloud.control('scenario', { name: 'order_history' })
  const recorder = new SetDataRecorder()
  const page = await openWeappPage(cloud, { page: ORDERS_PAGE, query: {}, setData: recorder })
  const why = () => page.screen.texts().join(' | ')
  try {
    await waitFor(() => page.screen.byClass('order-row').length > 0 || undefined, why, 20_000)
    await settled(recorder)
    const first = totals(recorder.since(0, ORDERS_PAGE))
    const rows = page.screen.byClass('order-row').length
    // One screen of the phone the stand-ins describe (wx.getWindowInfo), scrolled in steps as a finger
    // does, from one screen down: at the very top the window's lower margin would hide the first steps.
    const screenPx = 724
    const onPageScroll = page.instance().onPageScroll as (e: { scrollTop: number }) => void
    const scrollTo = async (top: number) => {
      onPageScroll.call(page.instance(), { scrollTop: top })
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await scrollTo(screenPx)
    await settled(recorder)
    const mark = recorder.mark()
    for (let top = screenPx + 60; top <= 2 * screenPx; top += 60) await scrollTo(top)
    await settled(recorder)
    dump('orders scroll', recorder.since(mark, ORDERS_PAGE))
    return { first, rows, scroll: totals(recorder.since(mark, ORDERS_PAGE)) }
  } finally {
    await page.close()
  }
}

async function main(): Promise<void> {
  const cloud = await startCloud()
  try {
    const shopper = await shopperPath(cloud)
    const orders = await ordersScroll(cloud)
    console.log(JSON.stringify({ shopper, orders }))
  } finally {
    await cloud.stop()
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
