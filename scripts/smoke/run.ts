/**
 * `npm run test:smoke`: the COMPILED mini-programs (dist/weapp, dist/alipay) run in Node against the
 * emulated cloud, one node:test file per platform (each in its own process, so their platform globals never
 * meet). It does not build: `npm test` builds first; alone, run `node scripts/build-all.mjs weapp alipay`.
 * `npm run test:smoke -- weapp` runs one platform.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { buildRoot } from './lib/paths'

const PLATFORMS = ['weapp', 'alipay'] as const
const only = process.argv.slice(2)
const platforms = PLATFORMS.filter((p) => only.length === 0 || only.includes(p))

const started = Date.now()
const missing = platforms.filter((p) => !fs.existsSync(path.join(buildRoot(p), 'app.js')))
if (missing.length > 0) {
  console.error(`smoke: no build in ${missing.map(buildRoot).join(', ')}`)
  console.error(`run \`node scripts/build-all.mjs ${missing.join(' ')}\` (or \`npm run test:build\`) first`)
  console.log(`smoke: 0 passed, ${missing.length} failed`)
  process.exit(1)
}

const files = platforms.map((p) => path.join(__dirname, `${p}.smoke.ts`))
const run = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-timeout=30000',
    '--test-force-exit',
    ...files,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Shanghai' } },
)
process.stdout.write(run.stdout)
const passed = Number(/^ℹ pass (\d+)/m.exec(run.stdout)?.[1] ?? 0)
const counted = Number(/^ℹ fail (\d+)/m.exec(run.stdout)?.[1] ?? 0)
// A run that crashed before node:test could count anything still fails.
const failed = run.status !== 0 && counted === 0 ? 1 : counted
console.log(`smoke wall time: ${((Date.now() - started) / 1000).toFixed(1)}s`)
console.log(`smoke: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 || run.status !== 0 ? 1 : 0)
