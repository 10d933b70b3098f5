import { Text, View } from '@tarojs/components'
import type { RestockChange } from '@/api/types'
import { formatDelta } from '../../domain/labels'
import './index.scss'

interface Props {
  changes: RestockChange[]
  /** A vision cabinet: nothing is counted until the restocker counts after closing. */
  manual: boolean
}

/** What the shelves measured so far while the door is open, product by product. */
export function LiveChanges({ changes, manual }: Props) {
  if (manual) {
    return <View className='live-changes__empty'>视觉柜补货时无法自动计数，关门后请逐个清点数量</View>
  }
  const moved = changes.filter((c) => c.delta !== 0)
  if (moved.length === 0) {
    return <View className='live-changes__empty'>放入或取出商品后，这里会实时显示数量变化</View>
  }
  return (
    <View className='live-changes'>
      {moved.map((c) => (
        <View key={c.productId} className='live-changes__line' data-product-id={c.productId}>
          <Text className='live-changes__name'>{c.name}</Text>
          <Text className='live-changes__count'>
            {c.before} → {c.after}
          </Text>
          <Text className={`live-changes__delta live-changes__delta--${c.delta > 0 ? 'in' : 'out'}`}>
            {formatDelta(c.delta)}
          </Text>
        </View>
      ))}
    </View>
  )
}
