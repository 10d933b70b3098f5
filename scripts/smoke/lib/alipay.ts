import path from 'node:path'
import type { SmokeCloud } from './cloud'
import {
  applySetData,
  isTextNode,
  readBaseTemplates,
  textOf,
  walk,
  type TaroNode,
  type TemplateInfo,
} from './data-tree'
import { forgetBundle, installGlobals, nodeRequire, step } from './globals'
import { PageStack, declaredPages, type HostedPage } from './pages'
import { CABINET_PAGE, buildRoot } from './paths'
import { newEffects, type Launch, type OpenedPage, type Screen, type ScreenNode } from './screen'
import { createSocketHub } from './sockets'
import { createMy, type LaunchOptions } from './stand-ins'

type Fn = (this: unknown, ...args: unknown[]) => unknown
type Config = Record<string, unknown>

interface PageInstance extends Config {
  data: { root?: TaroNode } & Record<string, unknown>
}

function lifecycle(target: Config | null, name: string): Fn {
  const fn = target?.[name]
  if (typeof fn !== 'function') throw new Error(`the compiled output has no ${name} lifecycle`)
  return fn as Fn
}

/** What a shopper sees of one page: Taro's node tree in its data; taps bubble through `eh` as on Alipay. */
function screenOf(instance: PageInstance, templates: Map<string, TemplateInfo>): Screen {
  const tree = (): TaroNode => instance.data.root ?? {}

  const tap = async (target: TaroNode) => {
    const chain = [...walk(tree())].find(([node]) => node === target)
    if (!chain || !target.sid) throw new Error('tapped a node that is no longer on screen')
    const [, ancestors] = chain
    const targetInfo = {
      id: target.uid ?? target.sid,
      dataset: { sid: target.sid },
      targetDataset: { sid: target.sid },
    }
    // The tap bubbles from the node up through every ancestor whose template binds it.
    for (const current of [target, ...ancestors.slice().reverse()]) {
      if (!current.sid || !templates.get(current.nn ?? '')?.tapBound) continue
      await Promise.resolve()
      lifecycle(instance, 'eh').call(instance, {
        type: 'tap',
        timeStamp: Date.now(),
        target: targetInfo,
        currentTarget: { id: current.uid ?? current.sid, dataset: { sid: current.sid } },
        detail: { pageX: 0, pageY: 0, clientX: 0, clientY: 0 },
      })
    }
  }

  return {
    texts: () => {
      const out: string[] = []
      for (const [node] of walk(tree())) {
        if (isTextNode(node)) continue
        const own = (node.cn ?? [])
          .filter(isTextNode)
          .map((t) => t.v)
          .join('')
          .trim()
        if (own) out.push(own)
      }
      return out
    },
    byClass: (name) => {
      const found: ScreenNode[] = []
      for (const [node] of walk(tree())) {
        const classes = typeof node.cl === 'string' ? node.cl.split(/\s+/).filter(Boolean) : []
        if (!classes.includes(name)) continue
        found.push({
          tag: templates.get(node.nn ?? '')?.tag ?? `nn:${node.nn ?? '?'}`,
          classes,
          text: textOf(node),
          tap: () => tap(node),
          trigger: async (event) => {
            throw new Error(`the Alipay stand-in fires taps only, not ${event}`)
          },
        })
      }
      return found
    },
  }
}

/**
 * Opens the cabinet page of the Alipay build (dist/alipay) the way Alipay does for a 关联普通二维码: the QR
 * text only in the app's launch options (`query.qrCode`), the page's own query empty. Stand-in `my`, `App`
 * and `Page` globals carry the bundle; `setData` payloads are applied to a plain data object, and the
 * screen is read from the node tree Taro renders into `root`. my.navigateTo and friends load further pages
 * the same way onto a page stack.
 */
export async function openAlipayPage(cloud: SmokeCloud, launch: Launch): Promise<OpenedPage> {
  const root = buildRoot('alipay')
  const templates = readBaseTemplates(path.join(root, 'base.axml'))
  forgetBundle(root)
  const effects = newEffects()
  const launchRoute = launch.page ?? CABINET_PAGE
  const launchOptions: LaunchOptions = {
    path: launchRoute,
    query: launch.page ? {} : { qrCode: launch.qrText ?? '' },
    scene: launch.page ? 1001 : 1011,
    referrerInfo: {},
  }
  const sockets = createSocketHub(cloud, launch.socket ?? 'live')
  const gone = { value: false }
  // What the bundle hands the App and Page constructors: a page module runs (and calls Page) only once per
  // load of the bundle, so each route's config is kept for every later instance of that page.
  const captured: { app: Config | null; loading: string | null } = { app: null, loading: null }
  const pageConfigs = new Map<string, Config>()

  const createPage = (route: string): HostedPage => {
    if (!pageConfigs.has(route)) {
      captured.loading = route
      try {
        nodeRequire(path.join(root, `${route}.js`))
      } finally {
        captured.loading = null
      }
    }
    const config = pageConfigs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    const instance: PageInstance = Object.assign(Object.create(config) as Config, {
      data: JSON.parse(JSON.stringify(config.data ?? {})) as PageInstance['data'],
      route,
      setData(payload: Record<string, unknown>, callback?: () => void) {
        applySetData(instance.data, payload)
        if (typeof callback === 'function') setTimeout(callback)
      },
    })
    return {
      route,
      instance,
      screen: screenOf(instance, templates),
      // Alipay: onLoad (with the page's own query), onShow, onReady.
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

  const stack = new PageStack(declaredPages(root), createPage)
  const restore = installGlobals({
    my: createMy({
      cloud,
      effects,
      launch: launchOptions,
      router: stack,
      sockets,
      gone,
      loginCode: launch.loginCode,
    }),
    App: (config: Config) => void (captured.app = config),
    Page: (config: Config) => {
      if (!captured.loading) throw new Error('Page() was called outside a page module')
      pageConfigs.set(captured.loading, config)
    },
    getApp: () => captured.app,
    getCurrentPages: () => stack.pages.map((p) => p.instance),
    requirePlugin: () => ({}),
    // Alipay's runtime has a navigator; Taro's Alipay runtime redefines its userAgent at load.
    navigator: { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AlipayClient/10.6.0' },
  })
  try {
    step('loading app.js', () => nodeRequire(path.join(root, 'app.js')))
    step('launching the app', () => {
      lifecycle(captured.app, 'onLaunch').call(captured.app, launchOptions)
      lifecycle(captured.app, 'onShow').call(captured.app, launchOptions)
    })
    // The cabinet page opens with its own, empty, query (the QR is in the launch options); another page
    // with the query it was navigated to with.
    stack.launch(launchRoute, launch.page ? (launch.query ?? {}) : {})

    return {
      screen: {
        texts: () => stack.current.screen.texts(),
        byClass: (name) => stack.current.screen.byClass(name),
      },
      effects,
      routes: () => stack.pages.map((p) => p.route),
      sockets: sockets.records,
      close: async () => {
        try {
          stack.unloadAll()
          await new Promise((resolve) => setTimeout(resolve, 30))
        } finally {
          gone.value = true
          sockets.closeAll()
          restore()
        }
      },
    }
  } catch (err) {
    gone.value = true
    sockets.closeAll()
    restore()
    throw err
  }
}
