import type { SetDataRecorder } from './setdata'
import type { SocketRecord } from './sockets'

/** What a shopper sees on a rendered page, the same for both platforms whatever renders it. */
export interface ScreenNode {
  /** The mini-program component: `view`, `text`, `button`, `image`… */
  tag: string
  /** Class names as written in the app's source (no platform prefix). */
  classes: string[]
  /** All text inside, in document order. */
  text: string
  /** Taps this node as a finger would, letting the platform's event reach Taro. */
  tap: () => Promise<void>
  /** Fires another of the component's own events (e.g. a button's `agreeprivacyauthorization`); WeChat only. */
  trigger: (event: string) => Promise<void>
}

export interface Screen {
  /** The text of every node that holds text directly, trimmed, in document order. */
  texts: () => string[]
  /** Nodes carrying a class name, in document order. */
  byClass: (name: string) => ScreenNode[]
}

/** A platform's rendered page as the questions a Screen asks of it, whatever holds it (a DOM, Taro's data). */
export interface RenderedTree<N> {
  /** Every node, in document order. */
  nodes: () => Iterable<N>
  /** The texts a node holds directly (not its children's). */
  ownTexts: (node: N) => string[]
  /** Its class names as written in the app's source. */
  classes: (node: N) => string[]
  /** The node as a test handles it, found by the class name `lookedUpBy`. */
  toScreenNode: (node: N, classes: string[], lookedUpBy: string) => ScreenNode
}

export function readScreen<N>(tree: RenderedTree<N>): Screen {
  return {
    texts: () => {
      const out: string[] = []
      for (const node of tree.nodes()) {
        const own = tree.ownTexts(node).join('').trim()
        if (own) out.push(own)
      }
      return out
    },
    byClass: (name) => {
      const found: ScreenNode[] = []
      for (const node of tree.nodes()) {
        const classes = tree.classes(node)
        if (classes.includes(name)) found.push(tree.toScreenNode(node, classes, name))
      }
      return found
    },
  }
}

/** What the app asked of the platform that a shopper notices: toasts, phone calls, page changes. */
export interface PlatformEffects {
  toasts: string[]
  phoneCalls: string[]
  /** Every navigation API call as `navigateTo /pages/…`, with ` → failed: …` when it did not happen. */
  navigations: string[]
  loginCodesIssued: number
  /** Platform APIs the bundle reached for that the stand-in lacks (debugging aid). */
  missingApis: Set<string>
  /** WeChat's privacy check: the app's listeners, the answers given to held calls, guide openings. */
  privacy: { listeners: ((resolve: (answer: unknown) => void) => void)[]; guideOpened: number }
}

export function newEffects(): PlatformEffects {
  return {
    toasts: [],
    phoneCalls: [],
    navigations: [],
    loginCodesIssued: 0,
    missingApis: new Set(),
    privacy: { listeners: [], guideOpened: 0 },
  }
}

/**
 * What the platform's WebSocket does for the app: `live` connects to the emulator's real stream, `refused`
 * fails every connection (as a network that blocks WebSockets does), so the app has to poll.
 */
export type SocketPolicy = 'live' | 'refused'

/**
 * How a page was opened: from the text of the cabinet QR the shopper scanned, or (`page`) straight onto
 * another page with its query, as a navigation from the home page would; and the network's sockets.
 */
export interface Launch {
  qrText?: string
  /** A route of app.json to open instead of the cabinet page (its query in `query`). */
  page?: string
  query?: Record<string, string>
  /** The fixture user the platform login signs in as (default the happy shopper). */
  loginCode?: string
  /** Default `live`. */
  socket?: SocketPolicy
  /** Records every page's setData (the WeChat host only). */
  setData?: SetDataRecorder
  /** Another compiled app to launch instead of dist/<platform> (the bench's minimal app; WeChat only). */
  root?: string
}

export interface OpenedPage {
  /** The page on top of the stack (the one the shopper sees), read afresh on every call. */
  screen: Screen
  effects: PlatformEffects
  /** The routes of the page stack, bottom first, as getCurrentPages() has them. */
  routes: () => string[]
  /** Every WebSocket the app opened through the platform, in order. */
  sockets: SocketRecord[]
  /** Unloads every page, closes the sockets and puts the platform globals back. */
  close: () => Promise<void>
  /** The page on top as the platform holds it (to call a lifecycle such as onPageScroll). */
  instance: () => Record<string, unknown>
}

export type OpenPage = (launch: Launch) => Promise<OpenedPage>

/** Polls until `check` returns a value (not undefined/false) or the time runs out. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  describe: () => string,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = check()
    if (value !== undefined && value !== false) return value
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
