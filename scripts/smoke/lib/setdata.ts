/**
 * What a page sends from the mini-program's logic layer to its view layer: every `setData`, with its size
 * as WeChat counts it (the JSON of the data, in UTF-8 bytes). The compiled WeChat host wraps each page's
 * `setData` with `record` when a launch carries a recorder.
 */
export interface SetDataCall {
  route: string
  /** performance.now() when the call was made. */
  at: number
  bytes: number
  /** The data paths this call set (Taro sends paths such as `root.cn.[0].cn.[2].v`). */
  paths: string[]
  /** What each path was set to, in the order of `paths`. */
  values: unknown[]
}

export class SetDataRecorder {
  readonly calls: SetDataCall[] = []
  /** performance.now() just before the app's code was loaded. */
  launchedAt: number | null = null

  record(route: string, data: unknown): void {
    const json = JSON.stringify(data ?? {})
    this.calls.push({
      route,
      at: performance.now(),
      bytes: Buffer.byteLength(json, 'utf8'),
      paths: data && typeof data === 'object' ? Object.keys(data) : [],
      values: data && typeof data === 'object' ? Object.values(data) : [],
    })
  }

  /** A position to measure from: `since(mark)` is what came after it. */
  mark(): number {
    return this.calls.length
  }

  since(mark: number, route?: string): SetDataCall[] {
    return this.calls.slice(mark).filter((c) => route === undefined || c.route === route)
  }

  /** The routes that sent anything, in the order they first did. */
  routes(): string[] {
    return [...new Set(this.calls.map((c) => c.route))]
  }
}

/** Calls and kilobytes of a run of setData calls. */
export function totals(calls: SetDataCall[]): { calls: number; kb: number } {
  const bytes = calls.reduce((sum, c) => sum + c.bytes, 0)
  return { calls: calls.length, kb: Math.round((bytes / 1024) * 100) / 100 }
}
