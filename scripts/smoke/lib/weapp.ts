import fs from 'node:fs'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import type * as Simulate from 'miniprogram-simulate'
import type { SmokeCloud } from './cloud'
import { forgetBundle, installGlobals, nodeRequire, step } from './globals'
import { PageStack, declaredPages, type HostedPage } from './pages'
import { CABINET_PAGE, buildRoot } from './paths'
import { newEffects, type Launch, type OpenedPage, type Screen, type ScreenNode } from './screen'
import { createSocketHub } from './sockets'
import { createWx, type LaunchOptions } from './stand-ins'

type Fn = (this: unknown, ...args: unknown[]) => unknown
type Config = Record<string, unknown>

let simulate: typeof Simulate | null = null

/**
 * miniprogram-simulate renders into a DOM: one jsdom document for the whole process, whose Event classes
 * must be the global ones so j-component's synthetic taps can be dispatched on its elements.
 */
function loadSimulate(): typeof Simulate {
  if (simulate) return simulate
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
  installGlobals({
    window,
    document: window.document,
    navigator: window.navigator,
    Event: window.Event,
    CustomEvent: window.CustomEvent,
    TouchEvent: window.TouchEvent,
    Node: window.Node,
    Element: window.Element,
    HTMLElement: window.HTMLElement,
    DocumentFragment: window.DocumentFragment,
    Text: window.Text,
    Comment: window.Comment,
    MutationObserver: window.MutationObserver,
    getComputedStyle: window.getComputedStyle.bind(window),
  })
  // Required only now: it registers its `Component` global and reads `window` when it loads.
  simulate = nodeRequire('miniprogram-simulate') as typeof Simulate
  return simulate
}

function lifecycle(target: Config | null, name: string): Fn {
  const fn = target?.[name]
  if (typeof fn !== 'function') throw new Error(`the compiled output has no ${name} lifecycle`)
  return fn as Fn
}

/** miniprogram-simulate prefixes every class with its component's tag (`main--`, `comp--`). */
function classesOf(el: Element): string[] {
  return [...el.classList].map((c) => c.replace(/^(?:main|comp)--/, ''))
}

type Rendered = ReturnType<typeof Simulate.render>

/** What a shopper sees of one rendered page: its DOM's texts and classed nodes, tapped through j-component. */
function screenOf(rendered: Rendered): Screen {
  const dom = (): HTMLElement => {
    if (!rendered.dom) throw new Error('the page has no DOM')
    return rendered.dom
  }
  return {
    texts: () => {
      const out: string[] = []
      for (const el of [dom(), ...dom().querySelectorAll('*')]) {
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === n.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim()
        if (own) out.push(own)
      }
      return out
    },
    byClass: (name) => {
      const found: ScreenNode[] = []
      for (const el of dom().querySelectorAll('*')) {
        const classes = classesOf(el)
        if (!classes.includes(name)) continue
        const fire = async (event: string) => {
          // Taro's templates give a node the app's own id when it set one (then not found by its sid).
          const sid = el.getAttribute('data-sid')
          const target =
            (sid ? rendered.querySelector(`#${sid}`) : undefined) ?? rendered.querySelector(`.${name}`)
          if (!target) throw new Error(`no node to fire ${event} on for .${name} (data-sid ${String(sid)})`)
          target.dispatchEvent(event)
          await new Promise((resolve) => setTimeout(resolve))
        }
        found.push({
          tag: el.tagName.toLowerCase().replace(/^wx-/, ''),
          classes,
          text: el.textContent ?? '',
          tap: () => fire('tap'),
          trigger: (event) => fire(event),
        })
      }
      return found
    },
  }
}

/**
 * Opens the cabinet page of the WeChat build (dist/weapp) as a 普通链接二维码 scan does: the page query holds
 * `q`, the URL-encoded QR text, plus `scancode_time`. Each page's WXML and Taro's base.wxml templates are
 * compiled by the official `wcc` (miniprogram-simulate with `compiler: 'official'`) and rendered to jsdom;
 * Taro's Page config is hosted as a j-component, so its `setData` and taps go through the real template.
 * wx.navigateTo and friends load further pages the same way onto a page stack.
 */
export async function openWeappPage(cloud: SmokeCloud, launch: Launch): Promise<OpenedPage> {
  const sim = loadSimulate()
  const root = buildRoot('weapp')
  forgetBundle(root)
  const effects = newEffects()
  const launchRoute = launch.page ?? CABINET_PAGE
  const query = launch.page
    ? (launch.query ?? {})
    : { q: encodeURIComponent(launch.qrText ?? ''), scancode_time: '1795147200' }
  const launchOptions: LaunchOptions = {
    path: launchRoute,
    query,
    scene: launch.page ? 1001 : 1011,
    referrerInfo: {},
  }
  const captured: { app: Config | null } = { app: null }
  const sockets = createSocketHub(cloud, launch.socket ?? 'live')
  const gone = { value: false }
  const componentGlobal = (globalThis as unknown as { Component: (definition: Config) => void }).Component

  /** The j-component id of each page's definition (and of Taro's `comp`), compiled once per bundle load. */
  const loaded = new Map<string, string>()
  /**
   * Taro's recursive `comp` component, loaded once before any page. Its module (and each page's) runs once per
   * load of the bundle (webpack's module cache), so a second `sim.load` of it would register nothing; every
   * page is loaded with its `comp` pointed at this one definition instead.
   */
  const loadComp = (): Record<string, string> => {
    if (!fs.existsSync(path.join(root, 'comp.json'))) return {}
    let id = loaded.get('comp')
    if (!id) {
      id = step('loading comp (Taro’s recursive template component)', () =>
        sim.load(path.join(root, 'comp'), 'comp', { compiler: 'official', rootPath: root }),
      )
      loaded.set('comp', id)
    }
    return { comp: id }
  }

  const createPage = (route: string): HostedPage => {
    let id = loaded.get(route)
    if (!id) {
      const usingComponents = loadComp()
      // Compiles the WXML with wcc, then runs the page module (its Page() call registers the definition).
      id = sim.load(path.join(root, route), { compiler: 'official', rootPath: root, usingComponents })
      loaded.set(route, id)
    }
    const rendered = sim.render(id)
    const parent = document.createElement('parent-wrapper')
    document.body.appendChild(parent)
    rendered.attach(parent)
    const instance = rendered.instance as unknown as Config
    Object.assign(instance, { route, __route__: route })
    return {
      route,
      instance,
      screen: screenOf(rendered),
      // WeChat: onLoad (with the page query), onShow, onReady.
      load: (pageQuery) => {
        instance.options = pageQuery
        lifecycle(instance, 'onLoad').call(instance, pageQuery)
        lifecycle(instance, 'onShow').call(instance)
        lifecycle(instance, 'onReady').call(instance)
      },
      show: () => void lifecycle(instance, 'onShow').call(instance),
      hide: () => void lifecycle(instance, 'onHide').call(instance),
      unload: () => {
        lifecycle(instance, 'onUnload').call(instance)
        // Taro's unmount still calls setData on its way out; detach once it is done.
        setTimeout(() => {
          rendered.detach()
          parent.remove()
        }, 20)
      },
    }
  }

  const stack = new PageStack(declaredPages(root), createPage)
  const restore = installGlobals({
    wx: createWx({
      cloud,
      effects,
      launch: launchOptions,
      router: stack,
      sockets,
      gone,
      loginCode: launch.loginCode,
    }),
    App: (config: Config) => void (captured.app = config),
    // A page is a component whose lifecycles are methods (as with WeChat's Component-built pages).
    Page: (config: Config) => {
      const methods: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value
      componentGlobal({ data: config.data ?? {}, methods })
    },
    getApp: () => captured.app,
    getCurrentPages: () => stack.pages.map((p) => p.instance),
    requirePlugin: () => ({}),
  })
  try {
    step('loading app.js', () => nodeRequire(path.join(root, 'app.js')))
    step('launching the app', () => {
      lifecycle(captured.app, 'onLaunch').call(captured.app, launchOptions)
      lifecycle(captured.app, 'onShow').call(captured.app, launchOptions)
    })
    stack.launch(launchRoute, query)

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
