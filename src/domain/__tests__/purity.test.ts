import fs from 'node:fs'
import path from 'node:path'

// The domain core and each subpackage's domain run unchanged on WeChat, Alipay, H5, in jest and in the
// emulator, so they may not depend on Taro, the platform seam, the stores or the API client, or the WHATWG
// URL class that mini-program runtimes lack.
const srcDir = path.resolve(__dirname, '../..')
const packagesDir = path.join(srcDir, 'packages')
const domainDirs = [
  'domain',
  ...fs
    .readdirSync(packagesDir)
    .map((name) => `packages/${name}/domain`)
    .filter((dir) => fs.existsSync(path.join(srcDir, dir))),
]
// Only the modules themselves: their tests sit in __tests__ beside them.
const sources = domainDirs.flatMap((dir) =>
  fs
    .readdirSync(path.join(srcDir, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `${dir}/${f}`, text: fs.readFileSync(path.join(srcDir, dir, f), 'utf8') })),
)

/** dayjs, a file of the same folder, or the domain core. */
// The design tokens are plain data (colours for the drawn sticker), as pure as the domain itself.
const PURE = /^(dayjs(\/.*)?|\.\/[^/]+|@\/domain\/[^/]+|@\/theme\/tokens)$/
/** The contract's types: erased at build time, so a type-only import carries no code. */
const TYPES_ONLY = /^@\/api\/types$/
/**
 * Known departures, named one by one so no other file can follow unnoticed: the sticker draws its matrix
 * with uqr, a pinned pure-JS encoder.
 */
const ALSO_ALLOWED: Record<string, RegExp> = {
  'packages/merchant/domain/qrSticker.ts': /^uqr$/,
}

/** Every module a file names: imports (type-only or not) and re-exports. */
function importsOf(text: string): { spec: string; typeOnly: boolean }[] {
  const found = [
    ...text.matchAll(/^\s*import\s+(type\s)?[^'"]*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*export\s+(type\s)?[^'"]*\sfrom\s+['"]([^'"]+)['"]/gm),
  ]
  return found.map((m) => ({ spec: m[2]!, typeOnly: Boolean(m[1]) }))
}

describe('the domain is platform-free', () => {
  test('covers the core and every subpackage’s domain', () => {
    expect(sources.map((s) => s.file)).toEqual(
      expect.arrayContaining([
        'domain/qr.ts',
        'domain/errors.ts',
        'domain/money.ts',
        'domain/time.ts',
        'packages/merchant/domain/qrSticker.ts',
        'packages/orders/domain/requestKey.ts',
        'packages/staff/domain/counts.ts',
      ]),
    )
    expect(sources.some((s) => s.file.includes('__tests__'))).toBe(false)
  })

  test('each known departure is still needed', () => {
    for (const [file, allowed] of Object.entries(ALSO_ALLOWED)) {
      const source = sources.find((s) => s.file === file)
      expect(source && importsOf(source.text).some((i) => allowed.test(i.spec))).toBe(true)
    }
  })

  test.each(sources.map((s) => [s.file, s.text] as const))(
    '%s imports only dayjs, its own folder and the domain core',
    (file, text) => {
      for (const { spec, typeOnly } of importsOf(text)) {
        const ok =
          PURE.test(spec) || (typeOnly && TYPES_ONLY.test(spec)) || Boolean(ALSO_ALLOWED[file]?.test(spec))
        expect({ file, spec, ok }).toEqual({ file, spec, ok: true })
      }
      expect(text).not.toMatch(/\brequire\(|\bimport\(/)
      expect(text).not.toMatch(/@tarojs|TARO_ENV|\bnew URL\(|URLSearchParams|\bwx\.|\bmy\./)
    },
  )
})
