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
    ['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: isTest ? false : 'usage' }],
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
