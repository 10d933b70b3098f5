import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ROOT } from '../../lib/app-config'
import type { Figures } from '../measure'

interface Traffic {
  calls: number
  kb: number
}

interface Probe {
  shopper: {
    cabinetFirst: Traffic
    take: Traffic & { ticks: number }
    putBack: Traffic & { ticks: number }
    priceChange: Traffic & { ticks: number }
    tickBytes: number | null
    receipt: Traffic
  }
  orders: { first: Traffic; rows: number; scroll: Traffic }
}

const show = (t: Traffic) => `${t.calls} call(s), ${t.kb} KB`

/**
 * setData traffic of the compiled WeChat build, recorded in miniprogram-simulate with WeChat's template
 * compiler (scripts/bench/weapp-traffic.ts, in a process of its own). Per live-cart event the largest of
 * a take (a new product), a return (a product put back whole) and a price change (满20减3 reached, every
 * line re-priced); the 已开门 timer's own ticks are counted apart.
 */
export async function measure(): Promise<Figures> {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, '..', 'weapp-traffic.ts')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      timeout: 300_000,
    },
  )
  const line = run.stdout.trim().split('\n').pop() ?? ''
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`weapp-traffic failed: ${run.stderr}`)
  const { shopper, orders } = JSON.parse(line) as Probe
  const events = [shopper.take, shopper.putBack, shopper.priceChange]
  const eventsNote =
    `take ${show(shopper.take)}, return ${show(shopper.putBack)}, price change ${show(shopper.priceChange)}; ` +
    `the 已开门 timer sends ${shopper.tickBytes ?? '—'} B once a second on its own; the receipt ${show(shopper.receipt)}`
  return {
    setdata_calls_per_cart_event_weapp: {
      value: Math.max(...events.map((e) => e.calls)),
      budget: 1,
      unit: 'calls',
      note: eventsNote,
    },
    setdata_kb_per_cart_event_weapp: {
      value: Math.max(...events.map((e) => e.kb)),
      budget: 2,
      unit: 'KB',
      note: 'the largest of the three events above',
    },
    setdata_kb_cabinet_first_weapp: {
      value: shopper.cabinetFirst.kb,
      budget: 32,
      unit: 'KB',
      note: `cabinet page from its launch until the landing is on screen: ${show(shopper.cabinetFirst)}`,
    },
    setdata_kb_orders_scroll_weapp: {
      value: orders.scroll.kb,
      budget: 8,
      unit: 'KB',
      note:
        `1,000 orders (order_history): first screen ${show(orders.first)} for ${orders.rows} rows; one screen ` +
        `(724 px) scrolled in 60 px steps, from one screen down: ${show(orders.scroll)}`,
    },
  }
}
