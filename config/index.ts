import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { requireWithEsbuild } from '@tarojs/helper'
import devConfig from './dev'
import prodConfig from './prod'

const target = process.env.TARO_ENV ?? 'h5'

// The design tokens live with the app (src/theme/tokens.ts); Taro compiles only this folder for the config,
// so the tokens file is bundled on its own to be read here.
const { tokenScss } = requireWithEsbuild(path.resolve(__dirname, '..', 'src', 'theme', 'tokens.ts')) as {
  tokenScss: () => string
}

// The cloud's base URL is fixed at build time. The H5 build is served by the emulator server itself, so
// it calls its own origin; the mini-programs (DevTools, phones on the LAN) call the emulator by address.
const sameOriginH5 = target === 'h5' && process.env.NODE_ENV === 'production'
const apiBase = process.env.CABINET_API_BASE ?? (sameOriginH5 ? '' : 'http://127.0.0.1:8787')
const streamUrl =
  process.env.CABINET_STREAM_URL ??
  (apiBase === '' ? '/v1/stream' : apiBase.replace(/^http/, 'ws') + '/v1/stream')
// Which QR hosts the app accepts; a comma-separated list so a merchant can print on its own domain.
const qrHosts = process.env.CABINET_QR_HOSTS ?? 'qr.kaimengui.cn,q.kaimengui.cn'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'cabinet-miniapp',
    date: '2026-11-29',
    designWidth(input) {
      // NutUI is drawn at 375; our own styles at 750.
      const file = (input as { file?: string } | undefined)?.file ?? ''
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    plugins: [path.resolve(__dirname, 'plugins', 'platform-configs.ts')],
    defineConstants: {
      'process.env.CABINET_API_BASE': JSON.stringify(apiBase),
      'process.env.CABINET_STREAM_URL': JSON.stringify(streamUrl),
      'process.env.CABINET_QR_HOSTS': JSON.stringify(qrHosts),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    // The design tokens reach every stylesheet as two mixins that app.scss includes (src/theme/tokens.ts),
    // and the shared shapes (card, stack, spread, heading) as mixins any stylesheet may include.
    sass: { resource: [path.resolve(__dirname, '..', 'src', 'theme', 'mixins.scss')], data: tokenScss() },
    // WeChat's search-crawler rules (app.config.weapp.ts points at them); the other platforms have none.
    copy: {
      patterns: target === 'weapp' ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/app/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
