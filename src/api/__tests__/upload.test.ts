import { configureTransport, type RawUpload } from '../transport'
import { uploadFile } from '../upload'

/**
 * The photo upload against stand-ins for Taro.uploadFile in each platform's shape. The upload goes the
 * same way as every JSON call, so what matters here is what differs: the multipart request (field, file
 * type, no JSON Content-Type), the body arriving as text, progress, and each platform's failure shape.
 */
type Answer = (raw: RawUpload, progress: (percent: number) => void) => Promise<unknown>

const UPLOADED = { uploadId: 'up_0001', url: 'http://cloud.test/assets/uploads/up_0001.jpg' }
const TOO_LARGE = { code: 'UPLOAD_TOO_LARGE', message: '图片不能超过5MB' }

// WeChat resolves for every HTTP status, with the body as a string.
const wechat = (statusCode: number, body: unknown) => async () => ({
  errMsg: 'uploadFile:ok',
  statusCode,
  data: JSON.stringify(body),
})
const wechatFail = (errMsg: string) => async () => {
  throw { errMsg }
}
// Alipay resolves with statusCode, data (text) and header; a transfer that breaks fails with a numeric code.
const alipay = (statusCode: number, body: unknown) => async () => ({
  statusCode,
  data: JSON.stringify(body),
  header: { 'content-type': 'application/json' },
})
const alipayFail = (error: number, errorMessage: string) => async () => {
  throw { error, errorMessage }
}
// H5: Taro's XHR upload resolves with the response text; onerror and its own timer reject with errMsg.
const h5 = (statusCode: number, body: unknown) => async () => ({
  errMsg: 'uploadFile:ok',
  statusCode,
  data: JSON.stringify(body),
})

let token: string | null
let relogins: number
let sent: RawUpload[]

function setup(answers: Answer[]) {
  sent = []
  relogins = 0
  configureTransport({
    baseUrl: 'http://cloud.test',
    getToken: () => token,
    relogin: async () => {
      relogins++
      token = 'fresh-token'
      return token
    },
    sendUpload: async (raw, progress) => {
      sent.push(raw)
      const next = answers.shift()
      if (!next) throw new Error('no scripted answer left')
      return next(raw, progress)
    },
    defaultTimeoutMs: 1000,
  })
}

beforeEach(() => {
  token = 'valid-token'
})

const send = (onProgress?: (p: number) => void) =>
  uploadFile('wxfile://tmp/photo.jpg', { idempotencyKey: 'up-photo-1', onProgress })

test('the request: the contract’s multipart field, a picture, the token, a request id and the idempotency key', async () => {
  setup([wechat(201, UPLOADED)])
  await send()
  expect(sent).toEqual([
    {
      url: 'http://cloud.test/v1/uploads',
      filePath: 'wxfile://tmp/photo.jpg',
      name: 'file',
      fileType: 'image',
      timeout: 60_000,
      header: {
        Authorization: 'Bearer valid-token',
        'X-Request-Id': expect.stringMatching(/^req-/),
        'Idempotency-Key': 'up-photo-1',
      },
    },
  ])
  // The platform writes the multipart boundary; a JSON Content-Type would break the body.
  expect(Object.keys(sent[0]!.header)).not.toContain('Content-Type')
})

describe.each([
  ['WeChat', wechat],
  ['Alipay', alipay],
  ['H5', h5],
])('%s', (_name, shape) => {
  test('a 201 with the body as text is the stored upload', async () => {
    setup([shape(201, UPLOADED)])
    await expect(send()).resolves.toMatchObject({ ok: true, status: 201, data: UPLOADED })
  })

  test('a 413 is the catalogue’s 图片太大 with its next step', async () => {
    setup([shape(413, TOO_LARGE)])
    const result = await send()
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'UPLOAD_TOO_LARGE', status: 413, message: '图片太大' })
      expect(result.error.hint).toMatch(/5MB/)
    }
  })
})

test.each([
  ['WeChat network', 'NETWORK', wechatFail('uploadFile:fail net::ERR_INTERNET_DISCONNECTED')],
  ['WeChat timeout', 'TIMEOUT', wechatFail('uploadFile:fail timeout')],
  ['Alipay transfer failure', 'NETWORK', alipayFail(12, '上传失败')],
  ['Alipay timeout', 'TIMEOUT', alipayFail(13, '网络超时')],
  ['H5 XHR error', 'NETWORK', wechatFail('uploadFile:fail undefined')],
  ['H5 own timer', 'TIMEOUT', wechatFail('uploadFile:fail timeout')],
])('%s becomes %s', async (_name, code, answer) => {
  setup([answer])
  const result = await send()
  expect(result.ok ? null : result.error.code).toBe(code)
})

test('progress is reported in whole percent, never outside 0–100', async () => {
  setup([
    async (_raw, progress) => {
      for (const p of [0, 33.4, 66.6, 100, 130, NaN]) progress(p)
      return { statusCode: 201, data: JSON.stringify(UPLOADED) }
    },
  ])
  const seen: number[] = []
  await send((p) => seen.push(p))
  expect(seen).toEqual([0, 33, 67, 100, 100])
})

test('a 401 logs in again once and sends the same photo with the same key', async () => {
  setup([wechat(401, { code: 'AUTH_REQUIRED', message: 'x' }), wechat(201, UPLOADED)])
  await expect(send()).resolves.toMatchObject({ ok: true })
  expect(relogins).toBe(1)
  expect(sent.map((s) => [s.header.Authorization, s.header['Idempotency-Key']])).toEqual([
    ['Bearer valid-token', 'up-photo-1'],
    ['Bearer fresh-token', 'up-photo-1'],
  ])
})
