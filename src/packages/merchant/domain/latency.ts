// Per-cabinet service latency (scan → door open, door close → receipt) as the merchant reads it.
import type { DeviceLatency } from '@/api/types'

/** The app's own budgets (DESIGN §6): a cabinet above them is one shoppers wait for. */
export const OPEN_BUDGET_MS = 900
export const SETTLE_BUDGET_MS = 1500

/** The worse of a cabinet's two p95 figures relative to its budget; null without sessions. */
function lateness(row: DeviceLatency): number | null {
  const parts = [
    row.openP95Ms === null ? null : row.openP95Ms / OPEN_BUDGET_MS,
    row.settleP95Ms === null ? null : row.settleP95Ms / SETTLE_BUDGET_MS,
  ].filter((x): x is number => x !== null)
  return parts.length === 0 ? null : Math.max(...parts)
}

/** Slowest cabinet first; cabinets without sessions in the range last. */
export function slowestFirst(rows: readonly DeviceLatency[]): DeviceLatency[] {
  return [...rows].sort((a, b) => {
    const la = lateness(a)
    const lb = lateness(b)
    if (la === null || lb === null)
      return la === lb ? a.deviceCode.localeCompare(b.deviceCode) : la === null ? 1 : -1
    return lb - la || a.deviceCode.localeCompare(b.deviceCode)
  })
}

export function isSlow(row: DeviceLatency): boolean {
  return (row.openP95Ms ?? 0) > OPEN_BUDGET_MS || (row.settleP95Ms ?? 0) > SETTLE_BUDGET_MS
}

/**
 * `0.5 秒`, `1.9 秒`, `—` for no sessions: seconds with one decimal read at a glance, and a shopper feels
 * tenths of a second, not milliseconds. Never `0.0 秒` for a time that passed: at least 0.1.
 */
export function formatSeconds(ms: number | null): string {
  if (ms === null) return '—'
  const tenths = Math.max(ms > 0 ? 1 : 0, Math.round(ms / 100))
  return `${(tenths / 10).toFixed(1)} 秒`
}
