import fs from 'node:fs'
import path from 'node:path'

export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

/**
 * Sizes of a mini-program build as the platforms count them: each subpackage is its root folder, the main
 * package is everything else. License text files that terser extracts are left out: no platform ships them.
 */
export function packageSizesKb(
  distDir: string,
  subRoots: string[],
): { main: number; subs: Record<string, number> } {
  const subs: Record<string, number> = {}
  let main = 0
  for (const file of filesUnder(distDir)) {
    if (file.endsWith('.LICENSE.txt')) continue
    const rel = path.relative(distDir, file).split(path.sep).join('/')
    const bytes = fs.statSync(file).size
    const root = subRoots.find((r) => rel.startsWith(r.replace(/\/?$/, '/')))
    if (root) subs[root] = (subs[root] ?? 0) + bytes
    else main += bytes
  }
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
  return { main: kb(main), subs: Object.fromEntries(Object.entries(subs).map(([k, v]) => [k, kb(v)])) }
}
