/**
 * Checks the production builds: every page of app.config is in each build, each mini-program build holds
 * only its platform's file types, the main package fits its budget, and nothing of the emulator, msw or
 * a secret slipped into what ships.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ROOT, allPages, loadAppConfig, subPackagesOf } from './lib/app-config'
import { filesUnder, packageSizesKb } from './lib/package-size'

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

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
