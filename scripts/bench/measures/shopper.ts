import type { Request } from 'playwright-core'
import { openPhone, type Phone } from '../../../e2e/lib/browser'
import { startEmulator } from '../../../e2e/lib/emulator'
import { installMarks, median, percentile, watchFor, type Figures } from '../measure'

const DEVICE = 'GZ0001A'
const OPEN_RUNS = 7
const CART_EVENTS = 12

/**
 * The shopper's path in Chromium: round trips from launch to the open request, tap → opened with 150 ms
 * injected latency and a 300 ms door, live-cart latency over the socket and over polling, close → receipt
 * with a 500 ms settlement.
 */
export async function measure(): Promise<Figures> {
  // The runs open the door more often than the open rate limit allows, and the control side cannot lift it.
  const server = await startEmulator('happy', {
    doorDelayMs: 300,
    settlementDelayMs: 500,
    rateLimitMaxOpens: 1000,
  })
  const { control } = server
  const cabinetUrl = server.cabinetUrl({ deviceCode: DEVICE, loginCode: 'code:u_happy' })
  const productId = 'p_water'

  const phones: Phone[] = []
  try {
    // ---- warm: log in once, then count what a returning shopper's launch costs up to the open request
    const phone = await openPhone()
    phones.push(phone)
    const { page } = phone
    await installMarks(page)
    await page.goto(cabinetUrl)
    await page.getByText('开门', { exact: true }).first().waitFor({ timeout: 20_000 })
    // Every API request from the relaunch up to and including the first open request, with when it left
    // and when its answer came. Requests in flight together (the landing and the resume question) cost one
    // round trip; the count is the longest chain of requests each sent after the previous one's answer.
    const calls: { name: string; sentAt: number; answeredAt: number }[] = []
    let openSent = false
    const onRequest = (req: Request) => {
      const url = new URL(req.url())
      if (openSent || !url.pathname.startsWith('/v1/') || url.pathname === '/v1/stream') return
      calls.push({ name: `${req.method()} ${url.pathname}`, sentAt: Date.now(), answeredAt: Infinity })
      if (req.method() === 'POST' && url.pathname === '/v1/door-sessions') openSent = true
    }
    const onAnswer = (req: Request) => {
      const url = new URL(req.url())
      const call = calls.find(
        (c) => c.answeredAt === Infinity && c.name === `${req.method()} ${url.pathname}`,
      )
      if (call) call.answeredAt = Date.now()
    }
    page.on('request', onRequest)
    page.on('requestfinished', onAnswer)
    page.on('requestfailed', onAnswer)
    await page.reload()
    await page.getByText('开门', { exact: true }).first().waitFor({ timeout: 20_000 })

    // ---- tap → opened, with latency on every API answer and a 300 ms door
    await control('network', { latencyMs: 150 })
    const openTimes: number[] = []
    for (let run = 0; run < OPEN_RUNS; run++) {
      const opened = await watchFor(page, 'opened', '柜门已打开，请取商品')
      await page.locator('taro-button-core', { hasText: '开门' }).first().click()
      const openedAt = await opened()
      const tapAt = (await page.evaluate('window.__marks.tap')) as number
      openTimes.push(openedAt - tapAt)
      if (run < OPEN_RUNS - 1) {
        await control('close', { deviceCode: DEVICE, doorNo: 1 })
        await page.getByText('本次未购物，未扣款').waitFor({ timeout: 20_000 })
        await page.locator('taro-button-core', { hasText: '返回柜子' }).click()
        await page.getByText('开门', { exact: true }).first().waitFor({ timeout: 20_000 })
      }
    }
    const roundTrips = sequentialRoundTrips(calls)
    await control('network', { latencyMs: 0 })

    // ---- live cart over the socket
    const socketTimes = await measureCart(page, control, productId)

    // ---- close → receipt: one product in the cart, so settlement makes an order and the receipt shows it
    const receiptTimes: number[] = []
    {
      const inCart = await watchFor(page, 'inCart', '×1')
      await control('take', { deviceCode: DEVICE, doorNo: 1, productId, qty: 1 })
      await inCart()
      const receipt = await watchFor(page, 'receipt', '关门时间')
      const closedAt = Date.now()
      await control('close', { deviceCode: DEVICE, doorNo: 1 })
      receiptTimes.push((await receipt()) - closedAt)
    }

    // ---- live cart over polling: a second phone whose socket the network refuses
    const polling = await openPhone()
    phones.push(polling)
    await polling.context.routeWebSocket(/\/v1\/stream/, (ws) => ws.close())
    await installMarks(polling.page)
    await polling.page.goto(cabinetUrl)
    await polling.page.locator('taro-button-core', { hasText: '开门' }).first().click()
    await polling.page.getByText('柜门已打开，请取商品').waitFor({ timeout: 20_000 })
    const pollTimes = await measureCart(polling.page, control, productId)
    await control('close', { deviceCode: DEVICE, doorNo: 1 })

    return {
      round_trips_to_open: {
        value: roundTrips,
        budget: 2,
        unit: 'round trips',
        note: calls.map((c) => c.name).join(', '),
      },
      open_ms_median: {
        value: Math.round(median(openTimes)),
        budget: 900,
        unit: 'ms',
        note: `${OPEN_RUNS} runs`,
      },
      cart_socket_ms_p95: { value: Math.round(percentile(socketTimes, 95)), budget: 300, unit: 'ms' },
      cart_poll_ms_p95: { value: Math.round(percentile(pollTimes, 95)), budget: 1500, unit: 'ms' },
      close_to_receipt_ms: { value: Math.round(median(receiptTimes)), budget: 1500, unit: 'ms' },
    }
  } finally {
    for (const phone of phones) await phone.close()
    await server.stop()
  }
}

/** Alternating take/return events from the cabinet; time until the cart on screen shows each. */
async function measureCart(
  page: Phone['page'],
  control: (route: string, body: unknown) => Promise<unknown>,
  productId: string,
): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < CART_EVENTS; i++) {
    const take = i % 2 === 0
    // A product put back stays listed as 已放回 (domain/liveCart), so each event changes what is shown.
    const expectText = take ? '×1' : '已放回'
    const shown = await watchFor(page, `cart${i}`, expectText)
    const sentAt = Date.now()
    await control(take ? 'take' : 'return', { deviceCode: DEVICE, doorNo: 1, productId, qty: 1 })
    times.push((await shown()) - sentAt)
  }
  return times
}

/** The longest chain of requests where each left after the previous one's answer had come. */
function sequentialRoundTrips(calls: { sentAt: number; answeredAt: number }[]): number {
  let chain = 0
  let answeredAt = -Infinity
  for (const call of [...calls].sort((a, b) => a.sentAt - b.sentAt)) {
    if (call.sentAt >= answeredAt) {
      chain += 1
      answeredAt = call.answeredAt
    } else answeredAt = Math.min(answeredAt, call.answeredAt)
  }
  return chain
}
