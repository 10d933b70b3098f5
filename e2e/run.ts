/**
 * Browser journeys: each file in e2e/journeys is a node:test file that drives Debian's Chromium against the
 * H5 build (dist/h5) served by the emulator server. Run after `npm run test:build`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const dir = path.join(__dirname, 'journeys')
const only = process.argv.slice(2)
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .map((f) => path.join(dir, f))

if (!fs.existsSync(path.join(__dirname, '..', 'dist', 'h5', 'index.html'))) {
  console.error('dist/h5 is missing: run `npm run build:h5` (or `npm run test:build`) first')
  process.exit(1)
}

const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
)
process.stdout.write(run.stdout)
const passed = Number(/^ℹ pass (\d+)/m.exec(run.stdout)?.[1] ?? 0)
const failed = Number(/^ℹ fail (\d+)/m.exec(run.stdout)?.[1] ?? 0)
console.log(`e2e: ${passed} passed, ${failed} failed`)
process.exit(run.status ?? 1)
