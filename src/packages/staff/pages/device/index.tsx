import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { StatusView } from '@/components/StatusView'
import { useShowEffect } from '../../hooks/useShowEffect'
import { AlarmList } from '../../components/AlarmList'
import { LocationCard } from '../../components/LocationCard'
import { Section } from '../../components/Section'
import { Refusal, StaffDevicePage } from '../../components/StaffOnly'
import { deviceHealth } from '../../domain/deviceHealth'
import { DEVICE_STATE_LABEL, STAFF_ROLE_LABEL } from '../../domain/labels'
import { describeLight } from '../../domain/lightSchedule'
import { STAFF_ROUTES, withCode } from '../../routes'
import { productNames } from '../../domain/productNames'
import { useStaffStore } from '../../store'
import './index.scss'

const STOCK_LABEL = { in_stock: '充足', low: '紧张', sold_out: '售罄' } as const

export default function DevicePage() {
  return <StaffDevicePage view={(code) => <DeviceView code={code} />} />
}

function DeviceView({ code }: { code: string }) {
  const device = useStaffStore((s) => s.device)
  const loadDevice = useStaffStore((s) => s.loadDevice)
  const acking = useStaffStore((s) => s.alarms.acking)
  const acknowledgeAlarm = useStaffStore((s) => s.acknowledgeAlarm)
  const correction = useStaffStore((s) => (s.location.deviceCode === code ? s.location : null))
  const locationActions = useStaffStore(
    useShallow((s) => ({
      correct: s.correctLocation,
      confirmFar: s.confirmFarLocation,
      dismissFar: s.dismissFarLocation,
    })),
  )
  const go = (url: string) => void Taro.navigateTo({ url })

  useShowEffect(() => void loadDevice(code))
  usePullDownRefresh(() => void loadDevice(code).finally(() => Taro.stopPullDownRefresh()))

  const detail = device.code === code ? device.detail : null
  if (device.error?.status === 403) return <Refusal error={device.error} />
  if (!detail) {
    return device.error ? (
      <StatusView kind='error' error={device.error} onAction={() => void loadDevice(code)} />
    ) : (
      <StatusView kind='loading' text='正在读取设备…' />
    )
  }
  const health = deviceHealth(detail)
  const acknowledge = async (alarmId: string) => {
    const error = await acknowledgeAlarm(alarmId)
    if (error) void Taro.showToast({ title: error.message, icon: 'none' })
    else void loadDevice(code)
  }

  return (
    <View className='staff-page staff-device'>
      <View className='staff-card staff-device__head'>
        <Text className='staff-device__name'>{detail.name}</Text>
        <Text className='staff-muted'>
          {detail.code} · {detail.place} · {STAFF_ROLE_LABEL[detail.role]}
        </Text>
        <View className='staff-device__facts'>
          <Text>{detail.online ? '在线' : '离线'}</Text>
          <Text>状态 {DEVICE_STATE_LABEL[detail.state]}</Text>
          <Text>温度 {detail.temperatureC === null ? '--' : `${detail.temperatureC}℃`}</Text>
          <Text>灯带 {describeLight(detail.light)}</Text>
        </View>
        <Text className='staff-device__expiry'>
          服务到期 {health.expiry.date}
          {health.expiry.text ? `，${health.expiry.text}` : ''}
        </Text>
      </View>

      <Section title='点位'>
        <LocationCard
          location={detail.location}
          role={detail.role}
          correction={correction}
          onCorrect={() => void locationActions.correct(code)}
          onConfirmFar={() => void locationActions.confirmFar()}
          onDismissFar={locationActions.dismissFar}
        />
      </Section>

      <View className='staff-device__actions'>
        <View className='staff-device__action' onClick={() => go(withCode(STAFF_ROUTES.restock, code))}>
          补货
        </View>
        <View className='staff-device__action' onClick={() => go(withCode(STAFF_ROUTES.stocktake, code))}>
          盘点
        </View>
        <View className='staff-device__action' onClick={() => go(withCode(STAFF_ROUTES.settings, code))}>
          远程设置
        </View>
        <View className='staff-device__action' onClick={() => go(withCode(STAFF_ROUTES.alarms, code))}>
          告警记录
        </View>
      </View>

      <Section title='当前告警'>
        <AlarmList
          alarms={detail.alarms}
          productNames={productNames([], detail)}
          acking={acking}
          onAcknowledge={(id) => void acknowledge(id)}
        />
      </Section>

      <Section title='商品库存'>
        <View className='staff-card staff-device__goods'>
          {detail.goods.map((g) => (
            <View key={g.productId} className='staff-device__good' data-product-id={g.productId}>
              <Text className='staff-device__good-name'>
                {detail.doorCount > 1 ? `${g.doorNo === 1 ? '左门' : '右门'} · ` : ''}
                {g.name}
              </Text>
              <Text className={`staff-device__stock staff-device__stock--${g.stockState}`}>
                {g.systemStock}/{g.capacity} {STOCK_LABEL[g.stockState]}
              </Text>
            </View>
          ))}
        </View>
      </Section>
    </View>
  )
}
