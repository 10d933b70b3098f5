import path from 'node:path'
import { JSDOM } from 'jsdom'
import type * as Simulate from 'miniprogram-simulate'
import type { SmokeCloud } from './cloud'
import { forgetBundle, installGlobals, nodeRequire, step } from './globals'
import { CABINET_PAGE, buildRoot } from './paths'
import { newEffects, type Launch, type OpenedPage, type Screen, type ScreenNode } from './screen'
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

/**
 * Opens the cabinet page of the WeChat build (dist/weapp) as a 普通链接二维码 scan does: the page query holds
 * `q`, the URL-encoded QR text, plus `scancode_time`. The page's WXML and Taro's base.wxml templates are
 * compiled by the official `wcc` (miniprogram-simulate with `compiler: 'official'`) and rendered to jsdom;
 * Taro's Page config is hosted as a j-component, so its `setData` and taps go through the real template.
 */
export async function openWeappPage(cloud: SmokeCloud, launch: Launch): Promise<OpenedPage> {
  const sim = loadSimulate()
  const root = buildRoot('weapp')
  forgetBundle(root)
  const effects = newEffects()
  const query = { q: encodeURIComponent(launch.qrText), scancode_time: '1795147200' }
  const launchOptions: LaunchOptions = { path: CABINET_PAGE, query, scene: 1011, referrerInfo: {} }
  const captured: { app: Config | null; page: Config | null } = { app: null, page: null }
  const componentGlobal = (globalThis as unknown as { Component: (definition: Config) => void }).Component
  const restore = installGlobals({
    wx: createWx({ cloud, effects, launch: launchOptions }),
    App: (config: Config) => void (captured.app = config),
    // A page is a component whose lifecycles are methods (as with WeChat's Component-built pages).
    Page: (config: Config) => {
      const methods: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value
      componentGlobal({ data: config.data ?? {}, methods })
    },
    getApp: () => captured.app,
    getCurrentPages: () => (captured.page ? [captured.page] : []),
    requirePlugin: () => ({}),
  })
  try {
    step('loading app.js', () => nodeRequire(path.join(root, 'app.js')))
    step('launching the app', () => {
      lifecycle(captured.app, 'onLaunch').call(captured.app, launchOptions)
      lifecycle(captured.app, 'onShow').call(captured.app, launchOptions)
    })

    // Compiles the WXML with wcc, then runs comp.js (Taro's recursive template component) and the page.
    const id = step(`loading ${CABINET_PAGE} with its components`, () =>
      sim.load(path.join(root, CABINET_PAGE), { compiler: 'official', rootPath: root }),
    )
    const rendered = sim.render(id)
    const parent = document.createElement('parent-wrapper')
    document.body.appendChild(parent)
    rendered.attach(parent)
    const instance = rendered.instance as unknown as Config
    Object.assign(instance, { route: CABINET_PAGE, __route__: CABINET_PAGE, options: query })
    captured.page = instance
    // WeChat: onLoad (with the page query), onShow, onReady.
    step('loading the page', () => {
      lifecycle(instance, 'onLoad').call(instance, query)
      lifecycle(instance, 'onShow').call(instance)
      lifecycle(instance, 'onReady').call(instance)
    })

    const dom = (): HTMLElement => {
      if (!rendered.dom) throw new Error('the page has no DOM')
      return rendered.dom
    }

    const screen: Screen = {
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
          found.push({
            tag: el.tagName.toLowerCase().replace(/^wx-/, ''),
            classes,
            text: el.textContent ?? '',
            tap: async () => {
              const sid = el.getAttribute('data-sid')
              const target = sid ? rendered.querySelector(`#${sid}`) : undefined
              if (!target) throw new Error(`no tappable node for .${name} (data-sid ${String(sid)})`)
              target.dispatchEvent('tap')
              await new Promise((resolve) => setTimeout(resolve))
            },
          })
        }
        return found
      },
    }

    return {
      screen,
      effects,
      close: async () => {
        try {
          lifecycle(instance, 'onUnload').call(instance)
          await new Promise((resolve) => setTimeout(resolve, 20))
          rendered.detach()
          parent.remove()
        } finally {
          restore()
        }
      },
    }
  } catch (err) {
    restore()
    throw err
  }
}
