// eslint-config-taro for React + TypeScript, with the type-aware rules left to tsc.

// Platform branches and the mini-program globals live in src/platform only (Taro picks the variant file).
const PLATFORM_SEAM = 'Platform branches and wx/my calls live in src/platform only.'
const platformBans = [
  {
    selector:
      "MemberExpression[object.object.name='process'][object.property.name='env'][property.name='TARO_ENV']",
    message: PLATFORM_SEAM,
  },
  {
    selector:
      "MemberExpression[object.object.name='process'][object.property.name='env'][property.value='TARO_ENV']",
    message: PLATFORM_SEAM,
  },
  {
    selector:
      "VariableDeclarator[init.object.name='process'][init.property.name='env'] > ObjectPattern > Property[key.name='TARO_ENV']",
    message: PLATFORM_SEAM,
  },
  { selector: "UnaryExpression[operator='typeof'][argument.name=/^(wx|my)$/]", message: PLATFORM_SEAM },
  { selector: "MemberExpression[object.type='Identifier'][object.name=/^(wx|my)$/]", message: PLATFORM_SEAM },
  {
    selector: 'MemberExpression[object.name=/^(globalThis|window|global)$/][property.name=/^(wx|my)$/]',
    message: PLATFORM_SEAM,
  },
]

// Every HTTP call goes through src/api/transport (one envelope, the token, the idempotency key); the
// socket through the platform seam.
const TRANSPORT = 'Call the cloud through src/api (callApi, upload) or the stream port, not Taro directly.'
const transportBans = [
  {
    selector: "MemberExpression[object.name='Taro'][property.name=/^(request|uploadFile|connectSocket)$/]",
    message: TRANSPORT,
  },
  {
    selector:
      "ImportDeclaration[source.value='@tarojs/taro'] > ImportSpecifier[imported.name=/^(request|uploadFile|connectSocket)$/]",
    message: TRANSPORT,
  },
]

// Overrides replace a rule's whole options array, so each group of files gets every ban that applies to it.
const TESTS = ['src/**/__tests__/**', 'src/**/*.test.*']

module.exports = {
  root: true,
  extends: ['taro/react'],
  parser: '@typescript-eslint/parser',
  plugins: ['@typescript-eslint'],
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  env: { es2022: true },
  settings: { react: { version: '18.3' } },
  rules: {
    'react/jsx-uses-react': 'off',
    'react/react-in-jsx-scope': 'off',
    'no-unused-vars': 'off',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    'import/no-commonjs': 'off',
  },
  overrides: [
    {
      files: ['src/**'],
      excludedFiles: ['src/platform/**', 'src/api/**', ...TESTS],
      rules: { 'no-restricted-syntax': ['error', ...platformBans, ...transportBans] },
    },
    {
      // The transport itself, and tests, which may stand in for or look at Taro's raw calls.
      files: ['src/api/**', ...TESTS],
      excludedFiles: ['src/platform/**'],
      rules: { 'no-restricted-syntax': ['error', ...platformBans] },
    },
    {
      files: ['mock/**', 'scripts/**', 'e2e/**', 'config/**', '**/__tests__/**'],
      env: { node: true, jest: true },
    },
  ],
}
