import fs from 'node:fs'
import path from 'node:path'

/**
 * The keys Alipay documents for `window` in app.json, which a page json may also set (Alipay's 框架 →
 * 全局配置 app.json and 页面配置 pages). WeChat's `navigationBar*` and `backgroundTextStyle` are not
 * among them: Alipay ignores them, so a build that still carries them shows defaults instead.
 */
export const ALIPAY_WINDOW_KEYS = new Set([
  'defaultTitle',
  'pullRefresh',
  'allowsBounceVertical',
  'transparentTitle',
  'titlePenetrate',
  'showTitleLoading',
  'titleImage',
  'titleBarColor',
  'backgroundColor',
  'backgroundImageColor',
  'backgroundImageUrl',
  'gestureBack',
  'enableScrollBar',
  'onReachBottomDistance',
  'responsive',
  'navigationBarFrontColor',
])

/** What a page json may hold besides the window keys. */
export const ALIPAY_PAGE_ONLY_KEYS = new Set(['optionMenu', 'barButtonTheme', 'usingComponents'])

/** Alipay app.json's own top-level keys (the ones a Taro build can write). */
export const ALIPAY_APP_KEYS = new Set([
  'pages',
  'window',
  'tabBar',
  'subPackages',
  'preloadRule',
  'plugins',
  'usingComponents',
])

/** WeChat window keys and the Alipay keys Taro turns them into; the values must come through unchanged. */
export const WECHAT_TO_ALIPAY: [string, string][] = [
  ['navigationBarTitleText', 'defaultTitle'],
  ['navigationBarBackgroundColor', 'titleBarColor'],
  ['enablePullDownRefresh', 'pullRefresh'],
]

export type Json = Record<string, unknown>

export function readJson(file: string): Json | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Json
  } catch {
    return undefined
  }
}

/** Keys of `object` that are not in any of `allowed`. */
export function unknownKeys(object: Json | undefined, ...allowed: Set<string>[]): string[] {
  return Object.keys(object ?? {}).filter((key) => !allowed.some((set) => set.has(key)))
}

/** Where a WeChat key and its Alipay counterpart disagree (one set without the other, or another value). */
export function mismatches(wechat: Json | undefined, alipay: Json | undefined): string[] {
  return WECHAT_TO_ALIPAY.filter(([w, a]) => JSON.stringify(wechat?.[w]) !== JSON.stringify(alipay?.[a])).map(
    ([w, a]) => `${w} ${JSON.stringify(wechat?.[w])} ≠ ${a} ${JSON.stringify(alipay?.[a])}`,
  )
}

export function pageJson(dist: string, page: string): Json | undefined {
  return readJson(path.join(dist, `${page}.json`))
}
