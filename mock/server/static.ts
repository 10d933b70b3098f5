import fs from 'node:fs'
import path from 'node:path'
import type { ServerResponse } from 'node:http'

/**
 * Static files of the emulator server: the H5 build under `/app/` (with an index.html fallback for the
 * app's own routes) and the simulator page, whose TypeScript is transpiled by esbuild on request.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra = {},
): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra })
  res.end(body)
}

/** A file under `root` for a URL path, refusing anything that climbs out of it. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`)
  return file === root || file.startsWith(root + path.sep) ? file : null
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

const MISSING_APP = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>H5 应用未构建</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="font-family:sans-serif;padding:24px;line-height:1.6;color:#333">
<h2>H5 应用尚未构建</h2><p>请先运行 <code>npm run build:h5</code>，再重新启动模拟云：<code>npm run mock</code>。</p>
<p>接口（<code>/v1/…</code>）与柜子模拟器（<a href="/" target="_top">/</a>）不受影响。</p></body></html>`

/** Serves `/app/...` from the H5 build; unknown paths without an extension get index.html (client routes). */
export function serveApp(appDir: string | null, urlPath: string, res: ServerResponse): void {
  const root = appDir ? path.resolve(appDir) : null
  const index = root ? path.join(root, 'index.html') : null
  if (!root || !index || !isFile(index)) {
    send(res, 404, MISSING_APP, TYPES['.html'] as string, { 'Cache-Control': 'no-store' })
    return
  }
  const relative = urlPath.replace(/^\/app\/?/, '')
  const file = relative === '' ? index : resolveInside(root, relative)
  if (file && isFile(file)) {
    const html = file.endsWith('.html')
    send(res, 200, fs.readFileSync(file), contentTypeOf(file), {
      // Hashed bundles may be cached; the page itself must not be, or a rebuild would not show.
      'Cache-Control': html ? 'no-cache' : 'public, max-age=3600',
    })
    return
  }
  if (path.extname(relative) !== '') {
    send(res, 404, 'not found', TYPES['.txt'] as string)
    return
  }
  send(res, 200, fs.readFileSync(index), TYPES['.html'] as string, { 'Cache-Control': 'no-cache' })
}

export const SIMULATOR_DIR = path.resolve(__dirname, '..', 'simulator')

let cachedScript: { mtimeMs: number; code: string } | null = null

/** The simulator's script, transpiled from TypeScript once per change of the source. */
async function simulatorScript(): Promise<string> {
  const source = path.join(SIMULATOR_DIR, 'simulator.ts')
  const { mtimeMs } = fs.statSync(source)
  if (cachedScript?.mtimeMs === mtimeMs) return cachedScript.code
  const { transform } = await import('esbuild')
  const result = await transform(fs.readFileSync(source, 'utf8'), {
    loader: 'ts',
    format: 'iife',
    target: 'es2019',
    sourcefile: 'simulator.ts',
    charset: 'utf8',
  })
  cachedScript = { mtimeMs, code: result.code }
  return result.code
}

/** `/` (the simulator page) and its script and styles. */
export async function serveSimulator(urlPath: string, res: ServerResponse): Promise<boolean> {
  if (urlPath === '/' || urlPath === '/index.html' || urlPath === '/simulator') {
    send(res, 200, fs.readFileSync(path.join(SIMULATOR_DIR, 'index.html')), TYPES['.html'] as string, {
      'Cache-Control': 'no-cache',
    })
    return true
  }
  if (urlPath === '/favicon.ico') {
    res.writeHead(204)
    res.end()
    return true
  }
  if (urlPath === '/simulator.js') {
    send(res, 200, await simulatorScript(), TYPES['.js'] as string, { 'Cache-Control': 'no-cache' })
    return true
  }
  if (urlPath === '/simulator.css') {
    send(res, 200, fs.readFileSync(path.join(SIMULATOR_DIR, 'simulator.css')), TYPES['.css'] as string, {
      'Cache-Control': 'no-cache',
    })
    return true
  }
  return false
}
