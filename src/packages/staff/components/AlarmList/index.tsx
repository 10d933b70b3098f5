import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Alarm } from '@/api/types'
import { formatDateTime } from '@/domain/time'
import { ALARM_KIND_LABEL, ALARM_STATE_LABEL } from '../../domain/labels'
import './index.scss'

interface Props {
  alarms: Alarm[]
  /** Device code → name, to say which cabinet an alarm is about. */
  deviceNames?: Record<string, string>
  /** Product id → name, for stock alarms. */
  productNames?: Record<string, string>
  acking: string | null
  onAcknowledge: (alarmId: string) => void
}

/** Alarms with when they were raised and their state; an open one can be acknowledged. */
export function AlarmList({ alarms, deviceNames, productNames, acking, onAcknowledge }: Props) {
  if (alarms.length === 0) return <View className='alarm-list__empty'>暂无告警</View>
  return (
    <View className='alarm-list'>
      {alarms.map((alarm) => (
        <View
          key={alarm.id}
          className={`alarm-list__item alarm-list__item--${alarm.state}`}
          data-alarm-id={alarm.id}
          data-alarm-kind={alarm.kind}
        >
          <View className='alarm-list__body'>
            <Text className='alarm-list__kind'>
              {ALARM_KIND_LABEL[alarm.kind]}
              {/* An id (p_cake) means nothing to a restocker: a product not named yet is left out. */}
              {alarm.productId && productNames?.[alarm.productId]
                ? ` · ${productNames[alarm.productId]}`
                : ''}
            </Text>
            <Text className='alarm-list__meta'>
              {deviceNames?.[alarm.deviceCode] ?? alarm.deviceCode} · {formatDateTime(alarm.raisedAt)}
            </Text>
            <Text className={`alarm-list__state alarm-list__state--${alarm.state}`}>
              {ALARM_STATE_LABEL[alarm.state]}
              {alarm.acknowledgedAt ? ` ${formatDateTime(alarm.acknowledgedAt)}` : ''}
            </Text>
          </View>
          {alarm.state === 'open' ? (
            <Button
              className='alarm-list__ack'
              size='small'
              type='primary'
              disabled={acking !== null}
              onClick={() => onAcknowledge(alarm.id)}
            >
              {acking === alarm.id ? '确认中…' : '确认'}
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  )
}
