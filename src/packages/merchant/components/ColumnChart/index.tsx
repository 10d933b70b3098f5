import { Text, View } from '@tarojs/components'
import { barPercents } from '../../domain/bars'
import './index.scss'

export interface Column {
  key: string
  /** Under the column (e.g. `11-20`); long series show every few labels only. */
  label: string
  value: number
  /** Read out for the column (accessibility and tests), already formatted. */
  text: string
}

/** Vertical columns drawn with Views, one per day. */
export function ColumnChart({ columns, chart }: { columns: readonly Column[]; chart: string }) {
  const percents = barPercents(columns.map((c) => c.value))
  const labelEvery = Math.max(1, Math.ceil(columns.length / 7))
  return (
    <View className='column-chart' data-chart={chart}>
      <View className='column-chart__plot'>
        {columns.map((c, i) => (
          <View
            key={c.key}
            className='column-chart__slot'
            data-key={c.key}
            aria-label={`${c.label} ${c.text}`}
          >
            <View className='column-chart__column' style={{ height: `${percents[i] ?? 0}%` }} />
          </View>
        ))}
      </View>
      <View className='column-chart__axis'>
        {columns.map((c, i) => (
          <Text key={c.key} className='column-chart__label'>
            {i % labelEvery === 0 || i === columns.length - 1 ? c.label : ''}
          </Text>
        ))}
      </View>
    </View>
  )
}
