// `npm start`: build the H5 app once, then serve it with the emulated cloud and the cabinet simulator
// beside it. Open the printed address: the phone on the left, the cabinet on the right.
import { spawn, spawnSync } from 'node:child_process'
import { ensureNpmPackages } from './ensure-deps.mjs'

ensureNpmPackages()

const port = process.env.PORT ?? '8787'
const scenario = process.env.SCENARIO ?? 'demo'

console.log('building the H5 app (about 20 s)…')
const build = spawnSync('node', ['scripts/build-all.mjs', 'h5'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'mock/server/main.ts', '--port', port, '--scenario', scenario, '--app', 'dist/h5'],
  { stdio: 'inherit' },
)
const stop = () => server.kill('SIGTERM')
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
server.on('exit', (code) => process.exit(code ?? 0))
