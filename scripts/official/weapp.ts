/**
 * WeChat's official compiler on the production build: `miniprogram-ci` (the compiler of WeChat DevTools)
 * compiles `dist/weapp` the way an upload would, and its code-quality check looks at the same project.
 * Run after `npm run build:weapp`; no network: the project attributes it would ask WeChat's servers for
 * are the package's own defaults, the appid is a throwaway and the signing key is made here and deleted.
 */
import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import * as ci from 'miniprogram-ci'
import { ROOT } from '../lib/app-config'

const DIST = path.join(ROOT, 'dist', 'weapp')
const APPID = 'wx0000000000000000'

// Quality items we cannot fix in our own files, each with the reason. Everything else it flags fails.
const ALLOWED_QUALITY_ITEMS: Record<string, string> = {}

let failures = 0
let checks = 0
function check(ok: boolean, label: string, detail?: string): void {
  checks++
  if (ok) console.log(`  ✓ ${label}`)
  else {
    failures++
    console.log(`  ✗ ${label}${detail ? `\n      ${detail.split('\n').join('\n      ')}` : ''}`)
  }
}

function throwawayKey(dir: string): string {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  const file = path.join(dir, 'private.key')
  fs.writeFileSync(file, privateKey, { mode: 0o600 })
  return file
}

/**
 * The package's only outside call on this path is a fetch of WeChat's file-type white list, and it falls
 * back to the list it ships. Its requests go to this local proxy, which refuses them all: the run is the
 * same with or without a network, and a new outside call would show up in the count.
 */
async function refusingProxy(): Promise<{ url: string; refused: string[]; close: () => void }> {
  const refused: string[] = []
  const server = http.createServer((req, res) => {
    refused.push(req.url ?? '')
    res.writeHead(403).end()
  })
  server.on('connect', (req, socket) => {
    refused.push(req.url ?? '')
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, refused, close: () => server.close() }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    console.error('dist/weapp/app.json is missing: run `npm run build:weapp` first')
    process.exit(1)
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'official-weapp-'))
  const proxy = await refusingProxy()
  ci.proxy(proxy.url)
  const started = Date.now()
  try {
    const project = new ci.Project({
      appid: APPID,
      type: 'miniProgram',
      projectPath: DIST,
      privateKeyPath: throwawayKey(tmp),
      ignores: ['**/*.LICENSE.txt'],
      // Without this the package asks WeChat's servers for the app's attributes (and fails offline).
      attr: async () => ci.DefaultProjectAttr,
    } as ConstructorParameters<typeof ci.Project>[0])

    console.log('compile (getCompiledResult):')
    try {
      const result = await ci.getCompiledResult(
        // `version` is typed as required but only an upload reads it.
        { project, version: '0.0.0', setting: { useProjectConfig: true } },
        path.join(tmp, 'compiled.zip'),
      )
      check(true, `dist/weapp compiles (${Object.keys(result).length} files)`)
    } catch (err) {
      check(false, 'dist/weapp compiles', err instanceof Error ? err.message : String(err))
    }

    console.log('code quality (checkCodeQuality):')
    const items = await ci.checkCodeQuality(project)
    for (const item of items) {
      const name = String(item.name)
      const allowed = ALLOWED_QUALITY_ITEMS[name]
      if (!item.success && allowed) {
        console.log(`  - ${name}: ${item.text ?? ''} (allowed: ${allowed})`)
        continue
      }
      // Its texts describe the problem, so they are shown only when it is found.
      const detail = item.detail === undefined ? undefined : JSON.stringify(item.detail)
      const ok = item.success === true
      check(ok, ok ? name : `${name}: ${item.text ?? ''}`, detail)
    }
  } finally {
    proxy.close()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  const outside = proxy.refused.length
    ? `${proxy.refused.length} outside request(s) refused and not needed: ${proxy.refused.join(', ')}`
    : 'no outside requests'
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)}s, ${outside}`)
  console.log(`official: ${checks - failures} passed, ${failures} failed`)
  process.exit(failures ? 1 : 0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
