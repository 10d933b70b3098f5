import { Text, View } from '@tarojs/components'
import { describeError } from '@/domain/errors'
import { useStaffStore } from '../../store'
import './index.scss'

interface Props {
  /** Only the work of this restock session or this device's stocktake; all of it when left out. */
  sessionId?: string | null
  deviceCode?: string | null
  kind?: 'restockConfirm' | 'stocktake'
}

/** 待同步: work kept on the phone until the cloud has it; what the cloud refused, with its words. */
export function SyncBanner({ sessionId, deviceCode, kind }: Props) {
  const items = useStaffStore((s) => s.outbox).filter(
    (i) =>
      (kind === undefined || i.kind === kind) &&
      (sessionId === undefined || i.sessionId === sessionId) &&
      (deviceCode === undefined || i.deviceCode === deviceCode),
  )
  const flushing = useStaffStore((s) => s.sync.flushing)
  if (items.length === 0) return null
  const refused = items.find((i) => i.state === 'refused')
  if (refused?.lastError) {
    const words = describeError(refused.lastError)
    return (
      <View className='sync-banner sync-banner--refused' role='alert' data-sync='refused'>
        <Text className='sync-banner__title'>提交未成功：{words.message}</Text>
        <Text className='sync-banner__hint'>{words.hint}</Text>
      </View>
    )
  }
  const waiting = items.find((i) => i.state === 'waiting')
  return (
    <View className='sync-banner' role='status' data-sync='pending'>
      <Text className='sync-banner__title'>
        待同步 {items.length} 项{flushing ? '（正在提交…）' : ''}
      </Text>
      <Text className='sync-banner__hint'>
        {waiting
          ? waiting.kind === 'restockConfirm'
            ? '柜门关好后自动提交'
            : '柜门使用中，结束后自动提交'
          : '已保存在本机，网络恢复后自动提交，不会重复'}
      </Text>
    </View>
  )
}
