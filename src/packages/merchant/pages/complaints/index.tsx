import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { COMPLAINT_STATE_LABEL } from '@/domain/labels'
import { formatFen } from '@/domain/money'
import { formatDateTime } from '@/domain/time'
import { MerchantPage } from '../../components/MerchantPage'
import { complaintLines } from '../../domain/complaintText'
import { MERCHANT_PAGES, pageUrl } from '../../routes'
import { useMerchantStore } from '../../store'
import '../../styles/common.scss'
import './index.scss'

const STATES = (['pending', 'resolved', 'rejected'] as const).map((value) => ({
  value,
  label: COMPLAINT_STATE_LABEL[value],
}))

export default function ComplaintsPage() {
  const complaints = useMerchantStore(useShallow((s) => s.complaints))
  const load = useMerchantStore((s) => s.loadComplaints)
  const loadMore = useMerchantStore((s) => s.loadMoreComplaints)
  useDidShow(() => void load(useMerchantStore.getState().complaints.state))

  const items = complaints.list.data ?? []
  return (
    <MerchantPage
      block='complaints'
      filter={{ options: STATES, value: complaints.state, onChange: (s) => void load(s) }}
      load={complaints.list}
      onRetry={() => void load(complaints.state)}
    >
      {items.length === 0 ? (
        <Text className='m-empty'>没有{COMPLAINT_STATE_LABEL[complaints.state]}的客诉</Text>
      ) : null}
      {items.map((item) => (
        <View
          key={item.complaint.id}
          className='m-card complaints__item'
          data-complaint-id={item.complaint.id}
          onClick={() =>
            void Taro.navigateTo({ url: pageUrl(MERCHANT_PAGES.complaint, { id: item.complaint.id }) })
          }
        >
          <View className='complaints__head'>
            <Text className='complaints__device'>{item.order.device.name}</Text>
            <Text className={`m-badge m-badge--${item.complaint.state}`}>
              {COMPLAINT_STATE_LABEL[item.complaint.state]}
            </Text>
          </View>
          {complaintLines(item).map((line) => (
            <Text key={line} className='complaints__line'>
              {line}
            </Text>
          ))}
          {item.complaint.description ? (
            <Text className='complaints__description'>“{item.complaint.description}”</Text>
          ) : null}
          <Text className='m-muted'>
            {formatDateTime(item.complaint.createdAt)} · 订单 {formatFen(item.order.totalFen)} ·{' '}
            {item.complaint.photoUrls.length} 张照片
          </Text>
        </View>
      ))}
      {complaints.nextCursor ? (
        <View className='m-more' onClick={() => void loadMore()}>
          加载更多
        </View>
      ) : null}
    </MerchantPage>
  )
}
