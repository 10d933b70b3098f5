import { SUBSCRIBE_MAX_TEMPLATES, albumFailure, errText, pickedLocation, storageOver } from './shared'
import type { LaunchSource, Platform, PlatformFlowResult, SubscribeResult } from './types'

// my.paySignCenter resultStatus: 7000 signed, 7001 unknown, 7002 failed, 6001 cancelled, 6002 network.
// my.tradePay resultCode: 9000 success, 8000 processing, 4000 failed, 6001 cancelled, 6002 network, 6004 unknown.
// "Success" and "unknown" both mean "ask the cloud"; only a cancel is taken at its word.
const CANCELLED = '6001'
const ASK_THE_CLOUD = new Set(['7000', '7001', '9000', '8000', '6004'])
const SCAN_CANCELLED = 10
const SCAN_CAMERA_DENIED = [2001, 2002, 2003]
// my.chooseImage: 11 the user cancelled, 2001–2003 camera or album permission refused.
const CHOOSE_CANCELLED = 11
const CHOOSE_DENIED = [2001, 2002, 2003]
// my.chooseLocation: the same codes as the other pickers, 11 cancelled, 2001–2003 location refused.
const LOCATION_CANCELLED = 11
const LOCATION_DENIED = [2001, 2002, 2003]

interface AlipayCanvasNode {
  toTempFilePath: (options: {
    fileType: 'png'
    success: (res: { tempFilePath?: string; apFilePath?: string }) => void
    fail: (err: unknown) => void
  }) => void
}

function fromResultCode(code: string): PlatformFlowResult {
  if (code === CANCELLED) return { outcome: 'cancelled', detail: code }
  if (ASK_THE_CLOUD.has(code)) return { outcome: 'returned', detail: code }
  return { outcome: 'failed', detail: code }
}

// Alipay hands a 关联普通二维码's text only to the app's launch/show options, never to the page.
function sourceFromAlipayQuery(query: Record<string, unknown> | undefined): LaunchSource | null {
  const qrCode = query?.qrCode
  return typeof qrCode === 'string' && qrCode !== '' ? { kind: 'alipayQrCode', qrCode } : null
}

function trade(args: { tradeNO?: string; orderStr?: string }): Promise<PlatformFlowResult> {
  return new Promise((resolve) => {
    my.tradePay({
      ...args,
      success: (res) => resolve(fromResultCode(String(res.resultCode))),
      fail: (err) => resolve({ outcome: 'failed', detail: errText(err) }),
    })
  })
}

function fileSize(apFilePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    my.getFileInfo({
      apFilePath,
      digestAlgorithm: 'md5',
      success: (res) => resolve(res.size),
      fail: (err) => reject(new Error(errText(err))),
    })
  })
}

// Newer base libraries list `tempFiles` with sizes; older ones only `apFilePaths`, measured one by one.
async function chosenImages(res: { tempFiles?: unknown; apFilePaths?: string[]; tempFilePaths?: string[] }) {
  if (Array.isArray(res.tempFiles) && res.tempFiles.length > 0) {
    return (res.tempFiles as { path: string; size: number }[]).map((f) => ({
      path: f.path,
      sizeBytes: f.size,
    }))
  }
  const paths = res.tempFilePaths ?? res.apFilePaths ?? []
  return Promise.all(paths.map(async (path) => ({ path, sizeBytes: await fileSize(path) })))
}

// my.connectSocket takes success/fail callbacks (documented); the typings leave them out.
const connectSocket = (options: { url: string; success: () => void; fail: (err: unknown) => void }) =>
  (my.connectSocket as unknown as (o: typeof options) => void)(options)

/*
 * Subscribe messages (订阅消息), as Alipay documents them in "my.requestSubscribeMessage"
 * (opendocs.alipay.com/mini/api/requestSubscribeMessage). Taro's alipay runtime passes the call through
 * without turning WeChat's `tmplIds` into Alipay's `entityIds`, so the seam calls `my` itself.
 * - success comes with behavior 'subscribe', also when the user refused. The answer is in `result`:
 *   subscribedEntityIds (subscribed in the end), subscribeEntityIds (subscribed by this request),
 *   currentSubscribedEntityIds (newly subscribed), unsubscribedEntityIds. Each id is also a key answering
 *   'accept' | 'reject', which the docs call reliable only with 'subscribe': `result` comes first.
 * - keep: one-time templates, the user ticked 总是保持以上选择，不再询问; refuse: long-term templates, the user
 *   chose 拒绝，不再询问. Either way the panel will not ask again.
 * - fail comes with behavior 'cancel' (errorCode 11: the user cancelled) or '' (a failure: 10 system, 15 a
 *   panel already open, 203 bad arguments such as more than 3 ids, 402 wrong app, 100201 rate limit, 106002
 *   one-time and long-term mixed, 106008 unknown template, -1 default). An older document let success carry
 *   'cancel' too: its `result` then says what stays subscribed, the rest is a 'reject'.
 * - Alipay has no "switched off" answer; base libraries before 1.25.7 (v1) and 2.7.10 (v2) lack the call.
 */
const SUBSCRIBE_CANCELLED = 11

interface AlipaySubscribeAnswer {
  [entityId: string]: unknown
  behavior?: '' | 'subscribe' | 'cancel'
  keep?: boolean
  refuse?: boolean
  result?: {
    subscribeEntityIds?: string[]
    subscribedEntityIds?: string[]
    currentSubscribedEntityIds?: string[]
    unsubscribedEntityIds?: string[]
  }
  errorCode?: number | string
  error?: number | string
}

function alipaySubscribed(ids: string[], res: AlipaySubscribeAnswer): SubscribeResult {
  const { result } = res
  const accepted = new Set(
    result
      ? [
          ...(result.subscribedEntityIds ?? []),
          ...(result.subscribeEntityIds ?? []),
          ...(result.currentSubscribedEntityIds ?? []),
        ]
      : ids.filter((id) => res.behavior !== 'cancel' && res[id] === 'accept'),
  )
  const answers = Object.fromEntries(ids.map((id) => [id, accepted.has(id) ? 'accept' : 'reject'] as const))
  return { ok: true, answers, keep: res.keep === true || res.refuse === true }
}

function alipaySubscribeFailure(err: unknown): SubscribeResult {
  const loose = (err && typeof err === 'object' ? err : {}) as AlipaySubscribeAnswer
  const code = Number(loose.errorCode ?? loose.error)
  const text = errText(err)
  const detail = Number.isNaN(code) || text === String(code) ? text : `${code} ${text}`
  if (loose.behavior === 'cancel' || code === SUBSCRIBE_CANCELLED)
    return { ok: false, reason: 'cancelled', detail }
  return { ok: false, reason: 'failed', detail }
}

/** What a list assumes when the window cannot be read: a common phone. */
const PHONE_SIZE = { width: 375, height: 667 }

export const platform: Platform = {
  name: 'alipay',

  getLoginCode: () =>
    new Promise((resolve, reject) => {
      my.getAuthCode({
        scopes: 'auth_base',
        success: (res) => (res.authCode ? resolve(res.authCode) : reject(new Error('no authCode'))),
        fail: (err) => reject(new Error(errText(err))),
      })
    }),

  phoneButtonProps: (onCredential) => ({
    openType: 'getAuthorize',
    scope: 'phoneNumber',
    onGetAuthorize: () => {
      my.getPhoneNumber({
        success: (res: { response?: string }) =>
          res.response
            ? onCredential({ ok: true, platform: 'alipay', encryptedData: res.response })
            : onCredential({ ok: false, reason: 'failed', detail: 'empty response' }),
        fail: (err: unknown) => onCredential({ ok: false, reason: 'failed', detail: errText(err) }),
      })
    },
    onError: (err) => onCredential({ ok: false, reason: 'cancelled', detail: errText(err) }),
  }),

  getLaunchSource: () => sourceFromAlipayQuery(my.getLaunchOptionsSync().query),

  onAppShow: (listener) => {
    const handler = (options: { query?: Record<string, unknown> }) =>
      // Alipay gives no referrer that proves a return from a signing page: any show may be one.
      listener({ source: sourceFromAlipayQuery(options.query), mayBeCreditReturn: true })
    my.onAppShow(handler)
    // The typings give offAppShow the wrong callback type; it takes the same function onAppShow did.
    return () => my.offAppShow(handler as unknown as () => void)
  },

  scanCabinet: () =>
    new Promise((resolve) => {
      my.scan({
        scanType: ['qrCode'],
        success: (res: { code?: string }) =>
          resolve({ ok: true, source: { kind: 'scan', text: String(res.code ?? '') } }),
        fail: (err: { error?: number }) => {
          if (err.error === SCAN_CANCELLED) resolve({ ok: false, reason: 'cancelled' })
          else if (SCAN_CAMERA_DENIED.includes(Number(err.error))) resolve({ ok: false, reason: 'denied' })
          else resolve({ ok: false, reason: 'failed' })
        },
      })
    }),

  authorizeCredit: (payload) => {
    if (payload.kind === 'alipay_trade') return trade({ orderStr: payload.orderStr })
    if (payload.kind !== 'alipay_sign') {
      return Promise.resolve({ outcome: 'failed', detail: `unsupported on Alipay: ${payload.kind}` })
    }
    return new Promise((resolve) => {
      my.paySignCenter({
        signStr: payload.signStr,
        success: (res) => resolve(fromResultCode(String(res.resultStatus))),
        fail: (err) => resolve({ outcome: 'failed', detail: errText(err) }),
      })
    })
  },

  pay: (payload) =>
    payload.kind === 'alipay'
      ? trade({ tradeNO: payload.tradeNO })
      : Promise.resolve({ outcome: 'failed', detail: `unsupported on Alipay: ${payload.kind}` }),

  // Alipay sockets are single-instance and Taro's SocketTask wrapper breaks `send` with `multiple`,
  // so the global my.*Socket* functions carry the app's one connection.
  openSocket: async (url, handlers) => {
    const onOpen = () => handlers.onOpen()
    const onMessage = (msg: { data: string | ArrayBuffer }) =>
      handlers.onMessage(typeof msg.data === 'string' ? msg.data : '')
    const onClose = (res: { reason?: string; code?: number }) => {
      detach()
      handlers.onClose(Number(res.code ?? 1006), String(res.reason ?? ''))
    }
    const onError = (err: unknown) => handlers.onError(errText(err))
    const detach = () => {
      my.offSocketOpen(onOpen)
      my.offSocketMessage(onMessage)
      my.offSocketClose(onClose)
      my.offSocketError(onError)
    }
    my.onSocketOpen(onOpen)
    my.onSocketMessage(onMessage)
    my.onSocketClose(onClose)
    my.onSocketError(onError)
    // Creating the one socket can fail (Alipay documents it on Android, error 3, while a previous one is
    // not yet closed): say so at once, so the stream polls meanwhile and tries again later.
    await new Promise<void>((resolve, reject) => {
      connectSocket({
        url,
        success: () => resolve(),
        fail: (err: unknown) => {
          detach()
          my.closeSocket({})
          reject(new Error(errText(err)))
        },
      })
    })
    return {
      send: (text) => my.sendSocketMessage({ data: text }),
      close: () => my.closeSocket(),
    }
  },

  storage: storageOver({
    get: (key) => my.getStorageSync({ key }).data,
    set: (key, value) => my.setStorageSync({ key, data: value }),
    remove: (key) => my.removeStorageSync({ key }),
  }),

  makePhoneCall: (phoneNumber) => {
    my.makePhoneCall({ number: phoneNumber })
  },

  chooseImages: (count) =>
    new Promise((resolve) => {
      my.chooseImage({
        count,
        // Originals from a phone camera exceed the cloud's 5 MB limit; Alipay compresses when asked.
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
        success: (res) => {
          chosenImages(res).then(
            (images) => resolve({ ok: true, images }),
            (err: unknown) => resolve({ ok: false, reason: 'failed', detail: errText(err) }),
          )
        },
        fail: (err) => {
          const code = Number((err as { error?: number }).error)
          if (code === CHOOSE_CANCELLED) resolve({ ok: false, reason: 'cancelled', detail: errText(err) })
          else if (CHOOSE_DENIED.includes(code))
            resolve({ ok: false, reason: 'denied', detail: errText(err) })
          else resolve({ ok: false, reason: 'failed', detail: errText(err) })
        },
      })
    }),

  vibrate: () => {
    my.vibrateLong({})
  },

  // Alipay has no built-in speech synthesis.
  speak: () => false,

  windowSize: () => {
    try {
      // my.getWindowInfo on newer base libraries; older ones only have the system info.
      const read = typeof my.getWindowInfo === 'function' ? my.getWindowInfo : my.getSystemInfoSync
      const info = read() as { windowWidth?: number; windowHeight?: number }
      return { width: info.windowWidth || 375, height: info.windowHeight || 667 }
    } catch {
      return PHONE_SIZE
    }
  },

  // Only WeChat gates calls behind its privacy guide; Alipay asks through its own authorization prompts.
  onPrivacyRequest: () => () => undefined,
  openPrivacyContract: async () => false,
  privacyAgreeButtonProps: (id, onAgree) => ({ id, onClick: onAgree }),

  requestSubscribe: async (templateIds) => {
    const ids = templateIds.slice(0, SUBSCRIBE_MAX_TEMPLATES)
    if (ids.length === 0) return { ok: true, answers: {}, keep: false }
    if (typeof my.requestSubscribeMessage !== 'function')
      return { ok: false, reason: 'unsupported', detail: 'no my.requestSubscribeMessage' }
    return new Promise<SubscribeResult>((resolve) => {
      try {
        my.requestSubscribeMessage({
          entityIds: ids,
          success: (res) => {
            const answer = res as AlipaySubscribeAnswer
            // '' is a failure: the docs send it to fail, but take no chances.
            resolve(answer.behavior === '' ? alipaySubscribeFailure(answer) : alipaySubscribed(ids, answer))
          },
          fail: (err) => resolve(alipaySubscribeFailure(err)),
        })
      } catch (err) {
        resolve(alipaySubscribeFailure(err))
      }
    })
  },

  onNetworkChange: (listener) => {
    const handler = (res: { isConnected: boolean }) => listener(res.isConnected)
    my.onNetworkStatusChange(handler)
    return () => my.offNetworkStatusChange(handler)
  },
  // Alipay's Canvas 2D node exports itself; my.saveImageToPhotosAlbum takes the file, and older clients
  // without it have my.saveImage.
  saveImageToAlbum: (canvas) =>
    new Promise((resolve) => {
      const node = canvas as Partial<AlipayCanvasNode>
      if (typeof node.toTempFilePath !== 'function') {
        resolve({ ok: false, reason: 'failed', detail: 'not a Canvas 2D node' })
        return
      }
      const done = {
        success: () => resolve({ ok: true }),
        fail: (err: unknown) => resolve(albumFailure(err)),
      }
      node.toTempFilePath({
        fileType: 'png',
        success: (res) => {
          const filePath = res.tempFilePath ?? res.apFilePath ?? ''
          if (typeof my.saveImageToPhotosAlbum === 'function')
            my.saveImageToPhotosAlbum({ filePath, ...done })
          else my.saveImage({ url: filePath, showActionSheet: false, ...done })
        },
        fail: (err) => resolve({ ok: false, reason: 'failed', detail: errText(err) }),
      })
    }),

  // Alipay's 高德 picker; its typings give the coordinates as strings, its docs as numbers.
  chooseLocation: (current) =>
    new Promise((resolve) => {
      my.chooseLocation({
        ...(current ? { latitude: current.latitude, longitude: current.longitude } : {}),
        success: (res) => resolve(pickedLocation(res)),
        fail: (err) => {
          const code = Number(err?.error)
          const detail = errText(err)
          if (code === LOCATION_CANCELLED) resolve({ ok: false, reason: 'cancelled', detail })
          else if (LOCATION_DENIED.includes(code)) resolve({ ok: false, reason: 'denied', detail })
          else resolve({ ok: false, reason: 'failed', detail })
        },
      })
    }),
}
