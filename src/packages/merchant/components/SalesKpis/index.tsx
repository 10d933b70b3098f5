import { Text, View } from '@tarojs/components'
import type { Statistics } from '@/api/types'
import { formatFen } from '@/domain/money'

/** 销售额 · 订单数 · 客单价, as the cloud computed them (— while unknown). */
export function SalesKpis({
  stats,
}: {
  stats: Pick<Statistics, 'salesFen' | 'orderCount' | 'avgTicketFen'> | null
}) {
  const kpis = [
    { key: 'sales', label: '销售额', value: stats ? formatFen(stats.salesFen) : '—' },
    { key: 'orders', label: '订单数', value: stats ? String(stats.orderCount) : '—' },
    { key: 'avg', label: '客单价', value: stats ? formatFen(stats.avgTicketFen) : '—' },
  ]
  return (
    <View className='m-kpis'>
      {kpis.map((k) => (
        <View key={k.key} className='m-kpi'>
          <Text className='m-kpi__value' data-kpi={k.key}>
            {k.value}
          </Text>
          <Text className='m-kpi__label'>{k.label}</Text>
        </View>
      ))}
    </View>
  )
}
