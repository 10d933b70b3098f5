import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from '../../lib/app-config'
import { median } from '../measure'

/** 15 runs gave ratios from 1.19 to 1.41 over repeated benches; 40 gave 1.04 to 1.12. */
const RUNS = 40
const FIXTURE = path.join(ROOT, 'scripts', 'bench', 'fixtures', 'minimal-app')

/** Builds the minimal app (scripts/bench/fixtures/minimal-app) with the repo's Taro CLI, cwd in the fixture. */
function buildMinimal(): void {
  const run = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: FIXTURE,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (run.status !== 0 || /Failed to compile|ERROR in/.test(run.stdout + run.stderr)) {
    throw new Error(`the minimal app did not build:\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`)
  }
}

/**
 * Start-up on WeChat: App launch → the cabinet page's first setData in the compiled dist/weapp, against the
 * same for the minimal Taro + React + NutUI app built by the same toolchain in the same run (both with
 * lazyCodeLoading), in miniprogram-simulate (scripts/bench/startup-probe.ts, in its own process).
 */
export async function measure() {
  const minimalRoot = path.join(ROOT, 'dist', 'bench-minimal-app', 'weapp')
  if (!process.argv.includes('--no-build') || !fs.existsSync(path.join(minimalRoot, 'app.js'))) buildMinimal()
  const probe = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'bench', 'startup-probe.ts')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Asia/Shanghai', STARTUP_RUNS: String(RUNS) },
    },
  )
  const last = probe.stdout.trim().split('\n').pop() ?? ''
  if (probe.status !== 0 || !last.startsWith('{')) {
    throw new Error(`the start-up probe failed:\n${probe.stderr.slice(-2000)}`)
  }
  const times = JSON.parse(last) as { runs: number; app: number[]; minimal: number[] }
  const app = median(times.app)
  const minimal = median(times.minimal)
  const ms = (value: number) => Math.round(value * 10) / 10
  return {
    startup_ratio_weapp: {
      value: Math.round((app / minimal) * 100) / 100,
      budget: 1.5,
      unit: '×',
      note:
        `median of ${times.runs} launches each, alternating: cabinet page ${ms(app)} ms (fastest ` +
        `${ms(Math.min(...times.app))}), minimal Taro + React + NutUI page ${ms(minimal)} ms (fastest ` +
        `${ms(Math.min(...times.minimal))}) (launch = just before app.js is required → the page's ` +
        `first setData call), in miniprogram-simulate on Node after one warm-up launch of each, so wcc's ` +
        `WXML and the WXSS are compiled already (as on a phone): it counts the main package's JS evaluation, ` +
        `App onLaunch/onShow, the page's module and component creation and React's first render`,
    },
  }
}
