/**
 * Which rows of a long list of equal-height rows to keep in the page: the ones on screen plus a margin
 * above and below, with spacers standing in for the rest. Pure arithmetic, so the same window serves
 * WeChat, Alipay and H5, whatever scrolls the page.
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
  /** Last row rendered + 1 (exclusive). */
  end: number
  /** Height of the spacer standing in for the rows above `start` (px). */
  padTop: number
  /** Height of the spacer standing in for the rows from `end` on (px). */
  padBottom: number
}

export function rowWindow({
  scrollTop,
  viewportHeight,
  listTop,
  rowHeight,
  count,
  overscan,
}: WindowInput): RowWindow {
  if (count <= 0 || !(rowHeight > 0)) return { start: 0, end: 0, padTop: 0, padBottom: 0 }
  const top = Math.max(0, scrollTop - listTop)
  const firstVisible = Math.min(count - 1, Math.floor(top / rowHeight))
  const visibleRows = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1
  const start = Math.max(0, firstVisible - overscan)
  const end = Math.min(count, firstVisible + visibleRows + overscan)
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight }
}

/** True when the rendered window comes within `threshold` rows of the last loaded row. */
export function nearEnd(window: RowWindow, count: number, threshold: number): boolean {
  return count - window.end <= threshold
}
