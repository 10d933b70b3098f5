import { useState } from 'react'
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import { PageShell } from '@/components/PageShell'
import { StatusView } from '@/components/StatusView'
import { useShowEffect } from '../../hooks/useShowEffect'
import { AlarmList } from '../../components/AlarmList'
import { Refusal, StaffOnly } from '../../components/StaffOnly'
import { productNames } from '../../domain/productNames'
import { useStaffStore } from '../../store'
import './index.scss'

export default function AlarmsPage() {
  const [code, setCode] = useState<string | null | undefined>(undefined)
  useLoad((q: Record<string, string | undefined>) => setCode(q.code ?? null))
  return (
    <PageShell>
      {code === undefined ? null : (
        <StaffOnly deviceCode={code}>
          <Alarms deviceCode={code} />
        </StaffOnly>
      )}
    </PageShell>
  )
}

function Alarms({ deviceCode }: { deviceCode: string | null }) {
  const { alarms, devices, device } = useStaffStore(
    useShallow((s) => ({ alarms: s.alarms, devices: s.devices, device: s.device })),
  )
  const actions = useStaffStore(
    useShallow((s) => ({
      loadAlarms: s.loadAlarms,
      acknowledgeAlarm: s.acknowledgeAlarm,
      loadDevices: s.loadDevices,
      loadDevice: s.loadDevice,
    })),
  )

  useShowEffect(() => {
    void actions.loadAlarms(deviceCode)
    if (devices.items.length === 0) void actions.loadDevices()
    // One cabinet's alarms name its products from its goods, also those no longer short.
    if (deviceCode && device.detail?.code !== deviceCode) void actions.loadDevice(deviceCode)
  })
  usePullDownRefresh(() => void actions.loadAlarms(deviceCode).finally(() => Taro.stopPullDownRefresh()))

  if (alarms.error?.status === 403) return <Refusal error={alarms.error} />
  const ours = alarms.deviceCode === deviceCode
  if (!ours || (alarms.status === 'loading' && alarms.items.length === 0)) {
    return <StatusView kind='loading' text='正在读取告警…' />
  }
  if (alarms.error && alarms.items.length === 0) {
    return (
      <StatusView kind='error' error={alarms.error} onAction={() => void actions.loadAlarms(deviceCode)} />
    )
  }
  const acknowledge = async (id: string) => {
    const error = await actions.acknowledgeAlarm(id)
    if (error) void Taro.showToast({ title: error.message, icon: 'none' })
  }
  return (
    <View className='staff-page'>
      <AlarmList
        alarms={alarms.items}
        deviceNames={Object.fromEntries(devices.items.map((d) => [d.code, d.name]))}
        productNames={productNames(devices.items, device.detail?.code === deviceCode ? device.detail : null)}
        acking={alarms.acking}
        onAcknowledge={(id) => void acknowledge(id)}
      />
      {alarms.nextCursor ? (
        <Button className='staff-more' block onClick={() => void actions.loadAlarms(deviceCode, true)}>
          加载更多
        </Button>
      ) : null}
    </View>
  )
}
