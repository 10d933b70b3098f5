import { Text, View } from '@tarojs/components'
import type { Complaint, ComplaintSummary } from '@/api/types'
import { formatFen } from '@/domain/money'
import { formatDateTime } from '@/domain/time'
import { COMPLAINT_STATE_LABEL } from '../../domain/labels'
import './index.scss'

interface Props {
  summary: ComplaintSummary
  /** The full complaint once read: the merchant's reply, the corrected total and the refund. */
  complaint: Complaint | null
  onOpen: () => void
}

/** A receipt's complaint at a glance: its state, the merchant's reply and what it changed. */
export function ComplaintCard({ summary, complaint, onOpen }: Props) {
  return (
    <View className='complaint-card' data-complaint-state={summary.state} onClick={onOpen}>
      <View className='complaint-card__head'>
        <Text className='complaint-card__title'>申诉</Text>
        <Text className={`complaint-card__state complaint-card__state--${summary.state}`}>
          {COMPLAINT_STATE_LABEL[summary.state]}
        </Text>
      </View>
      <Text className='complaint-card__time'>
        提交于 {formatDateTime(summary.createdAt)}
        {summary.handledAt ? ` · 处理于 ${formatDateTime(summary.handledAt)}` : ''}
      </Text>
      {complaint?.reply ? <Text className='complaint-card__reply'>商户回复：{complaint.reply}</Text> : null}
      {complaint?.correctedOrder ? (
        <Text className='complaint-card__result'>
          更正后金额 {formatFen(complaint.correctedOrder.totalFen)}
          {complaint.refund ? `，退款 ${formatFen(complaint.refund.amountFen)} 原路返回` : ''}
        </Text>
      ) : null}
      <Text className='complaint-card__more'>查看申诉详情 ›</Text>
    </View>
  )
}
