import { Text, View } from '@tarojs/components'
import type { OrderSummary } from '@/api/types'
import { ORDER_STATUS_LABEL } from '@/domain/labels'
import { formatFen } from '@/domain/money'
import { formatDateTime } from '@/domain/time'
import './index.scss'

/** Design height of a row (750 wide); VirtualList needs every row to be this tall. */
export const ORDER_ROW_RPX = 176

interface Props {
  order: OrderSummary
  onOpen: (orderId: string) => void
  /** Unpaid orders can be paid from the list; the label says what the payment is doing. */
  onPay?: (orderId: string) => void
  payLabel?: string
}

/** One order in the list: cabinet, time, goods, amount and status, in a row of fixed height. */
export function OrderRow({ order, onOpen, onPay, payLabel = '去支付' }: Props) {
  return (
    <View
      className={`order-row order-row--${order.status}`}
      data-order-id={order.id}
      onClick={() => onOpen(order.id)}
    >
      <View className='order-row__line'>
        <Text className='order-row__device'>{order.deviceName}</Text>
        <Text className='order-row__status'>
          {ORDER_STATUS_LABEL[order.status]}
          {order.hasComplaint ? ' · 有申诉' : ''}
        </Text>
      </View>
      <Text className='order-row__goods'>{order.goodsSummary}</Text>
      <View className='order-row__line'>
        <Text className='order-row__time'>{formatDateTime(order.createdAt)}</Text>
        <View className='order-row__end'>
          <Text className='order-row__amount'>{formatFen(order.totalFen)}</Text>
          {onPay && order.status === 'unpaid' ? (
            <Text
              className='order-row__pay'
              onClick={(event) => {
                event.stopPropagation()
                onPay(order.id)
              }}
            >
              {payLabel}
            </Text>
          ) : null}
        </View>
      </View>
    </View>
  )
}
