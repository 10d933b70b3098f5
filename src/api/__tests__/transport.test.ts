import { configureTransport, request } from '../transport'

type Sent = { url: string; method: string; header: Record<string, string>; data?: unknown }

/** A stand-in for Taro.request that answers from a script, in the shape of one platform. */
function scripted(answers: ((req: Sent) => Promise<unknown>)[]) {
  const sent: Sent[] = []
  const send = jest.fn(async (req: Sent) => {
    sent.push(req)
    const next = answers.shift()
    if (!next) throw new Error('no scripted answer left')
    return next(req)
  })
  return { send, sent }
}

// WeChat: resolves with any status.
const wechat = (statusCode: number, data: unknown) => async () => ({
  statusCode,
  data,
  header: { 'X-Test': '1' },
})
// Alipay through Taro: resolves on 2xx with statusCode, rejects otherwise with status and a string body.
const alipayOk = (data: unknown) => async () => ({ statusCode: 200, data, header: {} })
const alipayHttpError = (status: number, data: unknown) => async () => {
  throw { error: 19, errorMessage: 'http status error', status, data: JSON.stringify(data), headers: {} }
}
const alipayOfflineResolve = () => async () => ({ statusCode: undefined, data: undefined })
const alipayTimeout = () => async () => {
  throw { error: 13, errorMessage: '网络超时' }
}
// H5: fetch-based, resolves with any status, rejects with TypeError / AbortError.
const h5NetworkDown = () => async () => {
  throw Object.assign(new TypeError('Failed to fetch'), { statusCode: undefined })
}
const h5Abort = () => async () => {
  throw Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' })
}
const wechatFail = (errMsg: string) => async () => {
  throw { errMsg }
}

let token: string | null
let relogins: number

function setup(answers: ((req: Sent) => Promise<unknown>)[], reloginToken: string | null = 'fresh-token') {
  const script = scripted(answers)
  relogins = 0
  configureTransport({
    baseUrl: 'http://cloud.test/',
    send: script.send as never,
    getToken: () => token,
    relogin: async () => {
      relogins++
      await new Promise((r) => setTimeout(r, 5))
      token = reloginToken
      return reloginToken
    },
    defaultTimeoutMs: 1000,
  })
  return script
}

beforeEach(() => {
  token = 'valid-token'
})

describe('one normalized result for every platform shape', () => {
  test('a WeChat 200 resolves with the body', async () => {
    setup([wechat(200, { name: '一号柜' })])
    await expect(request({ method: 'GET', path: '/v1/me' })).resolves.toMatchObject({
      ok: true,
      data: { name: '一号柜' },
      status: 200,
    })
  })

  test('a WeChat 404 (resolved) becomes the catalogue error the body names', async () => {
    setup([wechat(404, { code: 'DEVICE_NOT_FOUND', message: 'x' })])
    const result = await request({ method: 'GET', path: '/v1/devices/X/landing' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('DEVICE_NOT_FOUND')
      expect(result.error.status).toBe(404)
      expect(result.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  test('an Alipay non-2xx (rejected, string body) becomes the same error as on WeChat', async () => {
    setup([
      alipayHttpError(422, { code: 'VALIDATION_FAILED', message: 'bad', fields: { amountFen: '金额无效' } }),
    ])
    const result = await request({ method: 'POST', path: '/v1/merchant/withdrawals', body: {} })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', status: 422 } })
    if (!result.ok) expect(result.error.fields).toEqual({ amountFen: '金额无效' })
  })

  test('an Alipay 2xx resolves with the body', async () => {
    setup([alipayOk({ ok: 1 })])
    await expect(request({ method: 'GET', path: '/v1/me' })).resolves.toMatchObject({
      ok: true,
      data: { ok: 1 },
    })
  })

  test('Alipay resolving without a status (offline) is a network error, not a success', async () => {
    setup([alipayOfflineResolve()])
    await expect(request({ method: 'GET', path: '/v1/me' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'NETWORK' },
    })
  })

  test.each([
    ['Alipay error 13', alipayTimeout()],
    ['WeChat request:fail timeout', wechatFail('request:fail timeout')],
    ['H5 AbortError', h5Abort()],
  ])('%s is a timeout', async (_label, answer) => {
    setup([answer])
    await expect(request({ method: 'GET', path: '/v1/me' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT' },
    })
  })

  test.each([
    ['H5 fetch TypeError', h5NetworkDown()],
    ['WeChat request:fail', wechatFail('request:fail ')],
    ['WeChat interrupted in the background', wechatFail('request:fail interrupted')],
  ])('%s is a network error', async (_label, answer) => {
    setup([answer])
    await expect(request({ method: 'GET', path: '/v1/me' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'NETWORK' },
    })
  })

  test('a 5xx without a catalogue body is a server error; an unknown code is not trusted', async () => {
    setup([wechat(502, '<html>bad gateway</html>'), wechat(400, { code: 'SOMETHING_NEW' })])
    const first = await request({ method: 'GET', path: '/v1/me' })
    const second = await request({ method: 'GET', path: '/v1/me' })
    expect(first).toMatchObject({ ok: false, error: { code: 'SERVER_ERROR' } })
    expect(second).toMatchObject({ ok: false, error: { code: 'RESPONSE_INVALID' } })
  })

  test('a 2xx whose body is not JSON is a broken response', async () => {
    setup([wechat(200, 'not json')])
    await expect(request({ method: 'GET', path: '/v1/me' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'RESPONSE_INVALID' },
    })
  })

  test('a platform that never answers still ends in a timeout', async () => {
    setup([() => new Promise(() => undefined)])
    await expect(request({ method: 'GET', path: '/v1/me', timeoutMs: 10 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT' },
    })
  })
})

describe('headers', () => {
  test('every call carries a request id and the bearer token; unsafe calls an idempotency key', async () => {
    const { sent } = setup([wechat(200, {}), wechat(200, {})])
    await request({ method: 'GET', path: '/v1/me', query: { a: 1, b: undefined, c: '二' } })
    await request({ method: 'POST', path: '/v1/door-sessions', body: { intentId: 'i1' } })
    expect(sent[0]!.url).toBe('http://cloud.test/v1/me?a=1&c=%E4%BA%8C')
    expect(sent[0]!.header['X-Request-Id']).toMatch(/^req-/)
    expect(sent[0]!.header.Authorization).toBe('Bearer valid-token')
    expect(sent[0]!.header['Idempotency-Key']).toBeUndefined()
    expect(sent[1]!.header['Idempotency-Key']).toMatch(/^idem-/)
    expect(sent[1]!.header['X-Request-Id']).not.toBe(sent[0]!.header['X-Request-Id'])
  })

  test('a caller-given idempotency key is sent as is, so a retry lands on the same effect', async () => {
    const { sent } = setup([wechatFail('request:fail timeout'), wechat(201, { id: 's1' })])
    await request({ method: 'POST', path: '/v1/door-sessions', idempotencyKey: 'open-i1' })
    await request({ method: 'POST', path: '/v1/door-sessions', idempotencyKey: 'open-i1' })
    expect(sent.map((s) => s.header['Idempotency-Key'])).toEqual(['open-i1', 'open-i1'])
  })

  test('auth none sends no token', async () => {
    const { sent } = setup([wechat(200, {})])
    await request({ method: 'POST', path: '/v1/auth/login', auth: 'none' })
    expect(sent[0]!.header.Authorization).toBeUndefined()
  })
})

describe('silent re-login', () => {
  test('a call that needs auth and has no token logs in first', async () => {
    token = null
    const { sent } = setup([wechat(200, { id: 'u1' })])
    await expect(request({ method: 'GET', path: '/v1/me' })).resolves.toMatchObject({ ok: true })
    expect(relogins).toBe(1)
    expect(sent[0]!.header.Authorization).toBe('Bearer fresh-token')
  })

  test('a 401 re-logs in once and replays once with the new token and the same idempotency key', async () => {
    const { sent } = setup([wechat(401, { code: 'AUTH_REQUIRED' }), wechat(200, { id: 's1' })])
    const result = await request({ method: 'POST', path: '/v1/door-sessions', body: { intentId: 'i' } })
    expect(result).toMatchObject({ ok: true, data: { id: 's1' } })
    expect(relogins).toBe(1)
    expect(sent).toHaveLength(2)
    expect(sent[1]!.header.Authorization).toBe('Bearer fresh-token')
    expect(sent[1]!.header['Idempotency-Key']).toBe(sent[0]!.header['Idempotency-Key'])
  })

  test('a second 401 after the replay is reported, not looped on', async () => {
    const { sent } = setup([
      wechat(401, { code: 'AUTH_REQUIRED' }),
      alipayHttpError(401, { code: 'AUTH_REQUIRED' }),
    ])
    const result = await request({ method: 'GET', path: '/v1/me' })
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
    expect(sent).toHaveLength(2)
    expect(relogins).toBe(1)
  })

  test('concurrent 401s share one re-login (single flight)', async () => {
    setup([
      wechat(401, { code: 'AUTH_REQUIRED' }),
      wechat(401, { code: 'AUTH_REQUIRED' }),
      wechat(401, { code: 'AUTH_REQUIRED' }),
      wechat(200, {}),
      wechat(200, {}),
      wechat(200, {}),
    ])
    const results = await Promise.all([1, 2, 3].map(() => request({ method: 'GET', path: '/v1/me' })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(relogins).toBe(1)
  })

  test('when re-login is impossible the 401 is reported without a replay', async () => {
    const { sent } = setup([wechat(401, { code: 'AUTH_REQUIRED' })], null)
    await expect(request({ method: 'GET', path: '/v1/me' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    })
    expect(sent).toHaveLength(1)
  })
})

describe('the cloud’s clock', () => {
  test('an answer carries the cloud’s time from its Date header, whatever the phone’s clock says', async () => {
    setup([async () => ({ statusCode: 200, data: {}, header: { Date: 'Fri, 20 Nov 2026 04:00:00 GMT' } })])
    const result = await request({ method: 'GET', path: '/v1/me' })
    expect(result.ok && result.serverTime).toBe(Date.parse('2026-11-20T12:00:00+08:00'))
  })

  test('no or a broken Date header leaves it out', async () => {
    setup([wechat(200, {}), async () => ({ statusCode: 200, data: {}, header: { date: 'soon' } })])
    expect(await request({ method: 'GET', path: '/v1/me' })).not.toHaveProperty('serverTime')
    expect(await request({ method: 'GET', path: '/v1/me' })).not.toHaveProperty('serverTime')
  })
})
