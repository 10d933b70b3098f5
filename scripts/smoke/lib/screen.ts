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
}

export interface Screen {
  /** The text of every node that holds text directly, trimmed, in document order. */
  texts: () => string[]
  /** Nodes carrying a class name, in document order. */
  byClass: (name: string) => ScreenNode[]
}

/** What the app asked of the platform that a shopper notices: toasts, phone calls, page changes. */
export interface PlatformEffects {
  toasts: string[]
  phoneCalls: string[]
  navigations: string[]
  loginCodesIssued: number
  /** Platform APIs the bundle reached for that the stand-in lacks (debugging aid). */
  missingApis: Set<string>
}

export function newEffects(): PlatformEffects {
  return { toasts: [], phoneCalls: [], navigations: [], loginCodesIssued: 0, missingApis: new Set() }
}

/** How a page was opened: the text of the cabinet QR the shopper scanned. */
export interface Launch {
  qrText: string
}

export interface OpenedPage {
  screen: Screen
  effects: PlatformEffects
  /** Unloads the page and puts the platform globals back. */
  close: () => Promise<void>
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
