import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { StatusView } from '@/components/StatusView'
import { TAPPABLE } from '@/components/tappable'
import { useSubscribePrompt } from '@/hooks/useSubscribePrompt'
import { ROUTES } from '@/routes'
import { useShowEffect } from '../../hooks/useShowEffect'
import { DeviceCard } from '../../components/DeviceCard'
import { byUrgency } from '../../domain/deviceHealth'
import { Section } from '../../components/Section'
import { Refusal, StaffOnly } from '../../components/StaffOnly'
import { SyncBanner } from '../../components/SyncBanner'
import { STAFF_ROUTES, withCode } from '../../routes'
import { useStaffStore } from '../../store'
import { restockInProgress } from '../../store/restockSlice'
import './index.scss'

export default function StaffHomePage() {
  return (
    <PageShell>
      <StaffOnly>
        <Workspace />
      </StaffOnly>
    </PageShell>
  )
}

function Workspace() {
  const devices = useStaffStore((s) => s.devices)
  const loadDevices = useStaffStore((s) => s.loadDevices)
  const restock = useStaffStore((s) => s.restock)
  const go = (url: string) => void Taro.navigateTo({ url })
  const askToSubscribe = useSubscribePrompt('staffHome')

  useShowEffect(() => void loadDevices())
  usePullDownRefresh(() => void loadDevices().finally(() => Taro.stopPullDownRefresh()))

  if (devices.error?.status === 403) return <Refusal error={devices.error} />
  const openAlarms = devices.items.reduce((n, d) => n + d.alarms.filter((a) => a.state === 'open').length, 0)
  return (
    <View className='staff-page staff-home'>
      <SyncBanner />
      {restock.deviceCode && restockInProgress(restock) ? (
        <View
          className='staff-card staff-home__resume'
          {...TAPPABLE}
          onClick={() => go(withCode(STAFF_ROUTES.restock, restock.deviceCode ?? ''))}
        >
          <Text className='staff-home__resume-title'>有未完成的补货</Text>
          <Text className='staff-muted'>{restock.deviceName || restock.deviceCode}，点此继续核对并确认</Text>
        </View>
      ) : null}
      <View className='staff-home__entries'>
        <View className='staff-home__entry' {...TAPPABLE} onClick={() => go(STAFF_ROUTES.alarms)}>
          <Text className='staff-home__entry-count'>{openAlarms}</Text>
          <Text>未处理告警</Text>
        </View>
        <View className='staff-home__entry' {...TAPPABLE} onClick={() => go(STAFF_ROUTES.abnormal)}>
          <Text className='staff-home__entry-icon'>!</Text>
          <Text>异常订单</Text>
        </View>
        <View className='staff-home__entry' {...TAPPABLE} onClick={() => go(STAFF_ROUTES.bind)}>
          <Text className='staff-home__entry-icon'>+</Text>
          <Text>绑定设备</Text>
        </View>
        <View
          className='staff-home__entry'
          {...TAPPABLE}
          onClick={() => {
            // The tap is the platforms' condition for asking: alarms and restock reminders, then the list.
            askToSubscribe()
            go(ROUTES.messages)
          }}
        >
          <Text className='staff-home__entry-icon'>✉</Text>
          <Text>消息提醒</Text>
        </View>
      </View>
      <Section title={`我的设备（${devices.items.length}）`}>
        {devices.status === 'error' && devices.error && devices.items.length === 0 ? (
          <StatusView kind='error' error={devices.error} onAction={() => void loadDevices()} />
        ) : devices.items.length === 0 ? (
          devices.status === 'ready' ? (
            <View className='staff-card staff-muted'>暂无绑定的设备</View>
          ) : (
            <StatusView kind='loading' text='正在读取设备…' />
          )
        ) : (
          byUrgency(devices.items).map((device) => (
            <DeviceCard
              key={device.code}
              device={device}
              onOpen={() => go(withCode(STAFF_ROUTES.device, device.code))}
            />
          ))
        )}
      </Section>
    </View>
  )
}
