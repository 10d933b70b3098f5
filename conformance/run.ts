/**
 * `npm run conformance -- [--base URL] [--users shopper=CODE,other=CODE,staff=CODE,merchant=CODE]
 *   [--device CODE] [--platform weapp|alipay|h5] [--only REGEX] [--report FILE]`
 *
 * Checks a server against what the app relies on beyond the contract's shapes (README: "Conformance
 * kit"). Without --base it starts the emulator in this process and checks it. Prints a summary, writes
 * the JSON report, exits 1 when a check fails.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startEmulatorServer } from '../mock/server/start'
import { runKit } from './lib/kit'
import { printReport, writeReport } from './lib/report'
import { EMULATOR_USERS, parseUsers } from './lib/users'

const DEFAULT_REPORT = path.resolve(__dirname, '..', 'dist', 'conformance-report.json')
/** The emulator's gravity cabinet, restocked by u_staff and owned by u_merchant. */
const EMULATOR_DEVICE = 'GZ0001A'

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      users: { type: 'string' },
      device: { type: 'string', default: EMULATOR_DEVICE },
      platform: { type: 'string', default: 'weapp' },
      only: { type: 'string' },
      report: { type: 'string', default: DEFAULT_REPORT },
    },
  })
  // The emulator's long order history gives the pagination checks more than one page to walk.
  const emulator = values.base
    ? null
    : await startEmulatorServer({ port: 0, scenario: 'order_history', appDir: null, quiet: true })
  try {
    const report = await runKit({
      base: values.base ?? emulator!.url,
      codes: values.users ? parseUsers(values.users) : EMULATOR_USERS,
      deviceCode: values.device!,
      platform: values.platform!,
      only: values.only ? new RegExp(values.only) : undefined,
    })
    printReport(report)
    writeReport(report, path.resolve(values.report!))
    console.log(`report: ${path.relative(process.cwd(), path.resolve(values.report!))}`)
    return report.counts.failed === 0 ? 0 : 1
  } finally {
    await emulator?.stop()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
