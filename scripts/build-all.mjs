// Production builds of every target, one at a time (two cores), each into dist/<target>.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['weapp', 'alipay', 'h5']

for (const target of targets) {
  rmSync(`dist/${target}`, { recursive: true, force: true })
  const started = Date.now()
  const run = spawnSync('npx', ['taro', 'build', '--type', target], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (run.status !== 0 || /Failed to compile|ERROR in/.test(run.stdout + run.stderr)) {
    process.stdout.write(run.stdout.slice(-4000) + run.stderr.slice(-4000))
    console.error(`build ${target} failed after ${seconds}s`)
    process.exit(1)
  }
  console.log(`build ${target}: ok in ${seconds}s`)
}
