import { FIXTURE, type CloudAnswer, type SmokeCloud } from './cloud'
import { recordingMissing } from './globals'
import type { PlatformEffects } from './screen'
import type { SocketHub, StandInSocket } from './sockets'

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

export type NavigationKind = 'navigateTo' | 'redirectTo' | 'reLaunch'

/** The host's page stack: loads, shows and unloads page instances (throws when it cannot). */
export interface PageRouter {
  open: (kind: NavigationKind, url: string) => void
  back: (delta: number) => void
}

export interface StandInContext {
  cloud: SmokeCloud
  effects: PlatformEffects
  launch: LaunchOptions
  router: PageRouter
  sockets: SocketHub
  /** Set when the page is closed: from then on requests are never answered (the app is gone). */
  gone: { value: boolean }
  /** The login code the platform hands out (default FIXTURE.loginCode). */
  loginCode?: string
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

/**
 * A navigation API: records the call, then on the next tick has the host's page stack load the page
 * (onLoad, onShow, onReady) before `success`, as the platform does; a page that cannot load fails the call.
 */
function navigation(
  ctx: StandInContext,
  kind: NavigationKind | 'navigateBack',
  failure: (message: string) => unknown,
) {
  return (options: Options = {}) => {
    const cb = callbacks(options)
    const label =
      kind === 'navigateBack'
        ? `navigateBack ${Number(options.delta ?? 1)}`
        : `${kind} ${String(options.url)}`
    const index = ctx.effects.navigations.push(label) - 1
    setTimeout(() => {
      try {
        if (kind === 'navigateBack') ctx.router.back(Number(options.delta ?? 1))
        else ctx.router.open(kind, String(options.url))
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        ctx.effects.navigations[index] = `${label} → failed: ${message}`
        const value = failure(`${kind}:fail ${message}`)
        cb.fail(value)
        cb.complete(value)
        return
      }
      const value = { errMsg: `${kind}:ok` }
      cb.success(value)
      cb.complete(value)
    })
  }
}

/** Platform APIs both stand-ins offer the same way. */
function common(ctx: StandInContext, failure: (message: string) => unknown) {
  const storage = new Map<string, unknown>()
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
      navigateTo: navigation(ctx, 'navigateTo', failure),
      redirectTo: navigation(ctx, 'redirectTo', failure),
      reLaunch: navigation(ctx, 'reLaunch', failure),
      navigateBack: navigation(ctx, 'navigateBack', failure),
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

type Settle = (ok: boolean, value: unknown) => void

/**
 * Sends one of the app's requests on to the emulator. `reply` says whether this platform calls the answer
 * a success and in what shape it hands it over; `failure` is what a network error looks like. The
 * callbacks run once, whichever of answer, failure or the platform's abort (the returned settle) comes
 * first. Once the app is gone nothing is sent (null): its requests are never answered.
 */
function forward(
  ctx: StandInContext,
  options: Options,
  headers: unknown,
  reply: (answer: CloudAnswer) => readonly [ok: boolean, value: unknown],
  failure: (err: Error) => unknown,
): Settle | null {
  const cb = callbacks(options)
  let settled = false
  const settle: Settle = (ok, value) => {
    if (settled) return
    settled = true
    ;(ok ? cb.success : cb.fail)(value)
    cb.complete(value)
  }
  if (ctx.gone.value) return null
  ctx.cloud
    .send({
      url: String(options.url),
      method: typeof options.method === 'string' ? options.method : 'GET',
      headers: headers as Record<string, string> | undefined,
      data: options.data,
      dataType: typeof options.dataType === 'string' ? options.dataType : 'json',
    })
    .then(
      (answer) => settle(...reply(answer)),
      (err: Error) => settle(false, failure(err)),
    )
  return settle
}

/** `wx` for the WeChat build: requests go to the emulator and answer with `{statusCode, data, header}`. */
export function createWx(ctx: StandInContext): Record<string, unknown> {
  const { storage, apis } = common(ctx, (errMsg) => ({ errMsg }))
  const { effects } = ctx
  const wx = {
    ...apis,
    login: succeeds(() => {
      effects.loginCodesIssued++
      return { code: ctx.loginCode ?? FIXTURE.loginCode, errMsg: 'login:ok' }
    }),
    request: (options: Options) => {
      const settle = forward(
        ctx,
        options,
        options.header,
        // WeChat succeeds for any HTTP status.
        (answer) => [
          true,
          {
            statusCode: answer.status,
            data: answer.data,
            header: answer.headers,
            cookies: [],
            errMsg: 'request:ok',
          },
        ],
        (err) => ({ errMsg: `request:fail ${err.message}`, errno: 600001 }),
      )
      if (!settle) return { abort: noop }
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
    onNeedPrivacyAuthorization: (listener: (resolve: (answer: unknown) => void) => void) =>
      void effects.privacy.listeners.push(listener),
    openPrivacyContract: succeeds(() => void effects.privacy.guideOpened++),
    scanCode: (options: Options) => callbacks(options).fail({ errMsg: 'scanCode:fail cancel' }),
    openBusinessView: (options: Options) =>
      callbacks(options).fail({ errMsg: 'openBusinessView:fail cancel' }),
    requestPayment: (options: Options) => callbacks(options).fail({ errMsg: 'requestPayment:fail cancel' }),
    connectSocket: (options: Options) => socketTask(ctx, options),
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
  const { storage, apis } = common(ctx, (errorMessage) => ({ error: 3, errorMessage }))
  const { effects } = ctx
  const my = {
    ...apis,
    getAuthCode: succeeds(() => {
      effects.loginCodesIssued++
      return {
        authCode: ctx.loginCode ?? FIXTURE.loginCode,
        authErrorScopes: {},
        authSuccessScopes: ['auth_base'],
      }
    }),
    request: (options: Options) => {
      const settle = forward(
        ctx,
        options,
        options.headers,
        (answer) =>
          answer.status >= 200 && answer.status < 300
            ? [true, { status: answer.status, data: answer.data, headers: answer.headers }]
            : [
                false,
                {
                  error: 19,
                  errorMessage: 'http status error',
                  status: answer.status,
                  data: answer.data,
                  headers: answer.headers,
                },
              ],
        () => ({ error: 12, errorMessage: 'network error' }),
      )
      if (!settle) return { abort: noop }
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
    ...alipaySocket(ctx),
  }
  return recordingMissing(my, effects.missingApis)
}

type Listener = (result: unknown) => void

/** WeChat's wx.connectSocket: a SocketTask per connection, its listeners registered on the task. */
function socketTask(ctx: StandInContext, options: Options) {
  const listeners = {
    open: [] as Listener[],
    message: [] as Listener[],
    close: [] as Listener[],
    error: [] as Listener[],
  }
  const emit = (kind: keyof typeof listeners, value: unknown) => listeners[kind].forEach((l) => l(value))
  const socket = ctx.sockets.connect(String(options.url), {
    onOpen: () => emit('open', { header: {}, profile: {} }),
    onMessage: (text) => emit('message', { data: text }),
    onClose: (code, reason) => emit('close', { code, reason }),
    onError: (message) => emit('error', { errMsg: `connectSocket:fail ${message}` }),
  })
  const cb = callbacks(options)
  setTimeout(() => {
    const value = { errMsg: 'connectSocket:ok' }
    cb.success(value)
    cb.complete(value)
  })
  const on = (kind: keyof typeof listeners) => (listener: Listener) => void listeners[kind].push(listener)
  return {
    onOpen: on('open'),
    onMessage: on('message'),
    onClose: on('close'),
    onError: on('error'),
    send: (o: Options) => {
      socket.send(String(o.data))
      callbacks(o).success({ errMsg: 'sendSocketMessage:ok' })
    },
    close: (o: Options = {}) => {
      socket.close(
        typeof o.code === 'number' ? o.code : undefined,
        typeof o.reason === 'string' ? o.reason : undefined,
      )
      callbacks(o).success({ errMsg: 'closeSocket:ok' })
    },
  }
}

/**
 * Alipay's one socket: my.connectSocket with the global my.onSocketOpen/offSocketOpen… listeners. A new
 * connectSocket replaces the old connection, which then reports nothing more.
 */
function alipaySocket(ctx: StandInContext) {
  const listeners = {
    open: new Set<Listener>(),
    message: new Set<Listener>(),
    close: new Set<Listener>(),
    error: new Set<Listener>(),
  }
  type Kind = keyof typeof listeners
  const emit = (kind: Kind, value: unknown) => [...listeners[kind]].forEach((l) => l(value))
  /** The connection that owns the global listeners; a replaced one reports nothing more. */
  let current: { socket: StandInSocket } | null = null
  const on = (kind: Kind) => (listener: Listener) => void listeners[kind].add(listener)
  const off = (kind: Kind) => (listener?: Listener) =>
    void (listener ? listeners[kind].delete(listener) : listeners[kind].clear())
  return {
    connectSocket: (options: Options) => {
      current?.socket.close()
      const connection: { socket: StandInSocket } = { socket: { send: noop, close: noop } }
      const live = () => current === connection
      connection.socket = ctx.sockets.connect(String(options.url), {
        onOpen: () => live() && emit('open', {}),
        onMessage: (text) => live() && emit('message', { data: text, isBuffer: false }),
        onClose: (code, reason) => {
          if (!live()) return
          current = null
          emit('close', { code, reason })
        },
        onError: (message) => live() && emit('error', { error: 1, errorMessage: message }),
      })
      current = connection
      const cb = callbacks(options)
      setTimeout(() => {
        cb.success({})
        cb.complete({})
      })
    },
    onSocketOpen: on('open'),
    offSocketOpen: off('open'),
    onSocketMessage: on('message'),
    offSocketMessage: off('message'),
    onSocketClose: on('close'),
    offSocketClose: off('close'),
    onSocketError: on('error'),
    offSocketError: off('error'),
    sendSocketMessage: (options: Options) => {
      current?.socket.send(String(options.data))
      callbacks(options).success({})
    },
    closeSocket: (options: Options = {}) => {
      current?.socket.close()
      callbacks(options).success({})
    },
  }
}
