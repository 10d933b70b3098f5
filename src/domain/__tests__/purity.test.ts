import fs from 'node:fs'
import path from 'node:path'

// The domain core runs unchanged on WeChat, Alipay, H5, in jest and in the emulator, so it may not depend
// on Taro, the platform seam, or the WHATWG URL class that mini-program runtimes lack.
const domainDir = path.resolve(__dirname, '..')
const sources = fs
  .readdirSync(domainDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(domainDir, f), 'utf8') }))

describe('the domain core is platform-free', () => {
  test('has the expected modules', () => {
    expect(sources.map((s) => s.file)).toEqual(
      expect.arrayContaining(['qr.ts', 'errors.ts', 'money.ts', 'time.ts']),
    )
  })

  test.each(sources.map((s) => [s.file, s.text] as const))(
    '%s imports only dayjs and its own files',
    (_f, text) => {
      const imports = [...text.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1])
      for (const spec of imports) {
        expect(spec).toMatch(/^(dayjs(\/.*)?|\.\.?\/.*)$/)
      }
      expect(text).not.toMatch(/@tarojs|TARO_ENV|\bnew URL\(|URLSearchParams|\bwx\.|\bmy\./)
    },
  )
})
