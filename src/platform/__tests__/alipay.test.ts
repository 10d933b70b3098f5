/**
 * The Alipay implementation against a stand-in `my` that behaves as PLATFORMS.md says: the QR text only in
 * the app's launch/show options, global single-instance socket functions, numeric result codes, and
 * `{ data }` from getStorageSync.
 */
type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void }

let connectFails = false

function standInMy() {
  const store = new Map<string, string>()
  const listeners: Record<string, Set<(arg: unknown) => void>> = {}
  const on = (name: string) => (fn: (arg: unknown) => void) => (listeners[name] ??= new Set()).add(fn)
  const off = (name: string) => (fn: (arg: unknown) => void) => listeners[name]?.delete(fn)
  const emit = (name: string, arg?: unknown) => listeners[name]?.forEach((fn) => fn(arg))
  const next: Record<string, (opts: Callbacks & Record<string, unknown>) => void> = {}
  const calls: [string, unknown][] = []
  const record = (name: string) => (o: Callbacks & Record<string, unknown>) => {
    calls.push([name, o])
    next[name]?.(o)
  }
  return {
    calls,
    next,
    emit,
    listeners,
    launchQuery: {} as Record<string, unknown>,
    getAuthCode: record('getAuthCode'),
    getPhoneNumber: record('getPhoneNumber'),
    getLaunchOptionsSync() {
      return { query: this.launchQuery, scene: 1011 }
    },
    onAppShow: on('appShow'),
    offAppShow: off('appShow'),
    scan: record('scan'),
    paySignCenter: record('paySignCenter'),
    tradePay: record('tradePay'),
    connectSocket: (o: { url: string; success?: () => void; fail?: (e: unknown) => void }) => {
      calls.push(['connectSocket', { url: o.url }])
      if (connectFails) o.fail?.({ error: 3, errorMessage: '创建socket失败' })
      else o.success?.()
    },
    sendSocketMessage: (o: unknown) => calls.push(['sendSocketMessage', o]),
    closeSocket: () => calls.push(['closeSocket', undefined]),
    onSocketOpen: on('socketOpen'),
    onSocketMessage: on('socketMessage'),
    onSocketClose: on('socketClose'),
    onSocketError: on('socketError'),
    offSocketOpen: off('socketOpen'),
    offSocketMessage: off('socketMessage'),
    offSocketClose: off('socketClose'),
    offSocketError: off('socketError'),
    getStorageSync: ({ key }: { key: string }) => ({ data: store.has(key) ? store.get(key) : null }),
    setStorageSync: ({ key, data }: { key: string; data: string }) => store.set(key, data),
    removeStorageSync: ({ key }: { key: string }) => store.delete(key),
    makePhoneCall: (o: unknown) => calls.push(['makePhoneCall', o]),
    vibrateLong: (o: unknown) => calls.push(['vibrateLong', o]),
    onNetworkStatusChange: on('network'),
    offNetworkStatusChange: off('network'),
    saveImageToPhotosAlbum: record('saveImageToPhotosAlbum') as
      | ((o: Callbacks & Record<string, unknown>) => void)
      | undefined,
    saveImage: record('saveImage'),
  }
}

let my: ReturnType<typeof standInMy>
let platform: (typeof import('../index.alipay'))['platform']

beforeEach(async () => {
  my = standInMy()
  ;(globalThis as Record<string, unknown>).my = my
  platform = (await import('../index.alipay')).platform
})

test('login code is an auth_base authCode', async () => {
  my.next.getAuthCode = (o) => o.success?.({ authCode: 'ali-auth-1' })
  await expect(platform.getLoginCode()).resolves.toBe('ali-auth-1')
  expect(my.calls[0]![1]).toMatchObject({ scopes: 'auth_base' })
})

test('phone binding is the getAuthorize button, then my.getPhoneNumber for the encrypted response', () => {
  my.next.getPhoneNumber = (o) => o.success?.({ response: 'ENCRYPTED' })
  const got = jest.fn()
  const props = platform.phoneButtonProps(got)
  expect(props).toMatchObject({ openType: 'getAuthorize', scope: 'phoneNumber' })
  props.onGetAuthorize!()
  props.onError!({ errorMessage: '用户取消' })
  expect(got.mock.calls.map((c) => c[0])).toEqual([
    { ok: true, platform: 'alipay', encryptedData: 'ENCRYPTED' },
    { ok: false, reason: 'cancelled', detail: '用户取消' },
  ])
})

test('the QR text is read from the app launch options, not the page query', () => {
  expect(platform.getLaunchSource({ q: 'ignored' })).toBeNull()
  my.launchQuery = { qrCode: 'https://qr.kaimengui.cn/c/GZ0001A' }
  expect(platform.getLaunchSource({})).toEqual({
    kind: 'alipayQrCode',
    qrCode: 'https://qr.kaimengui.cn/c/GZ0001A',
  })
})

test('a hot start brings the QR in the show options; every show may be a return from signing', () => {
  const seen: unknown[] = []
  const stop = platform.onAppShow((info) => seen.push(info))
  my.emit('appShow', { query: { qrCode: 'https://qr.kaimengui.cn/c/GZ0002B' } })
  my.emit('appShow', {})
  expect(seen).toEqual([
    {
      source: { kind: 'alipayQrCode', qrCode: 'https://qr.kaimengui.cn/c/GZ0002B' },
      mayBeCreditReturn: true,
    },
    { source: null, mayBeCreditReturn: true },
  ])
  stop()
  expect(my.listeners.appShow!.size).toBe(0)
})

test.each([
  [{ error: 10 }, 'cancelled'],
  [{ error: 2001 }, 'denied'],
  [{ error: 2003 }, 'denied'],
  [{ error: 11 }, 'failed'],
])('scan error %p is %s', async (err, reason) => {
  my.next.scan = (o) => o.fail?.(err)
  await expect(platform.scanCabinet()).resolves.toEqual({ ok: false, reason })
})

test('scan success hands back `code`', async () => {
  my.next.scan = (o) => o.success?.({ code: 'https://qr.kaimengui.cn/c/GZ0001A' })
  await expect(platform.scanCabinet()).resolves.toEqual({
    ok: true,
    source: { kind: 'scan', text: 'https://qr.kaimengui.cn/c/GZ0001A' },
  })
})

describe('credit authorization', () => {
  test.each([
    ['7000', 'returned'],
    ['7001', 'returned'],
    ['7002', 'failed'],
    ['6001', 'cancelled'],
    ['6002', 'failed'],
  ])('agreement signing result %s → %s (the cloud decides either way)', async (status, outcome) => {
    my.next.paySignCenter = (o) => o.success?.({ resultStatus: status, result: '' })
    await expect(platform.authorizeCredit({ kind: 'alipay_sign', signStr: 'SIGN' })).resolves.toMatchObject({
      outcome,
    })
    expect(my.calls[0]).toEqual(['paySignCenter', expect.objectContaining({ signStr: 'SIGN' })])
  })

  test.each([
    ['9000', 'returned'],
    ['8000', 'returned'],
    ['6004', 'returned'],
    ['4000', 'failed'],
    ['6001', 'cancelled'],
    ['6002', 'failed'],
  ])('the pre-authorization deposit via tradePay(orderStr) %s → %s', async (code, outcome) => {
    my.next.tradePay = (o) => o.success?.({ resultCode: code })
    await expect(
      platform.authorizeCredit({ kind: 'alipay_trade', orderStr: 'ORDER' }),
    ).resolves.toMatchObject({
      outcome,
    })
    expect(my.calls[0]![1]).toMatchObject({ orderStr: 'ORDER' })
  })

  test('a WeChat payload is refused without calling Alipay', async () => {
    const payload = {
      kind: 'wxpay_score_enable' as const,
      businessType: 'wxpayScoreEnable' as const,
      extraData: { apply_permissions_token: 't' },
    }
    await expect(platform.authorizeCredit(payload)).resolves.toMatchObject({ outcome: 'failed' })
    expect(my.calls).toHaveLength(0)
  })
})

test('paying an unpaid order is tradePay with the cloud trade number', async () => {
  my.next.tradePay = (o) => o.success?.({ resultCode: '9000' })
  await expect(platform.pay({ kind: 'alipay', tradeNO: 'T1' })).resolves.toMatchObject({
    outcome: 'returned',
  })
  expect(my.calls[0]![1]).toMatchObject({ tradeNO: 'T1' })
})

test('the one socket uses the global functions, never `multiple`, and detaches on close', async () => {
  const handlers = { onOpen: jest.fn(), onMessage: jest.fn(), onClose: jest.fn(), onError: jest.fn() }
  const conn = await platform.openSocket('ws://cloud.test/v1/stream', handlers)
  expect(my.calls[0]).toEqual(['connectSocket', { url: 'ws://cloud.test/v1/stream' }])
  my.emit('socketOpen')
  my.emit('socketMessage', { data: '{"type":"pong"}', isBuffer: false })
  conn.send('{"type":"ping"}')
  expect(my.calls).toContainEqual(['sendSocketMessage', { data: '{"type":"ping"}' }])
  my.emit('socketClose', { reason: 'bye' })
  expect(handlers.onOpen).toHaveBeenCalled()
  expect(handlers.onMessage).toHaveBeenCalledWith('{"type":"pong"}')
  expect(handlers.onClose).toHaveBeenCalledWith(1006, 'bye')
  expect(my.listeners.socketMessage!.size).toBe(0)
})

test('a socket Alipay cannot create fails at once (the stream then polls) and frees the single instance', async () => {
  connectFails = true
  try {
    const handlers = { onOpen: jest.fn(), onMessage: jest.fn(), onClose: jest.fn(), onError: jest.fn() }
    await expect(platform.openSocket('ws://cloud.test/v1/stream', handlers)).rejects.toThrow()
    expect(my.calls.map(([name]) => name)).toEqual(['connectSocket', 'closeSocket'])
    expect(my.listeners.socketOpen?.size ?? 0).toBe(0)
  } finally {
    connectFails = false
  }
})

test('storage reads `data` and answers null for a missing key', () => {
  expect(platform.storage.getItem('missing')).toBeNull()
  platform.storage.setItem('k', 'v')
  expect(platform.storage.getItem('k')).toBe('v')
})

test('phone call passes `number`, as Alipay names it', () => {
  platform.makePhoneCall('400-800-1234')
  expect(my.calls).toEqual([['makePhoneCall', { number: '400-800-1234' }]])
})

test('network changes come from my.onNetworkStatusChange until unsubscribed', () => {
  const seen: boolean[] = []
  const stop = platform.onNetworkChange((online) => seen.push(online))
  my.emit('network', { isConnected: false, networkType: 'NOTREACHABLE' })
  my.emit('network', { isConnected: true, networkType: 'WIFI' })
  stop()
  my.emit('network', { isConnected: false })
  expect(seen).toEqual([false, true])
})
describe('saving a cabinet QR to the photo album', () => {
  /** Alipay's Canvas 2D node exports itself to a temp file. */
  function canvasNode(result: { tempFilePath?: string; apFilePath?: string } | { fail: unknown }) {
    return {
      exported: 0,
      toTempFilePath(o: Callbacks & { fileType?: string }) {
        this.exported += 1
        expect(o.fileType).toBe('png')
        if ('fail' in result) o.fail?.(result.fail)
        else o.success?.(result)
      },
    }
  }

  test('the node’s temp file goes into the album with my.saveImageToPhotosAlbum', async () => {
    my.next.saveImageToPhotosAlbum = (o) => o.success?.({ success: true })
    const node = canvasNode({ tempFilePath: 'https://resource/qr.png' })
    await expect(platform.saveImageToAlbum(node, 'GZ0001A.png')).resolves.toEqual({ ok: true })
    expect(node.exported).toBe(1)
    expect(my.calls.map(([name, o]) => [name, (o as { filePath?: string }).filePath])).toEqual([
      ['saveImageToPhotosAlbum', 'https://resource/qr.png'],
    ])
  })

  test('an older client without saveImageToPhotosAlbum uses my.saveImage with the file as url', async () => {
    my.saveImageToPhotosAlbum = undefined
    my.next.saveImage = (o) => o.success?.({})
    await expect(
      platform.saveImageToAlbum(canvasNode({ apFilePath: 'https://resource/old.png' }), 'x.png'),
    ).resolves.toEqual({ ok: true })
    expect(my.calls[0]).toEqual(['saveImage', expect.objectContaining({ url: 'https://resource/old.png' })])
  })

  test.each([
    [{ error: 15, errorMessage: '没有开启相册权限' }, 'denied'],
    [{ error: 11, errorMessage: '用户取消' }, 'cancelled'],
    [{ error: 17, errorMessage: '保存图片过程中的其他错误' }, 'failed'],
  ])('an album failure %p is %s', async (err, reason) => {
    my.next.saveImageToPhotosAlbum = (o) => o.fail?.(err)
    await expect(
      platform.saveImageToAlbum(canvasNode({ tempFilePath: 'f.png' }), 'x.png'),
    ).resolves.toMatchObject({ ok: false, reason })
  })

  test('a node that is not a Canvas 2D, or cannot export, fails without touching the album', async () => {
    await expect(platform.saveImageToAlbum({}, 'x.png')).resolves.toMatchObject({
      ok: false,
      reason: 'failed',
    })
    await expect(
      platform.saveImageToAlbum(canvasNode({ fail: { error: 3, errorMessage: 'canvas empty' } }), 'x.png'),
    ).resolves.toMatchObject({ ok: false, reason: 'failed' })
    expect(my.calls).toEqual([])
  })
})

export {}

test('Alipay has no privacy guide to agree to: nothing is ever asked, the agree button is a plain one', async () => {
  const listener = jest.fn()
  platform.onPrivacyRequest(listener)()
  expect(listener).not.toHaveBeenCalled()
  await expect(platform.openPrivacyContract()).resolves.toBe(false)
  expect(platform.privacyAgreeButtonProps('privacy-agree', () => undefined)).not.toHaveProperty('openType')
})
