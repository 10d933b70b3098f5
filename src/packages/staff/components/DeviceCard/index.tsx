import { Text, View } from '@tarojs/components'
import type { StaffDevice } from '@/api/types'
import { TAPPABLE } from '@/components/tappable'
import { deviceHealth } from '../../domain/deviceHealth'
import { DEVICE_STATE_LABEL, STAFF_ROLE_LABEL } from '../../domain/labels'
import './index.scss'

interface Props {
  device: StaffDevice
  onOpen?: () => void
}

/** One device's health at a glance: online, temperature, alarms, stock alerts, service expiry. */
export function DeviceCard({ device, onOpen }: Props) {
  const health = deviceHealth(device)
  const { expiry } = health
  return (
    <View
      className={`device-card device-card--${health.severity}`}
      data-device-code={device.code}
      data-severity={health.severity}
      {...TAPPABLE}
      onClick={onOpen}
    >
      <View className='device-card__head'>
        <Text className='device-card__name'>{device.name}</Text>
        <Text className={`device-card__online device-card__online--${device.online ? 'on' : 'off'}`}>
          {device.online ? '在线' : '离线'}
        </Text>
      </View>
      <Text className='device-card__place'>
        {device.code} · {device.place} · {STAFF_ROLE_LABEL[device.role]}
      </Text>
      <View className='device-card__row'>
        <Text className='device-card__metric'>
          温度 {device.temperatureC === null ? '--' : `${device.temperatureC}℃`}
        </Text>
        <Text className='device-card__metric'>状态 {DEVICE_STATE_LABEL[device.state]}</Text>
      </View>
      {health.faults.length > 0 ? (
        <View className='device-card__alarms'>
          {health.faults.map((f) => (
            <Text
              key={f.id}
              className={`device-card__alarm device-card__alarm--${f.state}`}
              data-alarm-kind={f.kind}
            >
              {f.label}
              {f.state === 'acknowledged' ? '（已确认）' : ''}
            </Text>
          ))}
        </View>
      ) : null}
      {health.lowStock + health.soldOut > 0 ? (
        <Text className='device-card__stock'>
          库存提醒：{health.soldOut > 0 ? `售罄 ${health.soldOut} 种` : ''}
          {health.soldOut > 0 && health.lowStock > 0 ? ' · ' : ''}
          {health.lowStock > 0 ? `库存紧张 ${health.lowStock} 种` : ''}
        </Text>
      ) : null}
      <View className='device-card__expiry'>
        <Text>服务到期 {expiry.date}</Text>
        {expiry.text ? (
          <Text
            className={`device-card__warning${expiry.blocksShoppers ? ' device-card__warning--expired' : ''}`}
            data-expiry-warning={String(expiry.level)}
          >
            {expiry.text}
          </Text>
        ) : null}
      </View>
    </View>
  )
}
