/**
 * Checks the production builds: every page of app.config is in each build, each mini-program build holds
 * only its platform's file types, the main package fits its budget, nothing of the emulator, msw or a
 * secret slipped into what ships, WeChat's app.json has its platform switches, and Alipay's app.json and
 * page jsons hold only the keys Alipay documents, with the same titles and colours as WeChat's.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ROOT, allPages, loadAppConfig, subPackagesOf } from './lib/app-config'
import { filesUnder, packageSizesKb } from './lib/package-size'
import {
  ALIPAY_APP_KEYS,
  ALIPAY_PAGE_ONLY_KEYS,
  ALIPAY_WINDOW_KEYS,
  type Json,
  mismatches,
  pageJson,
  readJson,
  unknownKeys,
} from './lib/platform-config'

const MAIN_BUDGET_KB = 600
const SUB_BUDGET_KB = 2048

const FOREIGN: Record<string, RegExp> = {
  weapp: /\.(axml|acss|sjs)$/,
  alipay: /\.(wxml|wxss|wxs)$/,
}
const OWN_TEMPLATE: Record<string, string> = { weapp: '.wxml', alipay: '.axml' }

const LEAKS: [string, RegExp][] = [
  ['msw', /mswjs|MockServiceWorker|setupWorker\(/],
  ['emulator', /__control\/|createCloud\(|ManualClock/],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['app secret', /app_?secret|appsecret|mch_?key|api_?v3_?key/i],
]

let failures = 0
let checks = 0
function check(ok: boolean, label: string): void {
  checks++
  if (ok) console.log(`  ✓ ${label}`)
  else {
    failures++
    console.log(`  ✗ ${label}`)
  }
}

async function main(): Promise<void> {
  const config = await loadAppConfig()
  const pages = allPages(config)
  const subRoots = subPackagesOf(config).map((sub) => sub.root)

  for (const target of ['weapp', 'alipay'] as const) {
    const dist = path.join(ROOT, 'dist', target)
    console.log(`${target}:`)
    const files = filesUnder(dist).map((f) => path.relative(dist, f).split(path.sep).join('/'))
    for (const page of pages) {
      check(
        files.includes(`${page}.js`) && files.includes(`${page}${OWN_TEMPLATE[target]}`),
        `page ${page} present`,
      )
    }
    const foreign = files.filter((f) => FOREIGN[target]!.test(f))
    check(
      foreign.length === 0,
      `only ${target} file types${foreign.length ? ` (found ${foreign.join(', ')})` : ''}`,
    )
    const sizes = packageSizesKb(dist, subRoots)
    check(sizes.main <= MAIN_BUDGET_KB, `main package ${sizes.main} KB ≤ ${MAIN_BUDGET_KB} KB`)
    for (const [root, kb] of Object.entries(sizes.subs)) {
      check(kb <= SUB_BUDGET_KB, `subpackage ${root} ${kb} KB ≤ ${SUB_BUDGET_KB} KB`)
    }
    const code = files
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(dist, f), 'utf8'))
    for (const [name, pattern] of LEAKS) check(!code.some((c) => pattern.test(c)), `no ${name} code`)
  }

  checkPlatformConfigs(pages)

  const h5 = path.join(ROOT, 'dist', 'h5')
  console.log('h5:')
  check(fs.existsSync(path.join(h5, 'index.html')), 'index.html present')
  const h5Code = filesUnder(h5)
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n')
  for (const page of pages) check(h5Code.includes(page), `route ${page} present`)
  for (const [name, pattern] of LEAKS) check(!pattern.test(h5Code), `no ${name} code`)

  console.log(`\nbuild output: ${checks - failures} passed, ${failures} failed`)
  if (failures) process.exit(1)
}

function listed(keys: string[]): string {
  return keys.length ? ` (found ${keys.join(', ')})` : ''
}

/** WeChat's switches in its app.json; Alipay's configs in Alipay's own keys, saying what WeChat's say. */
function checkPlatformConfigs(pages: string[]): void {
  const weapp = path.join(ROOT, 'dist', 'weapp')
  const alipay = path.join(ROOT, 'dist', 'alipay')
  const weappApp = readJson(path.join(weapp, 'app.json'))
  const alipayApp = readJson(path.join(alipay, 'app.json'))

  console.log('weapp app.json:')
  check(weappApp?.lazyCodeLoading === 'requiredComponents', 'lazyCodeLoading: requiredComponents')
  check(weappApp?.__usePrivacyCheck__ === true, '__usePrivacyCheck__: true')
  const privateInfos = weappApp?.requiredPrivateInfos
  check(
    Array.isArray(privateInfos) && privateInfos.includes('chooseLocation'),
    'requiredPrivateInfos declares chooseLocation',
  )
  const sitemapFile = String(weappApp?.sitemapLocation ?? 'sitemap.json')
  const sitemap = readJson(path.join(weapp, sitemapFile))
  check(Array.isArray(sitemap?.rules), `${sitemapFile} present with its rules`)
  const weappWindow = weappApp?.window as Json | undefined
  check(
    typeof weappWindow?.navigationBarTitleText === 'string' && !('defaultTitle' in (weappWindow ?? {})),
    "window in WeChat's keys (navigationBarTitleText)",
  )

  console.log("alipay app.json and page jsons, in Alipay's documented keys:")
  const appKeys = unknownKeys(alipayApp, ALIPAY_APP_KEYS)
  check(alipayApp !== undefined && appKeys.length === 0, `app.json top-level keys${listed(appKeys)}`)
  const alipayWindow = alipayApp?.window as Json | undefined
  const windowKeys = unknownKeys(alipayWindow, ALIPAY_WINDOW_KEYS)
  check(
    typeof alipayWindow?.defaultTitle === 'string' && windowKeys.length === 0,
    `app.json window keys${listed(windowKeys)}`,
  )
  const windowDiff = mismatches(weappWindow, alipayWindow)
  check(windowDiff.length === 0, `app.json window says what WeChat's says${listed(windowDiff)}`)
  for (const page of pages) {
    const alipayPage = pageJson(alipay, page)
    const foreign = unknownKeys(alipayPage, ALIPAY_WINDOW_KEYS, ALIPAY_PAGE_ONLY_KEYS)
    const differ = mismatches(pageJson(weapp, page), alipayPage)
    check(
      alipayPage !== undefined && foreign.length === 0 && differ.length === 0,
      `${page}.json${listed([...foreign, ...differ])}`,
    )
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
