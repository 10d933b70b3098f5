// Shanghai time in every worker (workers inherit the environment of this process).
process.env.TZ = 'Asia/Shanghai'

// Jest runs the app's code against Taro's H5 runtime and the emulator through msw in Node.
const esmPackages = [
  '@tarojs',
  '@nutui',
  '@stencil',
  'lodash-es',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'rettime',
  'until-async',
  '@open-draft',
  'tslib',
  'swiper',
  'style-inject',
  '\\.pnpm',
]

module.exports = {
  testEnvironment: 'jest-fixed-jsdom',
  roots: ['<rootDir>/src', '<rootDir>/mock', '<rootDir>/scripts', '<rootDir>/conformance'],
  testMatch: ['**/__tests__/**/*.test.[jt]s?(x)', '**/*.test.[jt]s?(x)'],
  transform: { '^.+\\.(m?js|jsx|tsx?)$': ['babel-jest', { configFile: './babel.config.js' }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@tarojs/taro$': '@tarojs/plugin-platform-h5/dist/runtime/apis',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.(css|scss|less)$': '<rootDir>/scripts/jest/style-stub.js',
  },
  setupFiles: ['<rootDir>/scripts/jest/globals.js'],
  setupFilesAfterEnv: ['<rootDir>/scripts/jest/setup.ts'],
  globals: { DEPRECATED_ADAPTER_COMPONENT: false },
  maxWorkers: 2,
  // Integration tests run the emulator in real time; a loaded two-core machine needs the headroom.
  testTimeout: 30_000,
}
