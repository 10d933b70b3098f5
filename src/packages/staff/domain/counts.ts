/**
 * Counts a person enters (restock adjustments, stocktakes, corrected order lines): whole units, never
 * negative, never more than the shelf holds. The cloud checks the same rules; the app says so first.
 */
export type CountProblem = 'COUNT_INVALID' | 'COUNT_ABOVE_CAPACITY'

export function countProblem(value: number, capacity: number | null): CountProblem | null {
  if (!Number.isInteger(value) || value < 0) return 'COUNT_INVALID'
  if (capacity !== null && value > capacity) return 'COUNT_ABOVE_CAPACITY'
  return null
}

/** What a count field holds as typed: digits (an optional minus to be refused with a reason), else NaN. */
export function parseCountText(text: string): number {
  const trimmed = text.trim()
  if (!/^-?\d{1,7}$/.test(trimmed)) return Number.NaN
  return Number(trimmed)
}

/** One step of a stepper, kept inside [0, capacity] so the buttons alone can never make a bad count. */
export function stepCount(value: number, step: 1 | -1, capacity: number | null): number {
  const base = Number.isInteger(value) ? value : 0
  const next = base + step
  if (next < 0) return 0
  if (capacity !== null && next > capacity) return Math.max(0, Math.min(base, capacity))
  return next
}

/**
 * A count stepper's two ways in: the buttons step inside [0, capacity]; typed text is handed over as read,
 * to be refused with its reason by `countProblem`.
 */
export function countInput(value: number, capacity: number | null, set: (count: number) => void) {
  return {
    onStep: (step: 1 | -1) => set(stepCount(value, step, capacity)),
    onType: (text: string) => set(parseCountText(text)),
  }
}
