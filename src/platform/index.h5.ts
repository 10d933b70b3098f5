import Taro from '@tarojs/taro'
import { SERVICE_NAME } from '@/domain/labels'
import { errText, sourceFromWechatQuery, storageOver } from './shared'
import type {
  ChooseImagesResult,
  ChooseLocationResult,
  Coordinates,
  CreditPayload,
  Platform,
  PlatformFlowResult,
} from './types'

// The browser build is the demo and test bed: there is no platform login, credit or payment page, so
// those steps are confirmed in a dialog and the emulated cloud decides the outcome, as the real one would.
const IDENTITY_KEY = 'cabinet.h5.identity'

function queryParam(name: string): string | null {
  const search = window.location.search + '&' + (window.location.hash.split('?')[1] ?? '')
  const match = new RegExp(`[?&]${name}=([^&#]*)`).exec(search)
  return match?.[1] ? decodeURIComponent(match[1]) : null
}

// The demo's shopper picker puts `login_code` in the URL the app opens with; in-app navigation then
// replaces the hash, so the code is kept from launch for a login that happens on a later page.
const launchLoginCode = queryParam('login_code')

// What the platform's own page would be, in the glossary's words, for each kind of credit payload.
const CREDIT_STAND_INS: Record<CreditPayload['kind'], { title: string; action: string }> = {
  wxpay_score_enable: { title: `微信支付分${SERVICE_NAME.creditScore}`, action: '开通微信支付分' },
  wxpay_score_use: { title: `微信支付分${SERVICE_NAME.creditScore}`, action: '确认本次使用微信支付分' },
  wxpay_contract: { title: `微信${SERVICE_NAME.agreement}`, action: '签约微信免密支付' },
  wxpay_deposit: { title: SERVICE_NAME.deposit, action: '用微信支付押金' },
  alipay_sign: { title: `支付宝${SERVICE_NAME.agreement}`, action: '在支付宝签约' },
  alipay_trade: { title: `支付宝${SERVICE_NAME.preauth}`, action: '冻结押金' },
}

async function confirmInDialog(title: string, content: string): Promise<PlatformFlowResult> {
  try {
    const res = await Taro.showModal({ title, content, confirmText: '确认', cancelText: '取消' })
    return res.confirm ? { outcome: 'returned' } : { outcome: 'cancelled' }
  } catch (err) {
    return { outcome: 'failed', detail: errText(err) }
  }
}

// The browser has no map picker (Taro's needs a Tencent Maps key and the network): a sheet offers fixed
// demo points around the saved one, so a demo or a test picks a near or a far point the same way each time.
const METRES_PER_DEGREE_LATITUDE = 111_195
const DEMO_ORIGIN = { latitude: 22.540503, longitude: 113.952731 }
const DEMO_POINTS = [
  { label: '附近点位（向北约150米）', name: '演示点位·北侧', northMetres: 150 },
  { label: '远处点位（向北约3公里）', name: '演示点位·北区', northMetres: 3000 },
]

async function chooseDemoPoint(current?: Coordinates): Promise<ChooseLocationResult> {
  const origin = current ?? DEMO_ORIGIN
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: DEMO_POINTS.map((p) => p.label) })
    const point = DEMO_POINTS[tapIndex]
    if (!point) return { ok: false, reason: 'cancelled' }
    const latitude = Number((origin.latitude + point.northMetres / METRES_PER_DEGREE_LATITUDE).toFixed(6))
    return {
      ok: true,
      location: {
        name: point.name,
        address: `演示地址：原点位向北约${point.northMetres}米`,
        latitude,
        longitude: origin.longitude,
      },
    }
  } catch (err) {
    return { ok: false, reason: /cancel/i.test(errText(err)) ? 'cancelled' : 'failed', detail: errText(err) }
  }
}

const storage = storageOver({
  get: (key) => window.localStorage.getItem(key),
  set: (key, value) => window.localStorage.setItem(key, value),
  remove: (key) => window.localStorage.removeItem(key),
})

export const platform: Platform = {
  name: 'h5',

  getLoginCode: async () => {
    const given = queryParam('login_code') ?? launchLoginCode
    if (given) return given
    let identity = storage.getItem(IDENTITY_KEY)
    if (!identity) {
      identity = `h5:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
      storage.setItem(IDENTITY_KEY, identity)
    }
    return identity
  },

  phoneButtonProps: (onCredential) => ({
    onClick: () => onCredential({ ok: true, platform: 'h5', code: `h5-phone:${Date.now()}` }),
  }),

  getLaunchSource: (pageQuery) => sourceFromWechatQuery(pageQuery),

  onAppShow: (listener) => {
    const handler = () => {
      if (document.visibilityState === 'visible') listener({ source: null, mayBeCreditReturn: true })
    }
    document.addEventListener('visibilitychange', handler)
    return () => document.removeEventListener('visibilitychange', handler)
  },

  scanCabinet: async () => {
    const text = window.prompt('请输入或粘贴柜门二维码内容')
    return text === null ? { ok: false, reason: 'cancelled' } : { ok: true, source: { kind: 'scan', text } }
  },

  authorizeCredit: (payload) => {
    const stand = CREDIT_STAND_INS[payload.kind]
    return confirmInDialog(`${stand.title}（演示）`, `演示环境：确认后模拟${stand.action}，结果以云端为准`)
  },

  pay: () => confirmInDialog('支付（演示）', '演示环境：模拟完成支付，结果以云端为准'),

  openSocket: async (url, handlers) => {
    // The H5 build talks to the origin that served it, so the stream URL may be relative.
    const socket = new WebSocket(new URL(url, window.location.href.replace(/^http/, 'ws')).href)
    socket.onopen = () => handlers.onOpen()
    socket.onmessage = (event) => handlers.onMessage(typeof event.data === 'string' ? event.data : '')
    socket.onclose = (event) => handlers.onClose(event.code, event.reason)
    socket.onerror = () => handlers.onError('websocket error')
    return {
      send: (text) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(text)
      },
      close: () => socket.close(),
    }
  },

  storage,

  makePhoneCall: (phoneNumber) => {
    window.location.href = `tel:${phoneNumber}`
  },

  // A browser has no media picker API: a hidden <input type=file> opens the system's own dialog, and each
  // picked file becomes a blob URL, which Taro's H5 uploadFile reads back into the multipart body.
  chooseImages: (count) =>
    new Promise((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = 'image/jpeg,image/png'
      input.multiple = count > 1
      input.style.display = 'none'
      let settled = false
      const finish = (result: ChooseImagesResult) => {
        if (settled) return
        settled = true
        input.remove()
        resolve(result)
      }
      input.addEventListener('change', () => {
        const files = Array.from(input.files ?? [])
        if (files.length === 0) finish({ ok: false, reason: 'cancelled' })
        else
          finish({
            ok: true,
            images: files.map((f) => ({ path: URL.createObjectURL(f), sizeBytes: f.size })),
          })
      })
      input.addEventListener('cancel', () => finish({ ok: false, reason: 'cancelled' }))
      document.body.appendChild(input)
      input.click()
    }),

  vibrate: () => {
    navigator.vibrate?.(400)
  },

  // A browser has no photo album: the picture is downloaded, to print from the computer or the phone.
  saveImageToAlbum: async (canvas, fileName) => {
    const element = canvas as Partial<HTMLCanvasElement>
    if (typeof element.toDataURL !== 'function')
      return { ok: false, reason: 'failed', detail: 'not a canvas' }
    try {
      const link = document.createElement('a')
      link.href = element.toDataURL('image/png')
      link.download = fileName
      link.style.display = 'none'
      document.body.appendChild(link)
      link.click()
      link.remove()
      return { ok: true }
    } catch (err) {
      return { ok: false, reason: 'failed', detail: errText(err) }
    }
  },

  speak: (text) => {
    if (typeof window.speechSynthesis === 'undefined') return false
    const utterance = new SpeechSynthesisUtterance(text)
    utterance.lang = 'zh-CN'
    window.speechSynthesis.cancel()
    window.speechSynthesis.speak(utterance)
    return true
  },

  windowSize: () => ({ width: window.innerWidth || 375, height: window.innerHeight || 667 }),

  // Only WeChat gates calls behind its privacy guide.
  onPrivacyRequest: () => () => undefined,
  openPrivacyContract: async () => false,
  privacyAgreeButtonProps: (id, onAgree) => ({ id, onClick: onAgree }),

  // The web has no subscribe messages.
  requestSubscribe: async () => ({ ok: false, reason: 'unsupported' }),

  chooseLocation: chooseDemoPoint,

  onNetworkChange: (listener) => {
    const online = () => listener(true)
    const offline = () => listener(false)
    window.addEventListener('online', online)
    window.addEventListener('offline', offline)
    return () => {
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
    }
  },
}
