import Taro from '@tarojs/taro'
import {
  albumFailure,
  errText,
  pickedLocation,
  refusalOf,
  sourceFromWechatQuery,
  storageOver,
} from './shared'
import type { Platform, PlatformName } from './types'

export type * from './types'

/**
 * The platform-neutral default: Taro's own cross-platform calls, for any target without a file of its
 * own. The builds pick `index.weapp.ts`, `index.alipay.ts` or `index.h5.ts` instead; the type checker and
 * unit tests see this one unless they import a variant explicitly.
 */
export const platform: Platform = {
  name: (process.env.TARO_ENV as PlatformName | undefined) ?? 'h5',

  getLoginCode: async () => {
    const res = await Taro.login()
    if (!res.code) throw new Error('login returned no code')
    return res.code
  },

  phoneButtonProps: (onCredential) => ({
    openType: 'getPhoneNumber',
    onGetPhoneNumber: ({ detail }) =>
      typeof detail.code === 'string' && detail.code
        ? onCredential({ ok: true, platform: 'h5', code: detail.code })
        : onCredential({ ok: false, reason: 'failed', detail: String(detail.errMsg ?? '') }),
  }),

  getLaunchSource: (pageQuery) => sourceFromWechatQuery(pageQuery),

  onAppShow: (listener) => {
    const handler = () => listener({ source: null, mayBeCreditReturn: true })
    Taro.onAppShow(handler)
    return () => Taro.offAppShow(handler)
  },

  scanCabinet: async () => {
    try {
      const res = await Taro.scanCode({ scanType: ['qrCode'] })
      return { ok: true, source: { kind: 'scan', text: res.result } }
    } catch (err) {
      return { ok: false, reason: /cancel/i.test(errText(err)) ? 'cancelled' : 'failed' }
    }
  },

  authorizeCredit: async (payload) => ({ outcome: 'failed', detail: `no credit flow for ${payload.kind}` }),

  pay: async (payload) => ({ outcome: 'failed', detail: `no payment flow for ${payload.kind}` }),

  openSocket: async (url, handlers) => {
    const task = await Taro.connectSocket({ url })
    task.onOpen(() => handlers.onOpen())
    task.onMessage((msg) => handlers.onMessage(typeof msg.data === 'string' ? msg.data : ''))
    task.onClose((res) => handlers.onClose(res.code, res.reason))
    task.onError((err) => handlers.onError(errText(err)))
    return { send: (text) => task.send({ data: text }), close: () => task.close({}) }
  },

  storage: storageOver({
    get: (key) => Taro.getStorageSync(key),
    set: (key, value) => Taro.setStorageSync(key, value),
    remove: (key) => Taro.removeStorageSync(key),
  }),

  makePhoneCall: (phoneNumber) => {
    Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
  },

  chooseImages: async (count) => {
    try {
      const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      return { ok: true, images: res.tempFiles.map((f) => ({ path: f.path, sizeBytes: f.size })) }
    } catch (err) {
      return {
        ok: false,
        reason: /cancel/i.test(errText(err)) ? 'cancelled' : 'failed',
        detail: errText(err),
      }
    }
  },

  vibrate: () => {
    Taro.vibrateLong().catch(() => undefined)
  },

  speak: () => false,

  windowSize: () => {
    try {
      const info = Taro.getWindowInfo()
      return { width: info.windowWidth || 375, height: info.windowHeight || 667 }
    } catch {
      return { width: 375, height: 667 }
    }
  },

  // Only WeChat gates calls behind its privacy guide.
  onPrivacyRequest: () => () => undefined,
  openPrivacyContract: async () => false,
  privacyAgreeButtonProps: (id, onAgree) => ({ id, onClick: onAgree }),

  // Subscribe messages are WeChat's and Alipay's own; a target without its file cannot ask.
  requestSubscribe: async () => ({ ok: false, reason: 'unsupported' }),

  onNetworkChange: (listener) => {
    const handler = (res: { isConnected: boolean }) => listener(res.isConnected)
    Taro.onNetworkStatusChange(handler)
    return () => Taro.offNetworkStatusChange(handler)
  },
  saveImageToAlbum: async (canvas) => {
    try {
      const { tempFilePath } = await Taro.canvasToTempFilePath({
        canvas: canvas as Taro.Canvas,
        fileType: 'png',
      })
      await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
      return { ok: true }
    } catch (err) {
      return albumFailure(err)
    }
  },

  chooseLocation: async (current) => {
    try {
      return pickedLocation(await Taro.chooseLocation(current ? { ...current } : {}))
    } catch (err) {
      return { ok: false, reason: refusalOf(err), detail: errText(err) }
    }
  },
}
