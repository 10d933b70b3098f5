import type { IPluginContext } from '@tarojs/service'

/**
 * App and page configs are written in WeChat's keys, as Taro expects. For Alipay, Taro's own plugin renames
 * what Alipay also has (navigationBarTitleText → defaultTitle, navigationBarBackgroundColor → titleBarColor,
 * enablePullDownRefresh → pullRefresh); this drops what Alipay has no key for, so its app.json and page
 * jsons hold Alipay's keys only (scripts/check-output.ts checks them against Alipay's documented list).
 */
const WECHAT_ONLY_WINDOW_KEYS = ['navigationBarTextStyle', 'backgroundTextStyle']
const WECHAT_ONLY_APP_KEYS = [
  'lazyCodeLoading',
  '__usePrivacyCheck__',
  'requiredPrivateInfos',
  'sitemapLocation',
]

type Json = Record<string, unknown>

function drop(object: unknown, keys: string[]): void {
  if (!object || typeof object !== 'object') return
  for (const key of keys) delete (object as Json)[key]
}

export default (ctx: IPluginContext): void => {
  if (process.env.TARO_ENV !== 'alipay') return
  ctx.modifyMiniConfigs(({ configMap }) => {
    for (const file of Object.values(configMap)) {
      const content = file.content as Json | undefined
      if (!content) continue
      if (Array.isArray(content.pages)) {
        drop(content, WECHAT_ONLY_APP_KEYS)
        drop(content.window, WECHAT_ONLY_WINDOW_KEYS)
      } else {
        drop(content, WECHAT_ONLY_WINDOW_KEYS)
      }
    }
  })
}
