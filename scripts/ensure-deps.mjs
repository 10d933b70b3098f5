// Lets `npm start` and `npm test` work on a fresh clone: installs the locked npm packages when they are
// missing or older than the lock, and (for the browser tests) Debian's Chromium and Chinese fonts.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed`)
    process.exit(result.status ?? 1)
  }
}

export function ensureNpmPackages() {
  const marker = 'node_modules/.package-lock.json'
  const stale =
    !fs.existsSync(marker) || fs.statSync('package-lock.json').mtimeMs > fs.statSync(marker).mtimeMs + 1000
  if (!stale) return
  console.log('installing npm packages from the lock…')
  // `npm ci` rejects this registry's lock (Taro's optional darwin/win bindings are left out of it).
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'])
}

export function ensureChromium() {
  const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
  const hasFont = fs.existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc')
  if (hasChromium && hasFont) return
  if (process.getuid?.() !== 0) {
    console.error('The browser tests need Debian packages: sudo apt-get install -y chromium fonts-wqy-zenhei')
    process.exit(1)
  }
  console.log('installing chromium and fonts-wqy-zenhei…')
  run('apt-get', ['update', '-qq'])
  run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-wqy-zenhei'])
}
