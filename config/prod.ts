import type { UserConfigExport } from '@tarojs/cli'

export default {
  // Taro's default quote_keys breaks private class members in untranspiled dependencies (msw's).
  terser: { enable: true, config: { output: { quote_keys: false } } },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
