/**
 * Which rows of a long list of equal-height rows to keep in the page, and in which of a fixed set of row
 * slots each one sits. Pure arithmetic, so the same window serves WeChat, Alipay and H5, whatever scrolls
 * the page.
 *
 * Why slots: in a mini-program the page's nodes live in the view layer and every change is sent there by
 * setData. Taro sends a changed text or style as one small path, but when a node is removed (or inserted
 * before a sibling) it re-sends its parent's whole children array. A window that drops the row leaving the
 * screen and inserts the one arriving would re-send every rendered row on each step. Instead the window
 * keeps one size, row i always sits in slot i % size, and the slots never move in the tree: a step of the
 * window gives one slot a new row (new texts and a new position) and leaves the others alone.
 */
export interface WindowInput {
  /** How far the page is scrolled (px). */
  scrollTop: number
  /** The height of the screen the list is seen through (px). */
  viewportHeight: number
  /** Where the list starts on the page, measured from the top of the page (px). */
  listTop: number
  rowHeight: number
  count: number
  /** Rows kept beyond each edge of the screen, so a fast flick does not show blank space. */
  overscan: number
}

export interface RowWindow {
  /** First row rendered (inclusive). */
  start: number
  /** Last row rendered + 1 (exclusive). The window's size only changes with the list's length. */
  end: number
}

export function rowWindow({
  scrollTop,
  viewportHeight,
  listTop,
  rowHeight,
  count,
  overscan,
}: WindowInput): RowWindow {
  if (count <= 0 || !(rowHeight > 0)) return { start: 0, end: 0 }
  const top = Math.max(0, scrollTop - listTop)
  const firstVisible = Math.min(count - 1, Math.floor(top / rowHeight))
  const visibleRows = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1
  // At either end of the list the margin the other side is bigger instead, so the size stays the same.
  const size = Math.min(count, visibleRows + 2 * overscan)
  const start = Math.min(Math.max(0, firstVisible - overscan), count - size)
  return { start, end: start + size }
}

/** The window's rows in slot order: slot s holds the row i of the window with i % size === s. */
export function rowsBySlot({ start, end }: RowWindow): number[] {
  const size = end - start
  const rows = new Array<number>(size)
  for (let i = start; i < end; i++) rows[i % size] = i
  return rows
}

/** True when the rendered window comes within `threshold` rows of the last loaded row. */
export function nearEnd(window: RowWindow, count: number, threshold: number): boolean {
  return count - window.end <= threshold
}
