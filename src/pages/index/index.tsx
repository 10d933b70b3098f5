import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ElderModeSwitch } from '@/components/ElderModeSwitch'
import { PageShell } from '@/components/PageShell'
import { ROUTES } from '@/routes'
import { useAppStore } from '@/stores'
import './index.scss'

export default function HomePage() {
  const scanCabinet = useAppStore((s) => s.scanCabinet)
  const roles = useAppStore((s) => s.user?.roles)
  const refreshMe = useAppStore((s) => s.refreshMe)

  // Roles change behind the app's back (a merchant binds or removes a restocker): ask on every visit.
  useDidShow(() => void refreshMe())

  const scan = async () => {
    if (await scanCabinet()) await Taro.navigateTo({ url: `${ROUTES.cabinet}?from=app` })
  }

  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <PageShell>
      <View className='home'>
        <Text className='home__title'>智能开门柜</Text>
        <Text className='home__hint'>扫描柜门上的二维码，开门取货，关门自动结算</Text>
        <Button className='home__scan' type='primary' block onClick={() => void scan()}>
          扫码开门
        </Button>
        {roles ? (
          <View className='home__roles' data-staff-devices={roles.staffDeviceCodes.length}>
            我的身份：顾客
            {roles.staffDeviceCodes.length > 0
              ? ` · 补货运维（${roles.staffDeviceCodes.length} 台设备）`
              : ''}
            {roles.merchantId ? ' · 商户' : ''}
          </View>
        ) : null}
        <View className='home__mine'>
          <View className='home__entry' onClick={() => go(ROUTES.orders)}>
            <Text>我的订单</Text>
            <Text className='home__entry-hint'>小票、待支付、退款与申诉</Text>
          </View>
          <View className='home__entry' onClick={() => go(ROUTES.messages)}>
            <Text>消息</Text>
            <Text className='home__entry-hint'>支付、退款、申诉结果与设备提醒</Text>
          </View>
          {roles && roles.staffDeviceCodes.length > 0 ? (
            <View className='home__entry' onClick={() => go(ROUTES.staff)}>
              <Text>补货运维工作台</Text>
              <Text className='home__entry-hint'>补货、盘点、设备告警</Text>
            </View>
          ) : null}
          {roles && roles.staffDeviceCodes.length === 0 ? (
            <View className='home__entry' onClick={() => go(ROUTES.staffBind)}>
              <Text>成为补货员</Text>
              <Text className='home__entry-hint'>输入商户邀请码绑定设备</Text>
            </View>
          ) : null}
          {roles?.merchantId ? (
            <View className='home__entry' onClick={() => go(ROUTES.merchant)}>
              <Text>商户中心</Text>
              <Text className='home__entry-hint'>收款、提现、数据、客诉</Text>
            </View>
          ) : null}
        </View>
        <View className='home__elder'>
          <ElderModeSwitch />
        </View>
      </View>
    </PageShell>
  )
}
