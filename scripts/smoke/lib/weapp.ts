import fs from 'node:fs'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import type * as Simulate from 'miniprogram-simulate'
import type { SmokeCloud } from './cloud'
import { installGlobals, nodeRequire, step } from './globals'
import { openApp, pageLifecycles } from './launch'
import type { HostedPage } from './pages'
import { buildRoot } from './paths'
import { readScreen, type Launch, type OpenedPage, type Screen } from './screen'
import { createWx } from './stand-ins'

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
  return readScreen<Element>({
    nodes: () => [dom(), ...dom().querySelectorAll('*')],
    ownTexts: (el) =>
      [...el.childNodes].filter((n) => n.nodeType === n.TEXT_NODE).map((n) => n.textContent ?? ''),
    classes: classesOf,
    toScreenNode: (el, classes, name) => {
      const fire = async (event: string) => {
        // Taro's templates give a node the app's own id when it set one (then not found by its sid).
        const sid = el.getAttribute('data-sid')
        const target =
          (sid ? rendered.querySelector(`#${sid}`) : undefined) ?? rendered.querySelector(`.${name}`)
        if (!target) throw new Error(`no node to fire ${event} on for .${name} (data-sid ${String(sid)})`)
        target.dispatchEvent(event)
        await new Promise((resolve) => setTimeout(resolve))
      }
      return {
        tag: el.tagName.toLowerCase().replace(/^wx-/, ''),
        classes,
        text: el.textContent ?? '',
        tap: () => fire('tap'),
        trigger: (event) => fire(event),
      }
    },
  })
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
  const root = launch.root ?? buildRoot('weapp')
  const recorder = launch.setData
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
    if (recorder) {
      const setData = (instance.setData as (data: unknown, done?: () => void) => void).bind(instance)
      instance.setData = (data: unknown, done?: () => void) => {
        recorder.record(route, data)
        setData(data, done)
      }
    }
    const lifecycles = pageLifecycles(instance)
    return {
      route,
      instance,
      screen: screenOf(rendered),
      ...lifecycles,
      // WeChat hands onLoad the page query, which the page also reads back as `options`.
      load: (pageQuery) => {
        instance.options = pageQuery
        lifecycles.load(pageQuery)
      },
      unload: () => {
        lifecycles.unload()
        // Taro's unmount still calls setData on its way out; detach once it is done.
        setTimeout(() => {
          rendered.detach()
          parent.remove()
        }, 20)
      },
    }
  }

  const query = launch.page
    ? (launch.query ?? {})
    : { q: encodeURIComponent(launch.qrText ?? ''), scancode_time: '1795147200' }
  if (recorder) recorder.launchedAt = performance.now()
  return openApp(cloud, launch, {
    root,
    queries: { launch: query, page: query },
    createPage,
    globals: (context) => ({
      wx: createWx(context),
      // A page is a component whose lifecycles are methods (as with WeChat's Component-built pages).
      Page: (config: Config) => {
        const methods: Record<string, unknown> = {}
        for (const [key, value] of Object.entries(config))
          if (typeof value === 'function') methods[key] = value
        componentGlobal({ data: config.data ?? {}, methods })
      },
    }),
  })
}
