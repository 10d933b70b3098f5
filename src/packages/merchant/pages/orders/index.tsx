import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { CHANNEL_LABEL, ORDER_STATUS_LABEL } from '@/domain/labels'
import { formatFen } from '@/domain/money'
import { formatDateTime } from '@/domain/time'
import { BlockShopper } from '../../components/BlockShopper'
import { MerchantPage } from '../../components/MerchantPage'
import { useMerchantStore } from '../../store'
import '../../styles/common.scss'
import './index.scss'

/** The orders behind a receipts row: one day's, or one cabinet's. */
export default function MerchantOrdersPage() {
  const { params } = useRouter()
  const { orders, devices } = useMerchantStore(
    useShallow((s) => ({ orders: s.merchantOrders, devices: s.devices.data })),
  )
  const open = useMerchantStore((s) => s.openMerchantOrders)
  const loadMore = useMerchantStore((s) => s.loadMoreMerchantOrders)
  const date = params.date
  const deviceCode = params.deviceCode

  const reload = () => {
    if (date) void open({ date })
    else if (deviceCode) void open({ deviceCode })
  }
  useEffect(reload, [date, deviceCode, open]) // eslint-disable-line react-hooks/exhaustive-deps

  const title = date ?? devices?.find((d) => d.code === deviceCode)?.name ?? deviceCode ?? ''
  const items = orders.list.data ?? []

  return (
    <MerchantPage
      block='merchant-orders'
      head={<Text className='merchant-orders__title'>{title} 的订单</Text>}
      load={orders.list}
      onRetry={reload}
    >
      <View className='m-card'>
        {items.length === 0 ? <Text className='m-empty'>这段时间没有订单</Text> : null}
        {items.map((o) => (
          <View key={o.id} className='merchant-orders__item' data-order-id={o.id}>
            <View className='merchant-orders__head'>
              <Text>{o.goodsSummary}</Text>
              <Text className='merchant-orders__total'>{formatFen(o.totalFen)}</Text>
            </View>
            <Text className='m-muted'>
              {formatDateTime(o.createdAt)} · {o.deviceName} · {CHANNEL_LABEL[o.channel]} ·{' '}
              {ORDER_STATUS_LABEL[o.status]}
              {o.refundedFen > 0 ? ` · 已退 ${formatFen(o.refundedFen)}` : ''}
              {o.hasComplaint ? ' · 有客诉' : ''}
            </Text>
            <Text className='m-muted'>订单号 {o.id}</Text>
            <BlockShopper compact source={{ kind: 'order', id: o.id }} />
          </View>
        ))}
        {orders.nextCursor ? (
          <View className='m-more' onClick={() => void loadMore()}>
            {orders.list.status === 'loading' ? '加载中…' : '加载更多'}
          </View>
        ) : null}
      </View>
    </MerchantPage>
  )
}
