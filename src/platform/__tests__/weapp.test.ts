/**
 * The WeChat implementation against a stand-in `wx` that behaves as PLATFORMS.md says: callbacks,
 * '' for a missing storage key, errMsg strings on failure, app show with scene and referrerInfo.
 */
type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void }

function standInWx() {
  const store = new Map<string, string>()
  const showListeners = new Set<(o: unknown) => void>()
  const socket = {
    handlers: {} as Record<string, (arg: unknown) => void>,
    sent: [] as unknown[],
    onOpen(fn: () => void) {
      this.handlers.open = fn
    },
    onMessage(fn: (m: unknown) => void) {
      this.handlers.message = fn
    },
    onClose(fn: (r: unknown) => void) {
      this.handlers.close = fn
    },
    onError(fn: (e: unknown) => void) {
      this.handlers.error = fn
    },
    send(arg: unknown) {
      this.sent.push(arg)
    },
    close: jest.fn(),
  }
  const next: Record<string, (opts: Callbacks & Record<string, unknown>) => void> = {}
  const wx = {
    calls: [] as [string, unknown][],
    socket,
    next,
    store,
    showListeners,
    login: (o: Callbacks) => (next.login ?? ((x) => x.success?.({ code: 'wx-code-1' })))(o),
    scanCode: (o: Callbacks & Record<string, unknown>) => {
      wx.calls.push(['scanCode', { scanType: o.scanType }])
      next.scanCode!(o)
    },
    openBusinessView: (o: Callbacks & Record<string, unknown>) => {
      wx.calls.push(['openBusinessView', { businessType: o.businessType, extraData: o.extraData }])
      next.openBusinessView!(o)
    },
    requestPayment: (o: Callbacks & Record<string, unknown>) => {
      wx.calls.push(['requestPayment', o])
      next.requestPayment!(o)
    },
    privacyListeners: [] as ((resolve: (answer: unknown) => void) => void)[],
    onNeedPrivacyAuthorization: (fn: (resolve: (answer: unknown) => void) => void) =>
      wx.privacyListeners.push(fn),
    openPrivacyContract: (o: Callbacks) => {
      wx.calls.push(['openPrivacyContract', {}])
      ;(next.openPrivacyContract ?? ((x) => x.success?.({})))(o)
    },
    navigateToMiniProgram: (o: Callbacks & Record<string, unknown>) => {
      wx.calls.push(['navigateToMiniProgram', { appId: o.appId, path: o.path, extraData: o.extraData }])
      next.navigateToMiniProgram!(o)
    },
    connectSocket: (o: unknown) => {
      wx.calls.push(['connectSocket', o])
      return socket
    },
    getStorageSync: (key: string) => store.get(key) ?? '',
    setStorageSync: (key: string, value: string) => store.set(key, value),
    removeStorageSync: (key: string) => store.delete(key),
    onAppShow: (fn: (o: unknown) => void) => showListeners.add(fn),
    offAppShow: (fn: (o: unknown) => void) => showListeners.delete(fn),
    makePhoneCall: (o: unknown) => wx.calls.push(['makePhoneCall', o]),
    vibrateLong: (o: unknown) => wx.calls.push(['vibrateLong', o]),
    networkListeners: new Set<(res: unknown) => void>(),
    onNetworkStatusChange: (fn: (res: unknown) => void) => wx.networkListeners.add(fn),
    offNetworkStatusChange: (fn: (res: unknown) => void) => wx.networkListeners.delete(fn),
    canvasToTempFilePath: (o: Callbacks & Record<string, unknown>) => {
      wx.calls.push(['canvasToTempFilePath', { canvas: o.canvas, fileType: o.fileType }])
      ;(next.canvasToTempFilePath ?? ((x) => x.success?.({ tempFilePath: 'wxfile://tmp/qr.png' })))(o)
    },
    saveImageToPhotosAlbum: (o: Callbacks & Record<string, unknown>) => {
      wx.calls.push(['saveImageToPhotosAlbum', { filePath: o.filePath }])
      ;(next.saveImageToPhotosAlbum ?? ((x) => x.success?.({ errMsg: 'saveImageToPhotosAlbum:ok' })))(o)
    },
  }
  return wx
}

let wx: ReturnType<typeof standInWx>
let platform: (typeof import('../index.weapp'))['platform']

beforeEach(async () => {
  wx = standInWx()
  ;(globalThis as Record<string, unknown>).wx = wx
  platform = (await import('../index.weapp')).platform
})

test('login code comes from wx.login', async () => {
  await expect(platform.getLoginCode()).resolves.toBe('wx-code-1')
  wx.next.login = (o) => o.fail?.({ errMsg: 'login:fail' })
  await expect(platform.getLoginCode()).rejects.toThrow('login:fail')
})

describe('phone number button', () => {
  test('is the getPhoneNumber button and hands over the one-time code', () => {
    const got = jest.fn()
    const props = platform.phoneButtonProps(got)
    expect(props.openType).toBe('getPhoneNumber')
    props.onGetPhoneNumber!({ detail: { code: 'phone-code', errMsg: 'getPhoneNumber:ok' } })
    expect(got).toHaveBeenCalledWith({ ok: true, platform: 'weapp', code: 'phone-code' })
  })

  test('tells a refusal from an exhausted quota', () => {
    const got = jest.fn()
    const props = platform.phoneButtonProps(got)
    props.onGetPhoneNumber!({ detail: { errMsg: 'getPhoneNumber:fail user deny' } })
    props.onGetPhoneNumber!({ detail: { errMsg: 'getPhoneNumber:fail', errno: 1400001 } })
    props.onGetPhoneNumber!({
      detail: { errMsg: 'getPhoneNumber:fail privacy permission is not authorized' },
    })
    expect(got.mock.calls.map((c) => c[0].reason)).toEqual(['cancelled', 'quota', 'privacy'])
  })
})

test('a normal-link QR arrives as the encoded `q` and a mini-program code as `scene`', () => {
  expect(platform.getLaunchSource({ q: 'https%3A%2F%2Fqr.kaimengui.cn%2Fc%2FGZ0001A' })).toEqual({
    kind: 'wechatQ',
    q: 'https%3A%2F%2Fqr.kaimengui.cn%2Fc%2FGZ0001A',
  })
  expect(platform.getLaunchSource({ scene: 'd%3DGZ0001A' })).toEqual({
    kind: 'wechatScene',
    scene: 'd%3DGZ0001A',
  })
  expect(platform.getLaunchSource({})).toBeNull()
})

describe('app show', () => {
  test('the Pay Score return is recognised by scene 1038 and the Pay Score app id, even when it fires twice', () => {
    const seen: unknown[] = []
    const stop = platform.onAppShow((info) => seen.push(info))
    const payScoreReturn = {
      scene: 1038,
      query: {},
      referrerInfo: { appId: 'wxd8f3793ea3b935b8', extraData: { query_id: 'q1' } },
    }
    wx.showListeners.forEach((fn) => fn(payScoreReturn))
    wx.showListeners.forEach((fn) => fn(payScoreReturn))
    wx.showListeners.forEach((fn) => fn({ scene: 1001, query: {} }))
    expect(seen).toEqual([
      { source: null, mayBeCreditReturn: true },
      { source: null, mayBeCreditReturn: true },
      { source: null, mayBeCreditReturn: false },
    ])
    stop()
    expect(wx.showListeners.size).toBe(0)
  })

  test('a hot start from a cabinet QR carries the new source', () => {
    const seen: unknown[] = []
    platform.onAppShow((info) => seen.push(info))
    wx.showListeners.forEach((fn) =>
      fn({ scene: 1011, query: { q: 'https%3A%2F%2Fqr.kaimengui.cn%2Fc%2FGZ0002B' } }),
    )
    expect(seen[0]).toMatchObject({ source: { kind: 'wechatQ' }, mayBeCreditReturn: false })
  })
})

test.each([
  [{ errMsg: 'scanCode:fail cancel' }, 'cancelled'],
  [{ errMsg: 'scanCode:fail auth deny' }, 'denied'],
  [{ errMsg: 'scanCode:fail system error' }, 'failed'],
])('scan failure %p is %s', async (err, reason) => {
  wx.next.scanCode = (o) => o.fail?.(err)
  await expect(platform.scanCabinet()).resolves.toEqual({ ok: false, reason })
})

test('scan success hands back the raw text', async () => {
  wx.next.scanCode = (o) => o.success?.({ result: 'https://qr.kaimengui.cn/c/GZ0001A', scanType: 'QR_CODE' })
  await expect(platform.scanCabinet()).resolves.toEqual({
    ok: true,
    source: { kind: 'scan', text: 'https://qr.kaimengui.cn/c/GZ0001A' },
  })
  expect(wx.calls[0]![1]).toMatchObject({ scanType: ['qrCode', 'wxCode'] })
})

test('a mini-program code of this app hands over its scene, which the one parser judges', async () => {
  const { parseCabinetQr } = await import('@/domain/qr')
  wx.next.scanCode = (o) =>
    o.success?.({
      result: '',
      scanType: 'WX_CODE',
      path: 'pages/cabinet/index?scene=d%3DSM0002D%26door%3D2',
    })
  const scanned = await platform.scanCabinet()
  expect(scanned).toEqual({ ok: true, source: { kind: 'wechatScene', scene: 'd%3DSM0002D%26door%3D2' } })
  expect(scanned.ok && parseCabinetQr(scanned.source)).toEqual({ ok: true, deviceCode: 'SM0002D', doorNo: 2 })

  // A hostile scene gets the verdict any hostile QR gets.
  wx.next.scanCode = (o) =>
    o.success?.({ result: '', scanType: 'WX_CODE', path: 'pages/cabinet/index?scene=..%2F..%2Fadmin' })
  const hostile = await platform.scanCabinet()
  expect(hostile.ok && parseCabinetQr(hostile.source)).toMatchObject({ ok: false, code: 'QR_INVALID' })
})

describe('Pay Score authorization', () => {
  const use = {
    kind: 'wxpay_score_use' as const,
    businessType: 'wxpayScoreUse' as const,
    extraData: {
      mch_id: '1230000109',
      package: 'XXXXX',
      timestamp: '1530097563',
      nonce_str: 'zyx',
      sign_type: 'HMAC-SHA256' as const,
      sign: 'S',
    },
  }
  const enable = {
    kind: 'wxpay_score_enable' as const,
    businessType: 'wxpayScoreEnable' as const,
    extraData: { apply_permissions_token: 'tok' },
  }

  test.each([use, enable])(
    '$businessType opens the business view with the cloud extraData',
    async (payload) => {
      wx.next.openBusinessView = (o) => o.success?.({ extraData: { whatever: 'client says ok' } })
      await expect(platform.authorizeCredit(payload)).resolves.toEqual({ outcome: 'returned' })
      expect(wx.calls[0]).toEqual([
        'openBusinessView',
        { businessType: payload.businessType, extraData: payload.extraData },
      ])
    },
  )

  test('backing out is a cancel; other failures are failures', async () => {
    wx.next.openBusinessView = (o) => o.fail?.({ errMsg: 'openBusinessView:fail cancel' })
    await expect(platform.authorizeCredit(use)).resolves.toMatchObject({ outcome: 'cancelled' })
    wx.next.openBusinessView = (o) => o.fail?.({ errMsg: 'openBusinessView:fail invalid extraData' })
    await expect(platform.authorizeCredit(use)).resolves.toMatchObject({ outcome: 'failed' })
  })

  const contract = {
    kind: 'wxpay_contract' as const,
    appId: 'wxbd687630cd02ce1d' as const,
    path: 'pages/index/index' as const,
    extraData: {
      appid: 'wx1',
      mch_id: '1600000000',
      plan_id: '10001',
      contract_code: 'cra_0001',
      request_serial: '42',
      contract_display_account: '开门柜购物',
      notify_url: 'https://cloud.test/notify',
      timestamp: '1',
      sign: 'S',
    },
  }
  const back = (appId: string) => ({ scene: 1038, query: {}, referrerInfo: { appId, extraData: {} } })

  test('微信免密支付: off to WeChat’s signing mini-program with the cloud’s extraData; done when the shopper is back', async () => {
    wx.next.navigateToMiniProgram = (o) => o.success?.({ errMsg: 'navigateToMiniProgram:ok' })
    let settled = false
    const flow = platform.authorizeCredit(contract).then((r) => {
      settled = true
      return r
    })
    await Promise.resolve()
    expect(wx.calls[0]).toEqual([
      'navigateToMiniProgram',
      { appId: 'wxbd687630cd02ce1d', path: 'pages/index/index', extraData: contract.extraData },
    ])
    expect(settled).toBe(false)
    // The shopper signs (or not) in the other mini-program; WeChat brings them back with an app show.
    wx.showListeners.forEach((listen) => listen(back('wxbd687630cd02ce1d')))
    await expect(flow).resolves.toEqual({ outcome: 'returned', detail: 'wxbd687630cd02ce1d' })
    expect(wx.showListeners.size).toBe(0)
  })

  test('the return from the signing mini-program is an app show that may be a credit return', () => {
    const shows: unknown[] = []
    const off = platform.onAppShow((info) => shows.push(info))
    wx.showListeners.forEach((listen) => listen(back('wxbd687630cd02ce1d')))
    wx.showListeners.forEach((listen) => listen(back('wx_someone_else')))
    off()
    expect(shows).toEqual([
      { source: null, mayBeCreditReturn: true },
      { source: null, mayBeCreditReturn: false },
    ])
  })

  test('a signing mini-program that cannot be opened is a failure, a cancelled jump a cancel', async () => {
    wx.next.navigateToMiniProgram = (o) => o.fail?.({ errMsg: 'navigateToMiniProgram:fail cancel' })
    await expect(platform.authorizeCredit(contract)).resolves.toMatchObject({ outcome: 'cancelled' })
    wx.next.navigateToMiniProgram = (o) => o.fail?.({ errMsg: 'navigateToMiniProgram:fail appId invalid' })
    await expect(platform.authorizeCredit(contract)).resolves.toMatchObject({ outcome: 'failed' })
  })

  test('押金开门: the deposit is paid with requestPayment and the cloud’s payment parameters', async () => {
    const deposit = {
      kind: 'wxpay_deposit' as const,
      amountFen: 5000,
      payment: {
        kind: 'wxpay' as const,
        timeStamp: '9',
        nonceStr: 'n',
        package: 'prepay_id=dep',
        signType: 'RSA' as const,
        paySign: 'p',
      },
    }
    wx.next.requestPayment = (o) => o.success?.({})
    await expect(platform.authorizeCredit(deposit)).resolves.toEqual({ outcome: 'returned' })
    expect(wx.calls[0]![1]).toMatchObject({ timeStamp: '9', package: 'prepay_id=dep', paySign: 'p' })
    wx.next.requestPayment = (o) => o.fail?.({ errMsg: 'requestPayment:fail cancel' })
    await expect(platform.authorizeCredit(deposit)).resolves.toMatchObject({ outcome: 'cancelled' })
  })

  test('an Alipay payload is refused without calling WeChat', async () => {
    await expect(platform.authorizeCredit({ kind: 'alipay_sign', signStr: 's' })).resolves.toMatchObject({
      outcome: 'failed',
    })
    expect(wx.calls).toHaveLength(0)
  })
})

test('payment passes the cloud payload to requestPayment; cancel is a cancel', async () => {
  const payload = {
    kind: 'wxpay' as const,
    timeStamp: '1',
    nonceStr: 'n',
    package: 'prepay_id=1',
    signType: 'RSA' as const,
    paySign: 'p',
  }
  wx.next.requestPayment = (o) => o.success?.({})
  await expect(platform.pay(payload)).resolves.toEqual({ outcome: 'returned' })
  expect(wx.calls[0]![1]).toMatchObject({ timeStamp: '1', package: 'prepay_id=1', paySign: 'p' })
  wx.next.requestPayment = (o) => o.fail?.({ errMsg: 'requestPayment:fail cancel' })
  await expect(platform.pay(payload)).resolves.toMatchObject({ outcome: 'cancelled' })
})

test('the socket is a SocketTask whose events reach the handlers', async () => {
  const handlers = { onOpen: jest.fn(), onMessage: jest.fn(), onClose: jest.fn(), onError: jest.fn() }
  const conn = await platform.openSocket('ws://cloud.test/v1/stream', handlers)
  wx.socket.handlers.open!(undefined)
  wx.socket.handlers.message!({ data: '{"type":"pong"}' })
  wx.socket.handlers.close!({ code: 1006, reason: 'gone' })
  conn.send('{"type":"ping"}')
  expect(handlers.onOpen).toHaveBeenCalled()
  expect(handlers.onMessage).toHaveBeenCalledWith('{"type":"pong"}')
  expect(handlers.onClose).toHaveBeenCalledWith(1006, 'gone')
  expect(wx.socket.sent).toEqual([{ data: '{"type":"ping"}' }])
})

test("storage answers null for a missing key although wx answers ''", () => {
  expect(wx.getStorageSync('missing')).toBe('')
  expect(platform.storage.getItem('missing')).toBeNull()
  platform.storage.setItem('k', 'v')
  expect(platform.storage.getItem('k')).toBe('v')
  platform.storage.removeItem('k')
  expect(platform.storage.getItem('k')).toBeNull()
})

test('phone call and vibration use the WeChat calls', () => {
  platform.makePhoneCall('400-800-1234')
  platform.vibrate()
  expect(wx.calls).toEqual([
    ['makePhoneCall', { phoneNumber: '400-800-1234' }],
    ['vibrateLong', {}],
  ])
})

test('network changes come from wx.onNetworkStatusChange until unsubscribed', () => {
  const seen: boolean[] = []
  const stop = platform.onNetworkChange((online) => seen.push(online))
  wx.networkListeners.forEach((fn) => fn({ isConnected: false, networkType: 'none' }))
  wx.networkListeners.forEach((fn) => fn({ isConnected: true, networkType: 'wifi' }))
  stop()
  expect(wx.networkListeners.size).toBe(0)
  expect(seen).toEqual([false, true])
})
describe('saving a cabinet QR to the photo album', () => {
  const canvas = { width: 600, height: 720, id: 'qr-GZ0001A' }

  test('the Canvas 2D node becomes a temp PNG, and that file goes into the album', async () => {
    await expect(platform.saveImageToAlbum(canvas, 'GZ0001A.png')).resolves.toEqual({ ok: true })
    expect(wx.calls).toEqual([
      ['canvasToTempFilePath', { canvas, fileType: 'png' }],
      ['saveImageToPhotosAlbum', { filePath: 'wxfile://tmp/qr.png' }],
    ])
  })

  test.each([
    [{ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, 'denied'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail authorize no response' }, 'denied'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail cancel' }, 'cancelled'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail file not exists' }, 'failed'],
    // The privacy guide's consent refused: no settings switch exists for this, agreeing next time does.
    [{ errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized' }, 'privacy'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail api scope is not declared in the privacy agreement' }, 'privacy'],
  ])('an album refusal %p is %s', async (err, reason) => {
    wx.next.saveImageToPhotosAlbum = (o) => o.fail?.(err)
    await expect(platform.saveImageToAlbum(canvas, 'x.png')).resolves.toMatchObject({ ok: false, reason })
  })

  test('a canvas that cannot be exported fails without touching the album', async () => {
    wx.next.canvasToTempFilePath = (o) => o.fail?.({ errMsg: 'canvasToTempFilePath:fail canvas is empty' })
    await expect(platform.saveImageToAlbum(canvas, 'x.png')).resolves.toMatchObject({
      ok: false,
      reason: 'failed',
    })
    expect(wx.calls.map((c) => c[0])).toEqual(['canvasToTempFilePath'])
  })
})

export {}

describe('privacy (用户隐私保护指引)', () => {
  test('a protected call that needs consent reaches the app; its agree names the agree button', () => {
    const requests: { agree: (id: string) => void; disagree: () => void }[] = []
    const off = platform.onPrivacyRequest((request) => requests.push(request))
    const answers: unknown[] = []
    wx.privacyListeners.forEach((listen) => listen((answer) => answers.push(answer)))
    wx.privacyListeners.forEach((listen) => listen((answer) => answers.push(answer)))
    expect(requests).toHaveLength(2)
    requests[0]!.agree('privacy-agree')
    requests[1]!.disagree()
    expect(answers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }, { event: 'disagree' }])
    off()
    wx.privacyListeners.forEach((listen) => listen(() => undefined))
    expect(requests).toHaveLength(2)
  })

  test('the agree button is WeChat’s agreePrivacyAuthorization button, with its id', () => {
    const onAgree = jest.fn()
    const props = platform.privacyAgreeButtonProps('privacy-agree', onAgree)
    expect(props).toMatchObject({ id: 'privacy-agree', openType: 'agreePrivacyAuthorization' })
    props.onAgreePrivacyAuthorization!()
    expect(onAgree).toHaveBeenCalledTimes(1)
  })

  test('the guide opens with openPrivacyContract; a failure is reported, not thrown', async () => {
    await expect(platform.openPrivacyContract()).resolves.toBe(true)
    wx.next.openPrivacyContract = (o) => o.fail?.({ errMsg: 'openPrivacyContract:fail' })
    await expect(platform.openPrivacyContract()).resolves.toBe(false)
  })
})
