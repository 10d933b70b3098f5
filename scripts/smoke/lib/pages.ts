import fs from 'node:fs'
import path from 'node:path'
import { step } from './globals'
import type { Screen } from './screen'
import type { NavigationKind, PageRouter } from './stand-ins'

/** One page instance a harness created and runs the lifecycles of. */
export interface HostedPage {
  route: string
  /** What getCurrentPages() hands out: the instance whose methods are the page's lifecycles. */
  instance: object
  screen: Screen
  /** onLoad(query), onShow, onReady. */
  load: (query: Record<string, string>) => void
  show: () => void
  hide: () => void
  /** onUnload, then the host's own teardown. */
  unload: () => void
}

/** Creates the page instance of a route (no lifecycle yet). */
export type CreatePage = (route: string) => HostedPage

/** `/pages/shopping/index?a=1` → its route and query (values left encoded, as both platforms hand them). */
export function parsePageUrl(url: string): { route: string; query: Record<string, string> } {
  const [pathPart = '', queryPart = ''] = url.split(/\?(.*)/s)
  const query: Record<string, string> = {}
  for (const pair of queryPart.split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    if (eq < 0) query[pair] = ''
    else query[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  return { route: pathPart.replace(/^\/+/, ''), query }
}

/** The pages app.json declares, subpackages' too: a navigation anywhere else fails, as on the platforms. */
export function declaredPages(root: string): string[] {
  type Sub = { root: string; pages?: string[] }
  const json = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as {
    pages?: string[]
    subPackages?: Sub[]
    subpackages?: Sub[]
  }
  const subs = json.subPackages ?? json.subpackages ?? []
  return [...(json.pages ?? []), ...subs.flatMap((s) => (s.pages ?? []).map((p) => `${s.root}/${p}`))]
}

const MAX_PAGES = 10

/**
 * The platform's page stack, as getCurrentPages() shows it: navigateTo hides the current page and loads the
 * new one on top; redirectTo unloads the current page first; reLaunch unloads them all; navigateBack unloads
 * the top pages and shows the one below. Page loads run inside `step`, so a throw names the page.
 */
export class PageStack implements PageRouter {
  readonly pages: HostedPage[] = []

  constructor(
    private readonly declared: readonly string[],
    private readonly create: CreatePage,
  ) {}

  get current(): HostedPage {
    const page = this.pages[this.pages.length - 1]
    if (!page) throw new Error('no page is open')
    return page
  }

  /** The first page, as a launch opens it. */
  launch(route: string, query: Record<string, string>): HostedPage {
    return this.push(route, query)
  }

  open(kind: NavigationKind, url: string): void {
    const { route, query } = parsePageUrl(url)
    if (!this.declared.includes(route)) throw new Error(`page "${route}" is not in app.json`)
    if (kind === 'navigateTo') {
      if (this.pages.length >= MAX_PAGES) throw new Error(`webview count limit exceed (${MAX_PAGES})`)
      this.pages[this.pages.length - 1]?.hide()
    } else {
      const leaving = kind === 'reLaunch' ? this.pages.length : 1
      for (let i = 0; i < leaving; i++) this.pages.pop()?.unload()
    }
    this.push(route, query)
  }

  back(delta: number): void {
    if (this.pages.length <= 1) throw new Error('cannot navigate back at first page')
    const leaving = Math.min(Math.max(1, delta), this.pages.length - 1)
    for (let i = 0; i < leaving; i++) this.pages.pop()?.unload()
    this.current.show()
  }

  /** Unloads every page, top first (the app is closed). */
  unloadAll(): void {
    while (this.pages.length > 0) this.pages.pop()?.unload()
  }

  /** As on the platforms, the new page is already in getCurrentPages() when its onLoad runs. */
  private push(route: string, query: Record<string, string>): HostedPage {
    const page = step(`loading ${route}`, () => this.create(route))
    this.pages.push(page)
    step(`running the lifecycles of ${route}`, () => page.load(query))
    return page
  }
}
