import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { Statistics, StatisticsRange } from '@/api/types'
import { fetchInto, idle, type Load } from './load'
import type { MerchantState } from './types'

export interface StatisticsSlice {
  statistics: {
    range: StatisticsRange
    byRange: Record<StatisticsRange, Load<Statistics>>
  }
  /** The cloud's calendar day (YYYY-MM-DD), learnt from today's statistics; null until known. */
  today: string | null
  showStatistics: (range: StatisticsRange) => Promise<void>
  loadStatistics: (range: StatisticsRange) => Promise<void>
  /** The cloud's day, asking the cloud once if it is not known yet; null when the cloud cannot be reached. */
  ensureToday: () => Promise<string | null>
}

export const createStatisticsSlice: StateCreator<MerchantState, [], [], StatisticsSlice> = (set, get) => {
  const put = (range: StatisticsRange, next: Load<Statistics>) =>
    set((s) => {
      const series = next.data?.series
      const last = series?.[series.length - 1]?.date
      return {
        statistics: { ...s.statistics, byRange: { ...s.statistics.byRange, [range]: next } },
        // Every range ends today, so any answer tells the cloud's day.
        today: next.status === 'ready' && last ? last : s.today,
      }
    })

  return {
    statistics: { range: 'today', byRange: { today: idle(), '7d': idle(), '30d': idle() } },
    today: null,

    showStatistics: async (range) => {
      set((s) => ({ statistics: { ...s.statistics, range } }))
      await get().loadStatistics(range)
    },

    loadStatistics: async (range) => {
      await fetchInto(
        () => get().statistics.byRange[range],
        (next) => put(range, next),
        () => callApi('getStatistics', { query: { range } }),
      )
    },

    ensureToday: async () => {
      if (get().today === null) await get().loadStatistics('today')
      return get().today
    },
  }
}
