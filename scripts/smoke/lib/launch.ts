import path from 'node:path'
import type { SmokeCloud } from './cloud'
import { forgetBundle, installGlobals, nodeRequire, step } from './globals'
import { PageStack, declaredPages, type CreatePage, type HostedPage } from './pages'
import { CABINET_PAGE } from './paths'
import { newEffects, type Launch, type OpenedPage } from './screen'
import { createSocketHub } from './sockets'
import type { LaunchOptions, StandInContext } from './stand-ins'

type Fn = (this: unknown, ...args: unknown[]) => unknown
type Config = Record<string, unknown>

/** A lifecycle method of the compiled App or Page config; its absence means the build is broken. */
export function lifecycle(target: Config | null, name: string): Fn {
  const fn = target?.[name]
  if (typeof fn !== 'function') throw new Error(`the compiled output has no ${name} lifecycle`)
  return fn as Fn
}

/** The lifecycles the page stack runs on a page instance: on load onLoad (with its query), onShow, onReady. */
export function pageLifecycles(instance: Config): Pick<HostedPage, 'load' | 'show' | 'hide' | 'unload'> {
  return {
    load: (query) => {
      lifecycle(instance, 'onLoad').call(instance, query)
      lifecycle(instance, 'onShow').call(instance)
      lifecycle(instance, 'onReady').call(instance)
    },
    show: () => void lifecycle(instance, 'onShow').call(instance),
    hide: () => void lifecycle(instance, 'onHide').call(instance),
    unload: () => void lifecycle(instance, 'onUnload').call(instance),
  }
}

/** What differs between the platforms' hosts of a compiled bundle. */
export interface PlatformHost {
  /** The build's folder (dist/weapp, dist/alipay). */
  root: string
  /** The launch options' query and the first page's own query, as this platform hands them for `launch`. */
  queries: { launch: Record<string, string>; page: Record<string, string> }
  createPage: CreatePage
  /** This platform's globals: its API object on the stand-ins' context, its `Page`, whatever else it reads. */
  globals: (context: StandInContext) => Record<string, unknown>
}

/**
 * Launches a compiled bundle the way both platforms do: a cold app (its modules forgotten), the platform's
 * globals in, app.js run, onLaunch and onShow with the launch options, then the first page on the stack.
 * If any of it throws, the globals and sockets are taken down before the error goes on, so a broken build
 * leaves nothing behind for the next case.
 */
export function openApp(cloud: SmokeCloud, launch: Launch, host: PlatformHost): OpenedPage {
  forgetBundle(host.root)
  const effects = newEffects()
  const launchOptions: LaunchOptions = {
    path: launch.page ?? CABINET_PAGE,
    query: host.queries.launch,
    scene: launch.page ? 1001 : 1011,
    referrerInfo: {},
  }
  const sockets = createSocketHub(cloud, launch.socket ?? 'live')
  const gone = { value: false }
  const captured: { app: Config | null } = { app: null }
  const stack = new PageStack(declaredPages(host.root), host.createPage)
  const restore = installGlobals({
    ...host.globals({
      cloud,
      effects,
      launch: launchOptions,
      router: stack,
      sockets,
      gone,
      loginCode: launch.loginCode,
    }),
    App: (config: Config) => void (captured.app = config),
    getApp: () => captured.app,
    getCurrentPages: () => stack.pages.map((p) => p.instance),
    requirePlugin: () => ({}),
  })
  const teardown = () => {
    gone.value = true
    sockets.closeAll()
    restore()
  }
  try {
    step('loading app.js', () => nodeRequire(path.join(host.root, 'app.js')))
    step('launching the app', () => {
      lifecycle(captured.app, 'onLaunch').call(captured.app, launchOptions)
      lifecycle(captured.app, 'onShow').call(captured.app, launchOptions)
    })
    stack.launch(launchOptions.path, host.queries.page)

    return {
      screen: {
        texts: () => stack.current.screen.texts(),
        byClass: (name) => stack.current.screen.byClass(name),
      },
      effects,
      routes: () => stack.pages.map((p) => p.route),
      instance: () => stack.current.instance as Record<string, unknown>,
      sockets: sockets.records,
      close: async () => {
        try {
          stack.unloadAll()
          // Lets the unmount's last setData calls land before the globals go.
          await new Promise((resolve) => setTimeout(resolve, 30))
        } finally {
          teardown()
        }
      },
    }
  } catch (err) {
    teardown()
    throw err
  }
}
