// eslint-config-taro for React + TypeScript, with the type-aware rules left to tsc.
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
    'no-restricted-properties': [
      'error',
      { object: 'process', property: 'TARO_ENV', message: 'Platform branches live in src/platform only.' },
    ],
  },
  overrides: [
    {
      files: ['src/platform/**'],
      rules: { 'no-restricted-properties': 'off' },
    },
    {
      files: ['src/pages/**', 'src/components/**', 'src/packages/**'],
      rules: {
        'no-restricted-syntax': [
          'error',
          {
            selector: "MemberExpression[object.name='Taro'][property.name='request']",
            message: 'Pages call store actions; HTTP goes through src/api/transport.',
          },
        ],
      },
    },
    {
      files: ['mock/**', 'scripts/**', 'e2e/**', 'config/**', '**/__tests__/**'],
      env: { node: true, jest: true },
    },
  ],
}
