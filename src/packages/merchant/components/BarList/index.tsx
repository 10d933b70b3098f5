import { Text, View } from '@tarojs/components'
import { barPercents } from '../../domain/bars'
import './index.scss'

export interface BarItem {
  key: string
  label: string
  /** What the bar's length is proportional to (fen, units…). */
  value: number
  /** What is written at the end of the bar, already formatted. */
  text: string
}

/** Horizontal bars drawn with Views: the same in WeChat, Alipay and the browser, no chart library. */
export function BarList({ items, chart }: { items: readonly BarItem[]; chart: string }) {
  const percents = barPercents(items.map((i) => i.value))
  return (
    <View className='bar-list' data-chart={chart}>
      {items.map((item, i) => (
        <View key={item.key} className='bar-list__row' data-key={item.key}>
          <Text className='bar-list__label'>{item.label}</Text>
          <View className='bar-list__track'>
            <View className='bar-list__bar' style={{ width: `${percents[i] ?? 0}%` }} />
          </View>
          <Text className='bar-list__text'>{item.text}</Text>
        </View>
      ))}
    </View>
  )
}
