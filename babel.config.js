// babel-preset-taro for the builds; jest reuses this file with a few test-only plugins.
const isTest = process.env.NODE_ENV === 'test'

const nutuiImport = [
  'import',
  {
    libraryName: '@nutui/nutui-react-taro',
    libraryDirectory: 'dist/es/packages',
    camel2DashComponentName: false,
    customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
    customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
  },
  'nutui-react-taro',
]

module.exports = {
  presets: [
    // Polyfills only for H5: in the mini-programs core-js's global lookup is rewritten to Taro's runtime and
    // forms a load cycle that breaks Taro's own helpers (`r(...) is not a function` at startup).
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: !isTest && process.env.TARO_ENV === 'h5' ? 'usage' : false,
      },
    ],
  ],
  plugins: isTest
    ? [
        '@babel/plugin-transform-private-methods',
        [
          'transform-taroapi',
          {
            packageName: '@tarojs/taro',
            definition: require('@tarojs/plugin-platform-h5/dist/definition.json'),
          },
        ],
      ]
    : [nutuiImport],
}
