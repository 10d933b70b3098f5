/**
 * Every toast the app can show fits the platform: WeChat's `success` / `error` / `loading` icons show at
 * most 7 Chinese characters, and an `icon: 'none'` toast at most two lines (28 characters here). Titles are
 * read from the source (literals) or are catalogue messages (all of which are checked); anything else, a
 * message joined with its hint for example, belongs in a modal, not a toast.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ERROR_CATALOGUE } from '@/domain/errors'

const SRC = path.resolve(__dirname, '..')
const ICON_LIMIT = 7
const TWO_LINES = 28

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === '__tests__' ? [] : sources(full)
    return /\.tsx?$/.test(e.name) ? [full] : []
  })
}

interface Toast {
  where: string
  title: string
  icon: string
}

const toasts: Toast[] = sources(SRC).flatMap((file) => {
  const text = fs.readFileSync(file, 'utf8')
  return [...text.matchAll(/showToast\(\{([^}]*)\}\)/g)].map((m) => {
    const args = m[1] ?? ''
    return {
      where: `${path.relative(SRC, file)}: ${m[0]}`,
      title: /title:\s*([^,]+?)\s*(?:,|$)/.exec(args)?.[1] ?? '',
      icon: /icon:\s*'(\w+)'/.exec(args)?.[1] ?? 'success',
    }
  })
})

/** The literal strings a title expression can be (both arms of a `?:`), or null for a catalogue message. */
function literals(title: string): string[] | null {
  const strings = [...title.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '')
  const rest = title.replace(/'[^']*'/g, '').replace(/\s/g, '')
  if (rest === '') return strings
  // `error.message`, or `cond ? error.message : '…'`: a catalogue message plus its literal arms.
  if (/^(\w+\?)?[\w.]*\.message(:)?$/.test(rest) || /^\w+\?\w+\.message:$/.test(rest)) return strings
  return null
}

test('the app shows toasts, and this test finds them', () => {
  expect(toasts.length).toBeGreaterThan(5)
})

test.each(toasts.map((t) => [t.where, t] as const))('%s fits', (_where, toast) => {
  const shown = literals(toast.title)
  expect(shown).not.toBeNull()
  const limit = toast.icon === 'none' ? TWO_LINES : ICON_LIMIT
  for (const text of shown ?? []) expect([...text].length).toBeLessThanOrEqual(limit)
  // A success / error / loading icon takes only a fixed literal: a catalogue message may be longer.
  if (toast.icon !== 'none') expect(toast.title.trim()).toMatch(/^'[^']*'$/)
})

test('every catalogue message fits a two-line toast', () => {
  for (const entry of Object.values(ERROR_CATALOGUE))
    expect([entry.code, [...entry.message].length <= TWO_LINES]).toEqual([entry.code, true])
})
