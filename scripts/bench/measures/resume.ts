import { openPhone, type Phone } from '../../../e2e/lib/browser'
import { startEmulator } from '../../../e2e/lib/emulator'
import { installMarks, median, type Figures } from '../measure'

const DEVICE = 'GZ0001A'
const RUNS = 5
const LATENCY_MS = 150
const LIVE_CART = '柜门已打开，请取商品'

/**
 * The app killed with the door open and launched again from its home page: navigation start → the live
 * cart on screen, 150 ms on every API answer. `kill` keeps the phone's storage (the token); `reinstall`
 * starts empty, so the app logs in first.
 */
export async function measure(): Promise<Figures> {
  const emulator = await startEmulator('happy')
  await emulator.control('settings', { doorDelayMs: 300, doorLeftOpenMs: 3_600_000 })
  const { control } = emulator
  const login = 'code:u_happy'
  const cabinetUrl = emulator.cabinetUrl({ deviceCode: DEVICE, loginCode: login })
  const homeUrl = `${emulator.url}/app/index.html#/pages/index/index?login_code=${encodeURIComponent(login)}`

  const phones: Phone[] = []
  /** One relaunch: navigation start → 柜门已打开 on screen. */
  const relaunch = async (profile?: string): Promise<{ ms: number; phone: Phone }> => {
    const phone = await openPhone(profile)
    phones.push(phone)
    await installMarks(phone.page)
    // Watching from the page's first script on: the text may appear before the driver could ask.
    await phone.page.addInitScript(`window.__watch('live', ${JSON.stringify(LIVE_CART)})`)
    await phone.page.goto(homeUrl)
    const handle = await phone.page.waitForFunction('window.__marks.live', undefined, {
      timeout: 20_000,
      polling: 'raf',
    })
    const at = (await handle.jsonValue()) as number
    const origin = (await phone.page.evaluate('performance.timeOrigin')) as number
    return { ms: at - origin, phone }
  }

  try {
    const first = await openPhone()
    phones.push(first)
    await first.page.goto(cabinetUrl)
    await first.page.locator('taro-button-core', { hasText: '开门' }).first().click()
    await first.page.getByText('柜门已打开，请取商品').waitFor({ timeout: 20_000 })
    await control('network', { latencyMs: LATENCY_MS })

    const killed: number[] = []
    let current = first
    for (let run = 0; run < RUNS; run++) {
      await current.kill()
      const next = await relaunch(current.profile)
      killed.push(next.ms)
      current = next.phone
    }
    const reinstalled: number[] = []
    for (let run = 0; run < RUNS; run++) reinstalled.push((await relaunch()).ms)
    await control('network', { latencyMs: 0 })
    await control('close', { deviceCode: DEVICE, doorNo: 1 })

    const k = Math.round(median(killed))
    const r = Math.round(median(reinstalled))
    return {
      resume_ms: {
        value: k,
        budget: 1_500,
        unit: 'ms',
        note: `median of ${RUNS} kills (storage kept); after a reinstall (login first) ${r} ms`,
      },
    }
  } finally {
    for (const phone of phones) await phone.close().catch(() => undefined)
    await emulator.stop()
  }
}
