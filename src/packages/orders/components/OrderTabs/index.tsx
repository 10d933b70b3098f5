import { View } from '@tarojs/components'
import type { OrderStatusFilter } from '@/api/types'
import { ORDER_TABS } from '../../domain/labels'
import './index.scss'

interface Props {
  active: OrderStatusFilter
  onSelect: (tab: OrderStatusFilter) => void
}

/** 全部 / 待支付 / 已完成 / 退款·申诉, kept at the top while the list scrolls. */
export function OrderTabs({ active, onSelect }: Props) {
  return (
    <View className='order-tabs' role='tablist'>
      {ORDER_TABS.map((tab) => (
        <View
          key={tab.key}
          role='tab'
          aria-selected={tab.key === active}
          data-tab={tab.key}
          className={`order-tabs__tab${tab.key === active ? ' order-tabs__tab--active' : ''}`}
          onClick={() => onSelect(tab.key)}
        >
          {tab.label}
        </View>
      ))}
    </View>
  )
}
