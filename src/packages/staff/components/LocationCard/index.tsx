import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DeviceLocation, StaffRole } from '@/api/types'
import { Notice } from '@/components/Notice'
import { describeLocation, mayCorrectLocation } from '../../domain/location'
import type { LocationCorrection } from '../../store/locationSlice'
import './index.scss'

interface Props {
  location: DeviceLocation | null
  role: StaffRole
  /** This device's correction in progress (or null when another device's, or none). */
  correction: LocationCorrection | null
  onCorrect: () => void
  onConfirmFar: () => void
  onDismissFar: () => void
}

/**
 * The cabinet's 点位 on the device page: the point, its address, who set it when; 修改定位 for ops staff,
 * and the question a far point needs before it is saved.
 */
export function LocationCard({ location, role, correction, onCorrect, onConfirmFar, onDismissFar }: Props) {
  const lines = describeLocation(location)
  const busy = correction?.busy ?? null
  const asking = correction?.awaitingConfirmation ?? null
  return (
    <View className='staff-card location-card' data-location-name={location?.name ?? ''}>
      <Text className='location-card__name'>{lines.name}</Text>
      {lines.address ? <Text className='location-card__address'>{lines.address}</Text> : null}
      {lines.updated ? <Text className='staff-muted'>{lines.updated}</Text> : null}
      <Notice error={correction?.error ?? null} />
      {correction?.note ? (
        <View className='location-card__note' role='status'>
          <Text>{correction.note}</Text>
        </View>
      ) : null}
      {mayCorrectLocation(role) ? (
        <Button
          className='location-card__action'
          type='primary'
          block
          disabled={busy !== null || asking !== null}
          onClick={onCorrect}
        >
          {busy === 'saving' ? '保存中…' : busy === 'picking' ? '选择位置中…' : '修改定位'}
        </Button>
      ) : (
        <Text className='staff-muted location-card__role'>只有运维人员可以修改定位</Text>
      )}
      {asking ? (
        <View className='location-card__mask'>
          <View className='location-card__dialog' role='dialog' aria-modal='true'>
            <Text className='location-card__title'>{asking.error.message}</Text>
            <Text className='location-card__text'>{asking.error.hint}</Text>
            <Text className='location-card__text'>
              新点位：{asking.point.name}
              {asking.point.address ? `（${asking.point.address}）` : ''}
            </Text>
            <View className='location-card__buttons'>
              <Button disabled={busy !== null} onClick={onDismissFar}>
                取消
              </Button>
              <Button type='primary' disabled={busy !== null} onClick={onConfirmFar}>
                {busy === 'saving' ? '保存中…' : asking.error.actionLabel}
              </Button>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}
