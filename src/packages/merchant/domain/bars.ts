/**
 * Bar lengths for the CSS charts: each value as a percent of the largest. A value above zero gets at least
 * MIN_VISIBLE_PERCENT so a small day still shows a bar; zero stays zero. Display only: no money is summed.
 */
export const MIN_VISIBLE_PERCENT = 2

export function barPercents(values: readonly number[]): number[] {
  const max = Math.max(0, ...values)
  if (max === 0) return values.map(() => 0)
  return values.map((v) => (v <= 0 ? 0 : Math.max(MIN_VISIBLE_PERCENT, Math.round((v / max) * 100))))
}
