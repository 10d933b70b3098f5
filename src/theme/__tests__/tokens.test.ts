import fs from 'node:fs'
import path from 'node:path'
import { colors, elderVars, themeVars, tokenScss } from '../tokens'

const SRC = path.resolve(__dirname, '..', '..')
const TOKENS = path.join(SRC, 'theme', 'tokens.ts')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(scss|ts|tsx)$/.test(entry.name) ? [full] : []
  })
}

// A colour written as hex (#abc, #aabbcc, #aabbccdd) or as a CSS colour function.
const COLOUR = /#[0-9a-f]{3}(?:[0-9a-f]{3}(?:[0-9a-f]{2})?)?\b|\b(?:rgba?|hsla?)\(/gi

function relativeLuminance(hex: string): number {
  const value = hex.replace('#', '')
  const channels = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe('design tokens', () => {
  it('hold every colour of the app: no colour literal anywhere else in src', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => file !== TOKENS && !file.includes(`${path.sep}__tests__${path.sep}`))
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            line.match(COLOUR) ? [`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`] : [],
          ),
      )
    expect(offenders).toEqual([])
  })

  it('size every text through the type scale, so elder mode reaches it', () => {
    const fixed = sourceFiles(SRC)
      .filter((file) => file.endsWith('.scss'))
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            /^\s*font-size\s*:/.test(line) && !/var\(--cab-font-/.test(line)
              ? [`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`]
              : [],
          ),
      )
    expect(fixed).toEqual([])
  })

  it('give body text WCAG AA contrast (4.5:1) on every surface it is drawn on', () => {
    const texts = [
      'textStrong',
      'text',
      'textSecondary',
      'textHint',
      'brand',
      'danger',
      'warning',
      'success',
      'info',
      'deposit',
    ] as const
    const surfaces = [
      'surface',
      'bg',
      'fill',
      'brandBg',
      'dangerBg',
      'warningBg',
      'successBg',
      'infoBg',
      'depositBg',
    ] as const
    const weak = texts.flatMap((text) =>
      surfaces
        .map((surface) => ({ text, surface, ratio: contrast(colors[text], colors[surface]) }))
        .filter((pair) => pair.ratio < 4.5),
    )
    expect(weak).toEqual([])
    for (const fill of [
      'brand',
      'brandDeep',
      'danger',
      'dangerStrong',
      'info',
      'success',
      'warning',
    ] as const) {
      expect(contrast(colors.onBrand, colors[fill])).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('let elder mode grow every step of the type scale and every tap target, and change nothing else', () => {
    const normal = themeVars()
    const elder = elderVars()
    for (const [name, value] of Object.entries(elder)) {
      expect(normal[name]).toBeDefined()
      expect(parseFloat(value)).toBeGreaterThan(parseFloat(normal[name]!))
    }
    expect(Object.keys(normal).filter((name) => name.startsWith('--cab-font-'))).toEqual(
      Object.keys(elder).filter((name) => name.startsWith('--cab-font-')),
    )
    expect(parseFloat(elder['--cab-font-base']!)).toBeGreaterThanOrEqual(32)
  })

  it('feed NutUI the same brand colour the app uses', () => {
    expect(themeVars()['--nutui-color-primary']).toBe(colors.brand)
    expect(tokenScss()).toContain(`--cab-color-brand: ${colors.brand};`)
    expect(tokenScss()).toMatch(/@mixin cab-theme \{[\s\S]*\}\n@mixin cab-elder \{[\s\S]*\}/)
  })
})
