import path from 'node:path'
import type { SmokeCloud } from './cloud'
import { applySetData, isTextNode, readBaseTemplates, textOf, walk, type TaroNode } from './data-tree'
import { forgetBundle, installGlobals, nodeRequire, step } from './globals'
import { CABINET_PAGE, buildRoot } from './paths'
import { newEffects, type Launch, type OpenedPage, type Screen, type ScreenNode } from './screen'
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

/**
 * Opens the cabinet page of the Alipay build (dist/alipay) the way Alipay does for a 关联普通二维码: the QR
 * text only in the app's launch options (`query.qrCode`), the page's own query empty. Stand-in `my`, `App`
 * and `Page` globals carry the bundle; `setData` payloads are applied to a plain data object, and the
 * screen is read from the node tree Taro renders into `root`.
 */
export async function openAlipayPage(cloud: SmokeCloud, launch: Launch): Promise<OpenedPage> {
  const root = buildRoot('alipay')
  const templates = readBaseTemplates(path.join(root, 'base.axml'))
  forgetBundle(root)
  const effects = newEffects()
  const launchOptions: LaunchOptions = {
    path: CABINET_PAGE,
    query: { qrCode: launch.qrText },
    scene: 1011,
    referrerInfo: {},
  }
  // What the bundle hands the App and Page constructors, and the page instance built from it.
  const captured: { app: Config | null; pageConfig: Config | null; page: PageInstance | null } = {
    app: null,
    pageConfig: null,
    page: null,
  }
  const restore = installGlobals({
    my: createMy({ cloud, effects, launch: launchOptions }),
    App: (config: Config) => void (captured.app = config),
    Page: (config: Config) => void (captured.pageConfig = config),
    getApp: () => captured.app,
    getCurrentPages: () => (captured.page ? [captured.page] : []),
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

    step(`loading ${CABINET_PAGE}.js`, () => nodeRequire(path.join(root, `${CABINET_PAGE}.js`)))
    const config = captured.pageConfig
    if (!config) throw new Error(`${CABINET_PAGE}.js did not call Page()`)
    const instance: PageInstance = Object.assign(Object.create(config) as Config, {
      data: JSON.parse(JSON.stringify(config.data ?? {})) as PageInstance['data'],
      route: CABINET_PAGE,
      setData(payload: Record<string, unknown>, callback?: () => void) {
        applySetData(instance.data, payload)
        if (typeof callback === 'function') setTimeout(callback)
      },
    })
    captured.page = instance
    // Alipay: onLoad (with the page's own, empty, query), onShow, onReady.
    step('loading the page', () => {
      lifecycle(instance, 'onLoad').call(instance, {})
      lifecycle(instance, 'onShow').call(instance)
      lifecycle(instance, 'onReady').call(instance)
    })

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

    const screen: Screen = {
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
