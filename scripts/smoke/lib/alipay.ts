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
import { nodeRequire } from './globals'
import { lifecycle, openApp, pageLifecycles } from './launch'
import type { HostedPage } from './pages'
import { buildRoot } from './paths'
import { readScreen, type Launch, type OpenedPage, type Screen } from './screen'
import { createMy } from './stand-ins'

type Config = Record<string, unknown>

interface PageInstance extends Config {
  data: { root?: TaroNode } & Record<string, unknown>
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

  return readScreen<TaroNode>({
    nodes: () => [...walk(tree())].map(([node]) => node),
    ownTexts: (node) => (isTextNode(node) ? [] : (node.cn ?? []).filter(isTextNode).map((t) => t.v ?? '')),
    classes: (node) => (typeof node.cl === 'string' ? node.cl.split(/\s+/).filter(Boolean) : []),
    toScreenNode: (node, classes) => ({
      tag: templates.get(node.nn ?? '')?.tag ?? `nn:${node.nn ?? '?'}`,
      classes,
      text: textOf(node),
      tap: () => tap(node),
      trigger: async (event) => {
        throw new Error(`the Alipay stand-in fires taps only, not ${event}`)
      },
    }),
  })
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
  // A page module runs (and calls Page) only once per load of the bundle, so each route's config is kept
  // for every later instance of that page.
  const pageConfigs = new Map<string, Config>()
  let loading: string | null = null

  const createPage = (route: string): HostedPage => {
    if (!pageConfigs.has(route)) {
      loading = route
      try {
        nodeRequire(path.join(root, `${route}.js`))
      } finally {
        loading = null
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
    // Alipay hands onLoad the page's own query.
    return { route, instance, screen: screenOf(instance, templates), ...pageLifecycles(instance) }
  }

  return openApp(cloud, launch, {
    root,
    // The cabinet page opens with its own, empty, query (the QR is in the launch options); another page
    // with the query it was navigated to with.
    queries: launch.page
      ? { launch: {}, page: launch.query ?? {} }
      : { launch: { qrCode: launch.qrText ?? '' }, page: {} },
    createPage,
    globals: (context) => ({
      my: createMy(context),
      Page: (config: Config) => {
        if (!loading) throw new Error('Page() was called outside a page module')
        pageConfigs.set(loading, config)
      },
      // Alipay's runtime has a navigator; Taro's Alipay runtime redefines its userAgent at load.
      navigator: { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AlipayClient/10.6.0' },
    }),
  })
}
