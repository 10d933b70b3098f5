import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { StatusView } from '@/components/StatusView'
import { formatFen } from '@/domain/money'
import { formatDateTime } from '@/domain/time'
import { useShowEffect } from '../../hooks/useShowEffect'
import { Refusal, StaffOnly } from '../../components/StaffOnly'
import { ABNORMAL_REASON_LABEL } from '../../domain/labels'
import { STAFF_ROUTES } from '../../routes'
import { useStaffStore } from '../../store'
import './index.scss'

export default function AbnormalOrdersPage() {
  return (
    <PageShell>
      <StaffOnly>
        <AbnormalOrders />
      </StaffOnly>
    </PageShell>
  )
}

function AbnormalOrders() {
  const abnormal = useStaffStore((s) => s.abnormal)
  const load = useStaffStore((s) => s.loadAbnormalOrders)

  useShowEffect(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (abnormal.error?.status === 403) return <Refusal error={abnormal.error} />
  if (abnormal.items.length === 0) {
    if (abnormal.status === 'error' && abnormal.error) {
      return <StatusView kind='error' error={abnormal.error} onAction={() => void load()} />
    }
    if (abnormal.status !== 'ready') return <StatusView kind='loading' text='正在读取异常订单…' />
    return <View className='staff-page staff-muted'>暂无异常订单</View>
  }
  return (
    <View className='staff-page'>
      {abnormal.items.map((order) => (
        <View
          key={order.orderId}
          className={`staff-card abnormal__item abnormal__item--${order.state}`}
          data-order-id={order.orderId}
          onClick={() =>
            void Taro.navigateTo({
              url: `${STAFF_ROUTES.abnormalCase}?id=${encodeURIComponent(order.orderId)}`,
            })
          }
        >
          <View className='abnormal__head'>
            <Text className='abnormal__reason'>{ABNORMAL_REASON_LABEL[order.reason]}</Text>
            <Text className={`abnormal__state abnormal__state--${order.state}`}>
              {order.state === 'open' ? '待处理' : '已处理'}
            </Text>
          </View>
          <Text className='staff-muted'>
            {order.deviceName} · {formatDateTime(order.createdAt)}
          </Text>
          <Text className='abnormal__lines'>
            {order.lines.map((l) => `${l.name}×${l.qty}`).join('，') || '未识别到商品'} · 识别金额{' '}
            {formatFen(order.totalFen)}
          </Text>
        </View>
      ))}
      {abnormal.nextCursor ? (
        <Button block onClick={() => void load(true)}>
          加载更多
        </Button>
      ) : null}
    </View>
  )
}
