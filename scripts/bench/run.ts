/**
 * `npm run bench`: measures the budgets of DESIGN §6 and prints them as a table (`-- --json` for one JSON
 * object keyed like the design). Builds first unless `--no-build`. Timings come from Debian's Chromium
 * against the H5 build and the emulator server on this machine; they are measured, never asserted.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ROOT, loadAppConfig, subPackagesOf } from '../lib/app-config'
import { packageSizesKb } from '../lib/package-size'
import type { Figures } from './measure'

const args = new Set(process.argv.slice(2))
const figures: Figures = {}

async function main(): Promise<void> {
  if (!args.has('--no-build')) {
    const build = spawnSync('node', ['scripts/build-all.mjs'], {
      cwd: ROOT,
      stdio: args.has('--json') ? 'ignore' : 'inherit',
    })
    if (build.status !== 0) throw new Error('build failed')
  }
  const config = await loadAppConfig()
  const subRoots = subPackagesOf(config).map((s) => s.root)
  for (const target of ['weapp', 'alipay'] as const) {
    const sizes = packageSizesKb(path.join(ROOT, 'dist', target), subRoots)
    figures[`main_kb_${target}`] = { value: sizes.main, budget: 600, unit: 'KB' }
    for (const root of subRoots) {
      const name = root.replace(/^packages\//, '').replace(/\/$/, '')
      figures[`sub_kb_${name}_${target}`] = { value: sizes.subs[root] ?? 0, budget: 2048, unit: 'KB' }
    }
  }
  // Each file in measures/ measures one part of the app in the browser and returns its figures.
  const dir = path.join(__dirname, 'measures')
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const { measure } = (await import(path.join(dir, file))) as {
      measure: () => Promise<Figures>
    }
    Object.assign(figures, await measure())
  }
  figures.orders_1000_dom_nodes ??= {
    value: null,
    budget: 400,
    unit: 'nodes',
    note: 'order list not built yet',
  }
  figures.orders_1000_first_render_ms ??= {
    value: null,
    budget: 300,
    unit: 'ms',
    note: 'order list not built yet',
  }

  if (args.has('--json')) {
    console.log(JSON.stringify(figures, null, 2))
    return
  }
  console.table(
    Object.entries(figures).map(([key, f]) => ({
      key,
      value: f.value ?? '—',
      budget: `≤ ${f.budget}`,
      unit: f.unit,
      ok: f.value === null ? '' : f.value <= f.budget ? '✓' : '✗ over budget',
    })),
  )
  for (const [key, f] of Object.entries(figures)) if (f.note) console.log(`${key}: ${f.note}`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
