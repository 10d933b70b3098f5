import { FIXTURE, type SmokeCloud } from './cloud'
import { recordingMissing } from './globals'
import type { PlatformEffects } from './screen'

type Options = Record<string, unknown>
type Callback = (result: unknown) => void

function callbacks(options: Options) {
  const pick = (key: string): Callback => {
    const fn = options[key]
    return typeof fn === 'function' ? (fn as Callback) : () => undefined
  }
  return { success: pick('success'), fail: pick('fail'), complete: pick('complete') }
}

/** An async platform API that succeeds on the next tick, as the real ones do. */
function succeeds(result: (options: Options) => unknown = () => ({})) {
  return (options: Options = {}) => {
    const cb = callbacks(options)
    setTimeout(() => {
      const value = result(options)
      cb.success(value)
      cb.complete(value)
    })
  }
}

function noop(): void {}

export interface LaunchOptions {
  path: string
  query: Record<string, string>
  scene: number
  referrerInfo: Record<string, unknown>
}

interface StandInContext {
  cloud: SmokeCloud
  effects: PlatformEffects
  launch: LaunchOptions
}

const SYSTEM_INFO = {
  brand: 'smoke',
  model: 'smoke',
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 724,
  statusBarHeight: 44,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.0',
  platform: 'ios',
  SDKVersion: '3.5.0',
}

/** Platform APIs both stand-ins offer the same way. */
function common(ctx: StandInContext) {
  const storage = new Map<string, unknown>()
  const { effects } = ctx
  return {
    storage,
    apis: {
      canIUse: () => true,
      getSystemInfoSync: () => ({ ...SYSTEM_INFO }),
      getSystemInfo: succeeds(() => ({ ...SYSTEM_INFO })),
      getWindowInfo: () => ({ ...SYSTEM_INFO }),
      getLaunchOptionsSync: () => structuredClone(ctx.launch),
      getEnterOptionsSync: () => structuredClone(ctx.launch),
      onAppShow: noop,
      offAppShow: noop,
      onAppHide: noop,
      offAppHide: noop,
      onError: noop,
      offError: noop,
      onUnhandledRejection: noop,
      offUnhandledRejection: noop,
      onNetworkStatusChange: noop,
      offNetworkStatusChange: noop,
      getNetworkType: succeeds(() => ({ networkType: 'wifi' })),
      hideToast: succeeds(),
      showLoading: succeeds(),
      hideLoading: succeeds(),
      stopPullDownRefresh: succeeds(),
      startPullDownRefresh: succeeds(),
      setNavigationBarTitle: succeeds(),
      vibrateLong: succeeds(),
      vibrateShort: succeeds(),
      nextTick: (fn: () => void) => setTimeout(fn),
      navigateTo: succeeds((o) => effects.navigations.push(`navigateTo ${String(o.url)}`)),
      redirectTo: succeeds((o) => effects.navigations.push(`redirectTo ${String(o.url)}`)),
      reLaunch: succeeds((o) => effects.navigations.push(`reLaunch ${String(o.url)}`)),
      navigateBack: succeeds(() => effects.navigations.push('navigateBack')),
      createSelectorQuery: () => {
        const query = {
          in: () => query,
          select: () => query,
          selectAll: () => query,
          selectViewport: () => query,
          boundingClientRect: () => query,
          scrollOffset: () => query,
          fields: () => query,
          exec: (cb?: (result: unknown[]) => void) => setTimeout(() => cb?.([])),
        }
        return query
      },
    },
  }
}

/** `wx` for the WeChat build: requests go to the emulator and answer with `{statusCode, data, header}`. */
export function createWx(ctx: StandInContext): Record<string, unknown> {
  const { storage, apis } = common(ctx)
  const { cloud, effects } = ctx
  const wx = {
    ...apis,
    login: succeeds(() => {
      effects.loginCodesIssued++
      return { code: FIXTURE.loginCode, errMsg: 'login:ok' }
    }),
    request: (options: Options) => {
      const cb = callbacks(options)
      let settled = false
      const settle = (ok: boolean, value: unknown) => {
        if (settled) return
        settled = true
        ;(ok ? cb.success : cb.fail)(value)
        cb.complete(value)
      }
      cloud
        .send({
          url: String(options.url),
          method: typeof options.method === 'string' ? options.method : 'GET',
          headers: options.header as Record<string, string> | undefined,
          data: options.data,
          dataType: typeof options.dataType === 'string' ? options.dataType : 'json',
        })
        .then(
          // WeChat succeeds for any HTTP status.
          (answer) =>
            settle(true, {
              statusCode: answer.status,
              data: answer.data,
              header: answer.headers,
              cookies: [],
              errMsg: 'request:ok',
            }),
          (err: Error) => settle(false, { errMsg: `request:fail ${err.message}`, errno: 600001 }),
        )
      return {
        abort: () => settle(false, { errMsg: 'request:fail abort', errno: 600003 }),
        onHeadersReceived: noop,
        offHeadersReceived: noop,
        onChunkReceived: noop,
        offChunkReceived: noop,
      }
    },
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    showToast: succeeds((o) => effects.toasts.push(String(o.title))),
    showModal: succeeds((o) => {
      effects.toasts.push(`modal: ${String(o.title)} ${String(o.content)}`)
      return { confirm: false, cancel: true }
    }),
    makePhoneCall: succeeds((o) => effects.phoneCalls.push(String(o.phoneNumber))),
    scanCode: (options: Options) => callbacks(options).fail({ errMsg: 'scanCode:fail cancel' }),
    openBusinessView: (options: Options) =>
      callbacks(options).fail({ errMsg: 'openBusinessView:fail cancel' }),
    requestPayment: (options: Options) => callbacks(options).fail({ errMsg: 'requestPayment:fail cancel' }),
    connectSocket: () => ({
      onOpen: noop,
      onMessage: noop,
      onClose: noop,
      onError: noop,
      send: noop,
      close: noop,
    }),
    getMenuButtonBoundingClientRect: () => ({
      top: 48,
      bottom: 80,
      left: 281,
      right: 368,
      width: 87,
      height: 32,
    }),
  }
  return recordingMissing(wx, effects.missingApis)
}

/**
 * `my` for the Alipay build. `my.request` succeeds only for 2xx with `{status, data, headers}` and fails with
 * `{error: 19, …}` otherwise; storage takes and returns objects.
 */
export function createMy(ctx: StandInContext): Record<string, unknown> {
  const { storage, apis } = common(ctx)
  const { cloud, effects } = ctx
  const my = {
    ...apis,
    getAuthCode: succeeds(() => {
      effects.loginCodesIssued++
      return { authCode: FIXTURE.loginCode, authErrorScopes: {}, authSuccessScopes: ['auth_base'] }
    }),
    request: (options: Options) => {
      const cb = callbacks(options)
      let settled = false
      const settle = (ok: boolean, value: unknown) => {
        if (settled) return
        settled = true
        ;(ok ? cb.success : cb.fail)(value)
        cb.complete(value)
      }
      cloud
        .send({
          url: String(options.url),
          method: typeof options.method === 'string' ? options.method : 'GET',
          headers: options.headers as Record<string, string> | undefined,
          data: options.data,
          dataType: typeof options.dataType === 'string' ? options.dataType : 'json',
        })
        .then(
          (answer) =>
            answer.status >= 200 && answer.status < 300
              ? settle(true, { status: answer.status, data: answer.data, headers: answer.headers })
              : settle(false, {
                  error: 19,
                  errorMessage: 'http status error',
                  status: answer.status,
                  data: answer.data,
                  headers: answer.headers,
                }),
          () => settle(false, { error: 12, errorMessage: 'network error' }),
        )
      return { abort: () => settle(false, { error: 9, errorMessage: 'request aborted' }) }
    },
    getStorageSync: ({ key }: { key: string }) => ({ data: storage.has(key) ? storage.get(key) : null }),
    setStorageSync: ({ key, data }: { key: string; data: unknown }) => void storage.set(key, data),
    removeStorageSync: ({ key }: { key: string }) => void storage.delete(key),
    showToast: succeeds((o) => effects.toasts.push(String(o.content ?? o.title))),
    confirm: succeeds((o) => {
      effects.toasts.push(`modal: ${String(o.title)} ${String(o.content)}`)
      return { confirm: false }
    }),
    alert: succeeds((o) => effects.toasts.push(`alert: ${String(o.title)} ${String(o.content)}`)),
    makePhoneCall: succeeds((o) => effects.phoneCalls.push(String(o.number))),
    scan: (options: Options) => callbacks(options).fail({ error: 10, errorMessage: 'user cancelled' }),
    tradePay: (options: Options) => callbacks(options).success({ resultCode: '6001' }),
    paySignCenter: (options: Options) => callbacks(options).success({ resultStatus: '6001' }),
    getPhoneNumber: (options: Options) => callbacks(options).fail({ error: 11, errorMessage: 'user denied' }),
    connectSocket: noop,
    onSocketOpen: noop,
    offSocketOpen: noop,
    onSocketMessage: noop,
    offSocketMessage: noop,
    onSocketClose: noop,
    offSocketClose: noop,
    onSocketError: noop,
    offSocketError: noop,
    sendSocketMessage: noop,
    closeSocket: noop,
  }
  return recordingMissing(my, effects.missingApis)
}
