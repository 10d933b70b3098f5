import type { WxpayContractPayload, WxpayPaymentPayload } from '@/api/types'
import {
  SUBSCRIBE_MAX_TEMPLATES,
  albumFailure,
  errText,
  pickedLocation,
  refusalOf,
  sourceFromWechatQuery,
  storageOver,
} from './shared'
import type {
  AppShowInfo,
  LaunchSource,
  Platform,
  PlatformFlowResult,
  SubscribeAnswer,
  SubscribeResult,
} from './types'

// WeChat Pay Score's own mini-program: an app show with this referrer is the return from authorization.
const PAY_SCORE_APP_ID = 'wxd8f3793ea3b935b8'
// WeChat Pay's signing mini-program for 委托代扣 (微信免密支付): the return from signing comes from it.
const SIGNING_APP_ID = 'wxbd687630cd02ce1d'
const CREDIT_RETURN_APPS: ReadonlySet<string> = new Set([PAY_SCORE_APP_ID, SIGNING_APP_ID])
const SCENE_BACK_FROM_OTHER_APP = 1038
const PHONE_QUOTA_EXHAUSTED = 1400001

function flowFailure(err: unknown): PlatformFlowResult {
  const text = errText(err)
  return /cancel/i.test(text) ? { outcome: 'cancelled', detail: text } : { outcome: 'failed', detail: text }
}

/**
 * What a scan read: a mini-program code of this app hands over the page `path` with its `scene` (still
 * URL-encoded, as the page query would have it); anything else is the code's text. Both go through the one
 * QR parser, which decodes once and judges.
 */
function scannedSource(res: { result: string; path?: string }): LaunchSource {
  const query = res.path?.split('?')[1] ?? ''
  const scene = query
    .split('&')
    .map((pair) => pair.split('='))
    .find(([key]) => key === 'scene')?.[1]
  return scene !== undefined ? { kind: 'wechatScene', scene } : { kind: 'scan', text: res.result }
}

function requestPayment(payment: WxpayPaymentPayload): Promise<PlatformFlowResult> {
  return new Promise((resolve) => {
    wx.requestPayment({
      timeStamp: payment.timeStamp,
      nonceStr: payment.nonceStr,
      package: payment.package,
      signType: payment.signType,
      paySign: payment.paySign,
      success: () => resolve({ outcome: 'returned' }),
      fail: (err) => resolve(flowFailure(err)),
    })
  })
}

/**
 * 微信免密支付 signing happens in WeChat Pay's own mini-program. Leaving for it succeeds at once; the shopper
 * comes back later as an app show (from the signing app, or from anywhere: WeChat does not say whether they
 * signed, and tells the cloud only if they did). That return is when to ask the cloud.
 */
function signInSigningApp(payload: WxpayContractPayload): Promise<PlatformFlowResult> {
  return new Promise((resolve) => {
    wx.navigateToMiniProgram({
      appId: payload.appId,
      path: payload.path,
      extraData: payload.extraData,
      success: () => {
        const back = (options: WechatMiniprogram.LaunchOptionsApp) => {
          wx.offAppShow(back as unknown as WechatMiniprogram.OffAppShowCallback)
          resolve({ outcome: 'returned', detail: options.referrerInfo?.appId })
        }
        wx.onAppShow(back)
      },
      fail: (err) => resolve(flowFailure(err)),
    })
  })
}

/*
 * Subscribe messages (订阅消息), as WeChat documents them in "wx.requestSubscribeMessage" and in "wx.getSetting"
 * (its SubscriptionsSetting), 小程序 API › 开放接口:
 * - success answers each template id with 'accept', 'reject', 'ban' (blocked by WeChat) or 'filter' (its
 *   title repeats another template's in the same request), beside errMsg;
 * - whether the user ticked 总是保持以上选择，不再询问 is not in that answer: wx.getSetting({ withSubscriptions:
 *   true }) lists a template in subscriptionsSetting.itemSettings only when they did;
 * - fail carries errCode (some Android clients spell it errorCode): 20004 the user turned the main switch
 *   off, 20005 this mini-program is banned from subscribe messages; the rest (10001 empty list, 10002/10003
 *   network, 10004 wrong id type, 10005 no UI outside a tap, 20001 unknown template, 20002 one-time and
 *   long-term mixed, 20003 too many, 20013 a device template) are failures for the log.
 */
const SUBSCRIBE_SWITCHED_OFF = 20004
const SUBSCRIBE_BANNED = 20005
const WECHAT_ANSWERS: ReadonlySet<string> = new Set<SubscribeAnswer>(['accept', 'reject', 'ban', 'filter'])

type SubscribeAsked = { ok: true; res: Record<string, unknown> } | { ok: false; err: unknown }

function askToSubscribe(tmplIds: string[]): Promise<SubscribeAsked> {
  return new Promise((resolve) => {
    try {
      wx.requestSubscribeMessage({
        tmplIds,
        success: (res) => resolve({ ok: true, res }),
        fail: (err) => resolve({ ok: false, err }),
      })
    } catch (err) {
      resolve({ ok: false, err })
    }
  })
}

// An id WeChat did not answer in a known word was not accepted.
function wechatAnswer(value: unknown): SubscribeAnswer {
  return typeof value === 'string' && WECHAT_ANSWERS.has(value) ? (value as SubscribeAnswer) : 'reject'
}

/** True when the user told WeChat to keep their choice for every id; false when the setting cannot be read. */
function keptChoices(ids: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      wx.getSetting({
        withSubscriptions: true,
        success: (res) => {
          const kept: Record<string, unknown> = res.subscriptionsSetting?.itemSettings ?? {}
          resolve(ids.every((id) => typeof kept[id] === 'string'))
        },
        fail: () => resolve(false),
      })
    } catch {
      resolve(false)
    }
  })
}

function subscribeFailure(err: unknown): SubscribeResult {
  const loose = (err && typeof err === 'object' ? err : {}) as { errCode?: unknown; errorCode?: unknown }
  const code = Number(loose.errCode ?? loose.errorCode)
  const text = errText(err)
  const detail = Number.isNaN(code) ? text : `${code} ${text}`
  if (code === SUBSCRIBE_SWITCHED_OFF || /main switch/i.test(text))
    return { ok: false, reason: 'switched_off', detail }
  if (code === SUBSCRIBE_BANNED) return { ok: false, reason: 'unsupported', detail }
  return { ok: false, reason: 'failed', detail }
}

/** What a list assumes when the window cannot be read: a common phone. */
const PHONE_SIZE = { width: 375, height: 667 }

export const platform: Platform = {
  name: 'weapp',

  getLoginCode: () =>
    new Promise((resolve, reject) => {
      wx.login({
        success: (res) => (res.code ? resolve(res.code) : reject(new Error('wx.login returned no code'))),
        fail: (err) => reject(new Error(errText(err))),
      })
    }),

  phoneButtonProps: (onCredential) => ({
    openType: 'getPhoneNumber',
    onGetPhoneNumber: ({ detail }) => {
      if (typeof detail.code === 'string' && detail.code) {
        onCredential({ ok: true, platform: 'weapp', code: detail.code })
      } else if (detail.errno === PHONE_QUOTA_EXHAUSTED) {
        onCredential({ ok: false, reason: 'quota', detail: String(detail.errMsg ?? '') })
      } else {
        const text = String(detail.errMsg ?? '')
        const reason = /privacy/i.test(text) ? 'privacy' : /deny|cancel/i.test(text) ? 'cancelled' : 'failed'
        onCredential({ ok: false, reason, detail: text })
      }
    },
  }),

  getLaunchSource: (pageQuery) => sourceFromWechatQuery(pageQuery),

  onAppShow: (listener) => {
    const handler = (options: WechatMiniprogram.LaunchOptionsApp) => {
      const info: AppShowInfo = {
        source: sourceFromWechatQuery(options.query as Record<string, string | undefined>),
        mayBeCreditReturn:
          options.scene === SCENE_BACK_FROM_OTHER_APP &&
          CREDIT_RETURN_APPS.has(options.referrerInfo?.appId ?? ''),
      }
      listener(info)
    }
    wx.onAppShow(handler)
    // The typings give offAppShow the wrong callback type; it takes the same function onAppShow did.
    return () => wx.offAppShow(handler as unknown as WechatMiniprogram.OffAppShowCallback)
  },

  scanCabinet: () =>
    new Promise((resolve) => {
      wx.scanCode({
        // The cabinet's sticker may be a normal-link QR or this app's mini-program code. The typings lack
        // `wxCode`, which wx.scanCode documents.
        scanType: ['qrCode', 'wxCode'] as unknown as 'qrCode'[],
        success: (res) => resolve({ ok: true, source: scannedSource(res) }),
        fail: (err) => {
          const text = errText(err)
          if (/cancel/i.test(text)) resolve({ ok: false, reason: 'cancelled' })
          else if (/auth|deny|permission/i.test(text)) resolve({ ok: false, reason: 'denied' })
          else resolve({ ok: false, reason: 'failed' })
        },
      })
    }),

  authorizeCredit: (payload) => {
    switch (payload.kind) {
      case 'wxpay_score_use':
      case 'wxpay_score_enable':
        return new Promise((resolve) => {
          wx.openBusinessView({
            businessType: payload.businessType,
            extraData: payload.extraData,
            success: () => resolve({ outcome: 'returned' }),
            fail: (err) => resolve(flowFailure(err)),
          })
        })
      case 'wxpay_contract':
        return signInSigningApp(payload)
      case 'wxpay_deposit':
        // 押金开门: the deposit is an ordinary WeChat payment; the cloud says when it is held.
        return requestPayment(payload.payment)
      default:
        return Promise.resolve({ outcome: 'failed', detail: `unsupported on WeChat: ${payload.kind}` })
    }
  },

  pay: (payload) =>
    payload.kind === 'wxpay'
      ? requestPayment(payload)
      : Promise.resolve({ outcome: 'failed', detail: `unsupported on WeChat: ${payload.kind}` }),

  openSocket: async (url, handlers) => {
    const task = wx.connectSocket({ url })
    task.onOpen(() => handlers.onOpen())
    task.onMessage((msg) => handlers.onMessage(typeof msg.data === 'string' ? msg.data : ''))
    task.onClose((res) => handlers.onClose(res.code, res.reason))
    task.onError((err) => handlers.onError(errText(err)))
    return {
      send: (text) => task.send({ data: text }),
      close: () => task.close({}),
    }
  },

  storage: storageOver({
    get: (key) => wx.getStorageSync(key),
    set: (key, value) => wx.setStorageSync(key, value),
    remove: (key) => wx.removeStorageSync(key),
  }),

  makePhoneCall: (phoneNumber) => {
    wx.makePhoneCall({ phoneNumber })
  },

  // chooseMedia replaced chooseImage (no longer maintained) and reports each file's size with it.
  chooseImages: (count) =>
    new Promise((resolve) => {
      wx.chooseMedia({
        count,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
        success: (res) =>
          resolve({
            ok: true,
            images: res.tempFiles.map((f) => ({ path: f.tempFilePath, sizeBytes: f.size })),
          }),
        fail: (err) => resolve({ ok: false, reason: refusalOf(err), detail: errText(err) }),
      })
    }),

  vibrate: () => {
    wx.vibrateLong({})
  },

  // WeChat has no built-in speech; its 同声传译 plugin would need an AppID of its own.
  speak: () => false,

  // getSystemInfoSync is deprecated (WeChat's quality check flags it): the window's own size is enough.
  windowSize: () => {
    try {
      const info = wx.getWindowInfo()
      return { width: info.windowWidth || 375, height: info.windowHeight || 667 }
    } catch {
      return PHONE_SIZE
    }
  },

  onPrivacyRequest: (listener) => {
    // Base libraries before 2.32.3 have no privacy check and never ask.
    if (typeof wx.onNeedPrivacyAuthorization !== 'function') return () => undefined
    let listening = true
    // The listener gets `resolve` (as WeChat documents it; the typings describe a result object instead).
    const onNeed = wx.onNeedPrivacyAuthorization as unknown as (
      listener: (
        resolve: (answer: { event: 'agree'; buttonId: string } | { event: 'disagree' }) => void,
      ) => void,
    ) => void
    onNeed((resolve) => {
      if (!listening) return
      listener({
        agree: (buttonId) => resolve({ event: 'agree', buttonId }),
        disagree: () => resolve({ event: 'disagree' }),
      })
    })
    // WeChat has no off-call for it: the listener only stops answering.
    return () => {
      listening = false
    }
  },

  openPrivacyContract: () =>
    new Promise((resolve) => {
      wx.openPrivacyContract({ success: () => resolve(true), fail: () => resolve(false) })
    }),

  privacyAgreeButtonProps: (id, onAgree) => ({
    id,
    openType: 'agreePrivacyAuthorization',
    onAgreePrivacyAuthorization: onAgree,
  }),

  requestSubscribe: async (templateIds) => {
    const ids = templateIds.slice(0, SUBSCRIBE_MAX_TEMPLATES)
    if (ids.length === 0) return { ok: true, answers: {}, keep: false }
    // Base libraries before 2.4.4 have no subscribe messages.
    if (typeof wx.requestSubscribeMessage !== 'function')
      return { ok: false, reason: 'unsupported', detail: 'no wx.requestSubscribeMessage' }
    const asked = await askToSubscribe(ids)
    if (!asked.ok) return subscribeFailure(asked.err)
    const answers = Object.fromEntries(ids.map((id) => [id, wechatAnswer(asked.res[id])] as const))
    return { ok: true, answers, keep: await keptChoices(ids) }
  },

  onNetworkChange: (listener) => {
    const handler = (res: { isConnected: boolean }) => listener(res.isConnected)
    wx.onNetworkStatusChange(handler)
    // As with offAppShow, the typings give the off-call another callback type; it takes the same function.
    return () =>
      wx.offNetworkStatusChange(handler as unknown as WechatMiniprogram.OffNetworkStatusChangeCallback)
  },
  // A Canvas 2D node becomes a temp file first; only a file can go into the album.
  saveImageToAlbum: (canvas) =>
    new Promise((resolve) => {
      wx.canvasToTempFilePath({
        canvas,
        fileType: 'png',
        success: ({ tempFilePath }) =>
          wx.saveImageToPhotosAlbum({
            filePath: tempFilePath,
            success: () => resolve({ ok: true }),
            fail: (err) => resolve(albumFailure(err)),
          }),
        fail: (err) => resolve({ ok: false, reason: 'failed', detail: errText(err) }),
      })
    }),

  // Declared in app.json `requiredPrivateInfos` (required since 2022-07-14) and in the privacy guide; no
  // scope.userLocation since 2022-06-13. Fails with "chooseLocation:fail cancel", "auth deny" / "authorize no
  // response" (a refused permission), or an errMsg naming privacy (consent refused, or not in the guide).
  chooseLocation: (current) =>
    new Promise((resolve) => {
      wx.chooseLocation({
        ...(current ? { latitude: current.latitude, longitude: current.longitude } : {}),
        success: (res) => resolve(pickedLocation(res)),
        fail: (err) => resolve({ ok: false, reason: refusalOf(err), detail: errText(err) }),
      })
    }),
}
