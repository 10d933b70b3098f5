/**
 * Opening a cabinet from a launch source: only a code that passed the strict parser reaches the cloud.
 */
import { configureTransport } from '@/api/transport'
import { platform } from '@/platform'
import { createAppStore } from '../createAppStore'
import { fakePorts } from './helpers/fakeStream'

const landing = {
  device: { code: 'GZ0001A', name: '一号柜' },
  gate: { mayOpen: true, reasons: [], credit: null },
}

function setup() {
  const sent: string[] = []
  const store = createAppStore(platform.storage, fakePorts())
  store.setState({ token: 'valid' })
  configureTransport({
    baseUrl: 'http://cloud.test',
    getToken: () => store.getState().token,
    relogin: async () => null,
    send: async (raw) => {
      sent.push(raw.url)
      return raw.url.includes('/landing') ? { statusCode: 200, data: landing } : { statusCode: 404, data: {} }
    },
  })
  return { store, sent }
}

const QR = 'https://qr.kaimengui.cn/c/GZ0001A'

test('a WeChat launch with the encoded QR loads that cabinet in one request', async () => {
  const { store, sent } = setup()
  await store.getState().openCabinetFrom({ kind: 'wechatQ', q: encodeURIComponent(QR) })
  expect(sent).toEqual(['http://cloud.test/v1/devices/GZ0001A/landing'])
  expect(store.getState().cabinet).toMatchObject({ status: 'ready', deviceCode: 'GZ0001A', landing })
})

test.each([
  [
    'a lookalike host',
    { kind: 'wechatQ' as const, q: encodeURIComponent('https://qr.kaimengui.cn.evil.com/c/GZ0001A') },
  ],
  ['path traversal', { kind: 'scan' as const, text: 'https://qr.kaimengui.cn/c/../admin' }],
  ['script', { kind: 'scan' as const, text: 'javascript:alert(1)' }],
  ['an injected code', { kind: 'alipayQrCode' as const, qrCode: "https://qr.kaimengui.cn/c/GZ0001A'--" }],
  ['nothing at all', null],
])('%s shows the QR error and never calls the cloud', async (_label, source) => {
  const { store, sent } = setup()
  await store.getState().openCabinetFrom(source)
  expect(sent).toEqual([])
  expect(store.getState().cabinet.status).toBe('error')
  expect(store.getState().cabinet.error?.code).toBe('QR_INVALID')
  expect(store.getState().cabinet.error?.message).toMatch(/二维码/)
})

test('a hot start with the cabinet already on screen does not reload it', async () => {
  const { store, sent } = setup()
  await store.getState().openCabinetFrom({ kind: 'scan', text: QR })
  const again = await store.getState().openCabinetFromAppShow({
    source: { kind: 'wechatQ', q: encodeURIComponent(QR) },
    mayBeCreditReturn: false,
  })
  expect(again).toBe(false)
  expect(sent).toHaveLength(1)
})

test('a hot start from another cabinet opens that one', async () => {
  const { store } = setup()
  await store.getState().openCabinetFrom({ kind: 'scan', text: QR })
  const changed = await store.getState().openCabinetFromAppShow({
    source: { kind: 'alipayQrCode', qrCode: 'https://qr.kaimengui.cn/c/GZ0002B' },
    mayBeCreditReturn: true,
  })
  expect(changed).toBe(true)
  expect(store.getState().cabinet.deviceCode).toBe('GZ0002B')
})
