/**
 * Child process of scripts/bench/measures/startup.ts (run with `node --import tsx`, TZ=Asia/Shanghai): launches
 * the compiled WeChat app (dist/weapp, the cabinet page from a QR scan) and the bench's minimal app
 * (dist/bench-minimal-app/weapp) in miniprogram-simulate and prints, as the last stdout line, the ms from
 * launch (just before app.js is required) to each one's first page setData, for every measured launch.
 *
 * miniprogram-simulate compiles a build's WXML with wcc once per root and caches it per page path; it also
 * runs postcss + csso on a page's WXSS on every load, which this probe memoises. One warm-up launch of each
 * app fills those caches, so the measured launches spend no template or style compile time (a phone gets
 * both precompiled); what remains is the JS evaluation, App and Page lifecycles, j-component's page creation
 * and React's first render up to its setData.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { FIXTURE, startCloud } from '../smoke/lib/cloud'
import { waitFor, type Launch } from '../smoke/lib/screen'
import { SetDataRecorder } from '../smoke/lib/setdata'
import { openWeappPage } from '../smoke/lib/weapp'

const RUNS = Number(process.env.STARTUP_RUNS ?? 15)
const MINIMAL_ROOT = path.resolve(__dirname, '..', '..', 'dist', 'bench-minimal-app', 'weapp')

const nodeRequire = createRequire(__filename)
const wxssPath = path.join(path.dirname(nodeRequire.resolve('miniprogram-simulate')), 'src', 'wxss.js')
const wxss = nodeRequire(wxssPath) as { compile: (css: string, options?: { prefix?: string }) => string }
const compileWxss = wxss.compile.bind(wxss)
const compiled = new Map<string, string>()
wxss.compile = (css, options = {}) => {
  const key = `${options.prefix ?? ''}\0${css}`
  let out = compiled.get(key)
  if (out === undefined) compiled.set(key, (out = compileWxss(css, options)))
  return out
}

type Launcher = () => Launch

const apps: Record<'app' | 'minimal', Launcher> = {
  app: () => ({ qrText: `https://qr.kaimengui.cn/c/${FIXTURE.deviceCode}` }),
  minimal: () => ({ root: MINIMAL_ROOT, page: 'pages/index/index', query: {} }),
}

async function main(): Promise<void> {
  const cloud = await startCloud()
  const times: Record<keyof typeof apps, number[]> = { app: [], minimal: [] }
  try {
    const once = async (name: keyof typeof apps): Promise<number> => {
      const recorder = new SetDataRecorder()
      const page = await openWeappPage(cloud, { ...apps[name](), setData: recorder })
      try {
        const first = await waitFor(
          () => recorder.calls[0],
          () => `no setData from the ${name}`,
        )
        return first.at - (recorder.launchedAt ?? NaN)
      } finally {
        await page.close()
      }
    }
    // Warm-up: wcc's compile of each root and the WXSS are cached from here on.
    await once('app')
    await once('minimal')
    for (let run = 0; run < RUNS; run++) {
      // Alternating which goes first, so neither always follows the other's garbage.
      const order: (keyof typeof apps)[] = run % 2 === 0 ? ['app', 'minimal'] : ['minimal', 'app']
      for (const name of order) times[name].push(await once(name))
    }
  } finally {
    await cloud.stop()
  }
  process.stdout.write(`\n${JSON.stringify({ runs: RUNS, ...times })}\n`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
