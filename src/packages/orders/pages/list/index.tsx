import { useCallback } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import type { OrderStatusFilter } from '@/api/types'
import { PageShell } from '@/components/PageShell'
import { Tabs } from '@/components/Tabs'
import { StatusView } from '@/components/StatusView'
import { useAppStore } from '@/stores'
import { OrderRow, ORDER_ROW_RPX } from '../../components/OrderRow'
import { ORDER_TABS } from '../../domain/labels'
import { VirtualList } from '../../components/VirtualList'
import { orderPages } from '../../routes'
import { useOrdersStore } from '../../store'
import { usePaymentToast } from '../../usePaymentToast'
import './index.scss'

export default function OrderListPage() {
  const { tab, list, unpaid, payingOrderId } = useOrdersStore(
    useShallow((s) => ({
      tab: s.tab,
      list: s.lists[s.tab],
      unpaid: s.unpaid,
      payingOrderId: s.payingOrderId,
    })),
  )
  const actions = useOrdersStore(
    useShallow((s) => ({
      selectTab: s.selectTab,
      refreshOrders: s.refreshOrders,
      loadMoreOrders: s.loadMoreOrders,
      loadUnpaid: s.loadUnpaid,
      payOrder: s.payOrder,
    })),
  )
  const paymentPhase = useAppStore((s) => s.payment.phase)
  const pay = usePaymentToast(actions.payOrder)

  // First show and every return: the tab is (re)loaded when it is new or something changed meanwhile.
  useDidShow(() => {
    void actions.selectTab(useOrdersStore.getState().tab)
    void actions.loadUnpaid()
  })
  usePullDownRefresh(() => {
    void actions.refreshOrders().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void actions.loadMoreOrders())

  const select = (next: OrderStatusFilter) => {
    if (next === tab) return
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    void actions.selectTab(next)
  }
  const open = (orderId: string) => void Taro.navigateTo({ url: orderPages.detail(orderId) })
  const loadMore = actions.loadMoreOrders
  const onNearEnd = useCallback(() => void loadMore(), [loadMore])
  const payLabel = paymentPhase === 'confirming' ? '确认中…' : '支付中…'

  let body
  if (list.items.length === 0 && (list.status === 'idle' || list.status === 'loading')) {
    body = <StatusView kind='loading' text='正在加载订单…' />
  } else if (list.items.length === 0 && list.status === 'error' && list.error) {
    body = <StatusView kind='error' error={list.error} onAction={() => void actions.refreshOrders()} />
  } else if (list.items.length === 0) {
    body = <View className='order-list__empty'>暂无订单</View>
  } else {
    body = (
      <VirtualList
        id={`orders-${tab}`}
        key={tab}
        count={list.items.length}
        rowClassName='order-row'
        rowHeightRpx={ORDER_ROW_RPX}
        onNearEnd={onNearEnd}
        renderRow={(index) => {
          const order = list.items[index]!
          return (
            <OrderRow
              order={order}
              onOpen={open}
              onPay={(id) => void pay(id)}
              payLabel={payingOrderId === order.id ? payLabel : '去支付'}
            />
          )
        }}
      />
    )
  }

  return (
    <PageShell>
      <View className='order-list'>
        {unpaid.items.length > 0 ? (
          <View className='order-list__unpaid' role='alert'>
            <Text>您有 {unpaid.items.length} 笔待支付订单，支付后才能继续购物</Text>
            {tab !== 'unpaid' ? (
              <Button size='small' type='primary' onClick={() => select('unpaid')}>
                去支付
              </Button>
            ) : null}
          </View>
        ) : null}
        <Tabs
          className='order-list__tabs'
          name='order-status'
          options={ORDER_TABS}
          value={tab}
          onChange={select}
        />
        {body}
        {list.items.length > 0 ? (
          <View className='order-list__footer' data-list-state={list.complete ? 'end' : 'more'}>
            {list.error ? (
              <Text onClick={() => void actions.loadMoreOrders()}>加载失败，点击重试</Text>
            ) : list.complete ? (
              <Text>没有更多了（共 {list.items.length} 笔）</Text>
            ) : (
              <Text>加载中…</Text>
            )}
          </View>
        ) : null}
      </View>
    </PageShell>
  )
}
