// `npm test`: every layer of the proof, in order, one at a time (two cores). Each layer prints its own
// "N passed, N failed"; this adds them up and ends with the same line for the whole run.
import { spawn } from 'node:child_process'
import { ensureChromium, ensureNpmPackages } from './ensure-deps.mjs'

ensureNpmPackages()
ensureChromium()

const layers = [
  {
    name: 'lint',
    cmd: 'npx',
    args: ['eslint', '--max-warnings', '0', 'src', 'mock', 'scripts', 'e2e', 'config', 'conformance'],
  },
  { name: 'format', cmd: 'npx', args: ['prettier', '--check', '.'] },
  { name: 'types', cmd: 'npx', args: ['tsc', '--noEmit'] },
  // The contract against Redocly's recommended rules, every warning an error (lint:contract); offline, no telemetry.
  { name: 'contract', cmd: 'npm', args: ['run', '--silent', 'lint:contract'] },
  { name: 'unit', cmd: 'npx', args: ['jest', '--maxWorkers=2', '--ci'] },
  // The conformance kit against a fresh emulator (in its own process, no build needed).
  { name: 'conformance', cmd: 'npm', args: ['run', '--silent', 'conformance'] },
  { name: 'build', cmd: 'npm', args: ['run', '--silent', 'test:build'], gates: true },
  // WeChat's own compiler (miniprogram-ci, offline) on dist/weapp, and its code-quality check.
  { name: 'official', cmd: 'npm', args: ['run', '--silent', 'test:official'] },
  { name: 'smoke', cmd: 'npm', args: ['run', '--silent', 'test:smoke'] },
  { name: 'e2e', cmd: 'npm', args: ['run', '--silent', 'test:e2e'] },
]

function run(layer) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(layer.cmd, layer.args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env })
    let output = ''
    const forward = (stream) => (chunk) => {
      output += chunk
      stream.write(chunk)
    }
    child.stdout.on('data', forward(process.stdout))
    child.stderr.on('data', forward(process.stderr))
    child.on('close', (code) => resolve({ code, output, seconds: (Date.now() - started) / 1000 }))
  })
}

function countsOf(layer, output, code) {
  const jest = /Tests:\s+(?:(\d+) failed, )?(?:(\d+) skipped, )?(?:(\d+) passed, )?(\d+) total/.exec(output)
  if (layer === 'unit' && jest) return { passed: Number(jest[3] ?? 0), failed: Number(jest[1] ?? 0) }
  const plain = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].pop()
  if (plain) return { passed: Number(plain[1]), failed: Number(plain[2]) }
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }
}

const summary = []
const started = Date.now()
let failed = false
for (const layer of layers) {
  console.log(`\n━━ ${layer.name} ━━`)
  const { code, output, seconds } = await run(layer)
  const counts = countsOf(layer.name, output, code)
  summary.push({ layer: layer.name, ...counts, seconds: seconds.toFixed(1), exit: code })
  if (code !== 0) {
    failed = true
    // The official compile, the smoke run and the journeys need the builds; the layers before are independent.
    if (layer.gates) {
      console.log(
        `\n✗ ${layer.name} failed (exit ${code}); the layers after it need it, so the run stops here.`,
      )
      break
    }
    console.log(`\n✗ ${layer.name} failed (exit ${code})`)
  }
}

console.log('\n━━ summary ━━')
console.table(summary)
const passed = summary.reduce((n, s) => n + s.passed, 0)
const failedCount =
  summary.reduce((n, s) => n + s.failed, 0) + (failed && summary.at(-1).failed === 0 ? 1 : 0)
console.log(`npm test wall time: ${((Date.now() - started) / 1000).toFixed(0)}s`)
console.log(`${passed} passed, ${failedCount} failed`)
process.exit(failed ? 1 : 0)
