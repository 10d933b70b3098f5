/**
 * @jest-environment node
 *
 * The seams hold because the linter says so: small offending files, placed (virtually) across src, run
 * through the project's own ESLint config. Platform branches and wx/my belong in src/platform; raw Taro
 * network calls in src/api (and the socket in src/platform).
 */
import path from 'node:path'
import { ESLint } from 'eslint'

const repoRoot = path.resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: repoRoot })

const PLATFORM_SEAM = 'Platform branches and wx/my calls live in src/platform only.'
const TRANSPORT = 'Call the cloud through src/api (callApi, upload) or the stream port, not Taro directly.'

const platformOffences = {
  'process.env.TARO_ENV': "export const onWeapp = process.env.TARO_ENV === 'weapp'\n",
  "process.env['TARO_ENV']": "export const onAlipay = process.env['TARO_ENV'] === 'alipay'\n",
  'const { TARO_ENV } = process.env':
    'const { TARO_ENV } = process.env\nexport const platformName = TARO_ENV\n',
  'typeof wx': "export const inWechat = typeof wx !== 'undefined'\n",
  'typeof my': "export const inAlipay = typeof my !== 'undefined'\n",
  'wx.scanCode': 'export const scan = () => wx.scanCode({})\n',
  'my.tradePay': "export const pay = () => my.tradePay({ tradeNO: 'T1' })\n",
}

const transportOffences = {
  'Taro.request':
    "import Taro from '@tarojs/taro'\nexport const me = () => Taro.request({ url: '/v1/me' })\n",
  'Taro.uploadFile':
    "import Taro from '@tarojs/taro'\nexport const send = (filePath: string) => Taro.uploadFile({ url: '/v1/uploads', filePath, name: 'file' })\n",
  'Taro.connectSocket':
    "import Taro from '@tarojs/taro'\nexport const live = () => Taro.connectSocket({ url: 'wss://cloud.test/v1/stream' })\n",
  "import { request } from '@tarojs/taro'":
    "import { request } from '@tarojs/taro'\nexport const me = () => request({ url: '/v1/me' })\n",
}

/** The seam messages ESLint reports for `code` as if it were the file at `filePath`. */
async function seamErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) })
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-syntax' && m.severity === 2)
    .map((m) => m.message)
}

const outsideTheSeams = [
  'src/stores/offending.ts',
  'src/pages/offending/index.tsx',
  'src/packages/x/domain/offending.ts',
  'src/components/Offending/index.tsx',
]

describe('outside src/platform and src/api, the linter refuses', () => {
  describe.each(outsideTheSeams)('in %s', (filePath) => {
    test.each(Object.entries(platformOffences))('%s', async (_name, code) => {
      expect(await seamErrors(code, filePath)).toEqual([PLATFORM_SEAM])
    })
    test.each(Object.entries(transportOffences))('%s', async (_name, code) => {
      expect(await seamErrors(code, filePath)).toEqual([TRANSPORT])
    })
  })
})

describe('src/api may call Taro’s network, but may not branch on the platform', () => {
  test.each(Object.entries(transportOffences))('%s is allowed', async (_name, code) => {
    expect(await seamErrors(code, 'src/api/offending.ts')).toEqual([])
  })
  test.each(Object.entries(platformOffences))('%s is refused', async (_name, code) => {
    expect(await seamErrors(code, 'src/api/offending.ts')).toEqual([PLATFORM_SEAM])
  })
})

describe('src/platform is the seam', () => {
  test.each(Object.entries({ ...platformOffences, ...transportOffences }))(
    '%s is allowed',
    async (_name, code) => {
      expect(await seamErrors(code, 'src/platform/index.offending.ts')).toEqual([])
    },
  )
})

test('the build config outside src still reads process.env.TARO_ENV', async () => {
  expect(await seamErrors(platformOffences['process.env.TARO_ENV'], 'config/offending.ts')).toEqual([])
})

test('a test may look at Taro’s raw calls, but may not branch on the platform either', async () => {
  const filePath = 'src/stores/__tests__/offending.test.ts'
  expect(await seamErrors(transportOffences['Taro.request'], filePath)).toEqual([])
  expect(await seamErrors(platformOffences['typeof wx'], filePath)).toEqual([PLATFORM_SEAM])
})
