import type { CartLine } from '@/api/types'

/** A line of the live cart as the open door's screen lists it. */
export interface ShownLine {
  /** The cloud's line; for a product put back, the last line the cloud sent for it. */
  line: CartLine
  /** Taken and then all put back: listed as 已放回 until the door closes. */
  putBack: boolean
}

/**
 * The live cart's lines in the order first seen while the door is open, a product put back kept where it
 * was and marked instead of leaving. The shopper sees the put-back counted rather than a line vanishing;
 * and in a mini-program a list that only changes in place or grows at its end is sent to the view layer
 * as small paths, while removing a line makes Taro re-send every line.
 */
export function keepPutBack(shown: readonly ShownLine[], lines: readonly CartLine[]): ShownLine[] {
  const current = new Map(lines.map((line) => [line.productId, line]))
  const kept = shown.map((s): ShownLine => {
    const line = current.get(s.line.productId)
    return line ? { line, putBack: false } : { line: s.line, putBack: true }
  })
  const listed = new Set(shown.map((s) => s.line.productId))
  for (const line of lines) if (!listed.has(line.productId)) kept.push({ line, putBack: false })
  return kept
}
