/**
 * `npm run mock` — the emulated cloud for DevTools, the Alipay IDE, phones on the LAN and the browser demo.
 *
 *   node --import tsx mock/server/main.ts [--port 8787] [--host 127.0.0.1] [--scenario demo]
 *        [--app dist/h5 | --no-app] [--clock system|manual] [--time fixture|now|<ISO instant>]
 */
import path from 'node:path'
import { SCENARIO_NAMES } from '../model/fixtures'
import { startEmulatorServer, type EmulatorServerOptions } from './start'

const USAGE = `usage: node --import tsx mock/server/main.ts [options]
  --port N          port (default 8787; 0 = any free port)
  --host H          address to listen on (default 127.0.0.1; 0.0.0.0 for phones on the LAN)
  --scenario NAME   one of: ${SCENARIO_NAMES.join(', ')} (default demo)
  --app DIR         the H5 build to serve at /app/ (default dist/h5)
  --no-app          serve no H5 build
  --clock KIND      system (default) or manual
  --time WHEN       fixture (default: Friday 2026-11-20 12:00, every promotion on), now, or an ISO instant
  --quiet           print nothing`

function parseArgs(argv: string[]): EmulatorServerOptions {
  const options: EmulatorServerOptions = {}
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s) as [string, string]) : [arg, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined) throw new Error(`${flag} needs a value`)
      return v
    }
    switch (flag) {
      case '--port':
        options.port = Number(value())
        if (!Number.isInteger(options.port) || options.port < 0) throw new Error('--port must be a number')
        break
      case '--host':
        options.host = value()
        break
      case '--scenario':
        options.scenario = value()
        if (!(SCENARIO_NAMES as readonly string[]).includes(options.scenario)) {
          throw new Error(`unknown scenario "${options.scenario}"`)
        }
        break
      case '--app':
        options.appDir = path.resolve(value())
        break
      case '--no-app':
        options.appDir = null
        break
      case '--clock': {
        const clock = value()
        if (clock !== 'system' && clock !== 'manual') throw new Error('--clock is system or manual')
        options.clock = clock
        break
      }
      case '--time':
        options.startAt = value()
        break
      case '--quiet':
        options.quiet = true
        break
      case '--help':
      case '-h':
        console.log(USAGE)
        process.exit(0)
        break
      default:
        throw new Error(`unknown option ${arg}`)
    }
  }
  return options
}

async function main(): Promise<void> {
  let options: EmulatorServerOptions
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error))
    console.error(USAGE)
    process.exit(2)
  }
  const server = await startEmulatorServer(options)
  if (!options.quiet) {
    const state = server.control.state()
    const lines = [
      '开门柜模拟云已启动 (emulated cloud)',
      `  柜子模拟器 simulator   ${server.url}/`,
      `  H5 应用    app         ${server.url}/app/`,
      `  接口       API         ${server.url}/v1/…`,
      `  推送       stream      ${server.url.replace(/^http/, 'ws')}/v1/stream?token=…`,
      `  控制       control     ${server.url}/__control/state`,
      `  场景       scenario    ${state.scenario.name} — ${state.scenario.description}`,
      `  时间       clock       ${state.now} (${state.clock})`,
      '  登录码     login codes ' + state.users.map((u) => `${u.loginCode} (${u.nickname})`).join(', '),
      '  柜子       devices     ' + state.devices.map((d) => `${d.code} ${d.name}`).join(', '),
    ]
    console.log(lines.join('\n'))
  }
  const stop = () => {
    void server.stop().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
