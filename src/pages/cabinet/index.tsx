import { useState } from 'react'
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { ElderModeSwitch } from '@/components/ElderModeSwitch'
import { GatePanel } from '@/components/GatePanel'
import { GoodsList } from '@/components/GoodsList'
import { PageShell } from '@/components/PageShell'
import { StaffEntry } from '@/components/StaffEntry'
import { StatusView } from '@/components/StatusView'
import { Tabs } from '@/components/Tabs'
import { useNoticeToast } from '@/hooks/useNoticeToast'
import { useSubscribePrompt } from '@/hooks/useSubscribePrompt'
import { ROUTES } from '@/routes'
import { useAppStore } from '@/stores'
import './index.scss'

const DEVICE_STATE_LABEL: Record<string, string> = { ok: '正常营业', offline: '设备离线' }

export default function CabinetPage() {
  const cabinet = useAppStore((s) => s.cabinet)
  const actions = useAppStore(
    useShallow((s) => ({
      openCabinetFromLaunch: s.openCabinetFromLaunch,
      refreshCabinet: s.refreshCabinet,
      performNextStep: s.performNextStep,
      bindPhoneAndRefresh: s.bindPhoneAndRefresh,
      openDoor: s.openDoor,
      payOrder: s.payOrder,
    })),
  )
  const doorBusy = useAppStore(
    (s) => s.door.requesting || s.payment.phase === 'paying' || s.payment.phase === 'confirming',
  )
  const paymentConfirming = useAppStore((s) => s.payment.phase === 'confirming')
  const [doorNo, setDoorNo] = useState<number | null>(null)
  const askToSubscribe = useSubscribePrompt('afterOpen')

  useLoad((query: Record<string, string | undefined>) => {
    // An in-app scan or a hot start already put the parsed cabinet in the store.
    if (query.from !== 'app') void actions.openCabinetFromLaunch(query)
  })

  usePullDownRefresh(() => {
    void actions.refreshCabinet().finally(() => Taro.stopPullDownRefresh())
  })

  useNoticeToast()

  const { landing, status, error } = cabinet
  let body
  if (status === 'error' && error) {
    body = <StatusView kind='error' error={error} onAction={(next) => void actions.performNextStep(next)} />
  } else if (!landing || status === 'idle' || (status === 'loading' && !landing)) {
    body = <StatusView kind='loading' text='正在连接柜子…' />
  } else {
    const { device, doors, goods, promotions, merchant, gate } = landing
    const activeDoor =
      doorNo ?? cabinet.preferredDoorNo ?? doors.find((d) => d.isDefault)?.no ?? doors[0]?.no ?? 1
    const activePromotions = promotions.filter((p) => p.activeNow)
    body = (
      <View className='cabinet'>
        <View className='cabinet__header'>
          <Text className='cabinet__name'>{device.name}</Text>
          <Text className='cabinet__place'>{device.place}</Text>
          <Text className={`cabinet__state cabinet__state--${device.state}`}>
            {DEVICE_STATE_LABEL[device.state] ?? '暂停服务'}
          </Text>
        </View>

        <StaffEntry
          landing={landing}
          onChoose={(choice) => {
            const page = choice === 'restock' ? ROUTES.staffRestock : ROUTES.staffStocktake
            void Taro.navigateTo({ url: `${page}?code=${encodeURIComponent(device.code)}` })
          }}
        />

        {paymentConfirming ? (
          <View className='cabinet__payment' role='status'>
            支付确认中，请稍候…
          </View>
        ) : null}

        {doors.length > 1 ? (
          <Tabs
            className='cabinet__doors'
            name='door'
            options={doors.map((door) => ({ value: door.no, label: door.name }))}
            value={activeDoor}
            onChange={setDoorNo}
          />
        ) : null}

        <GatePanel
          gate={gate}
          busy={doorBusy}
          doorName={doors.length > 1 ? doors.find((door) => door.no === activeDoor)?.name : undefined}
          onOpen={() => {
            // A second tap before the first re-render is ignored by the store: navigate once.
            if (!actions.openDoor(activeDoor)) return
            // The receipt and refund messages are asked for in the same tap (the platforms' rule); the
            // door does not wait for the answer.
            askToSubscribe()
            void Taro.navigateTo({ url: ROUTES.shopping })
          }}
          onAction={(next) => {
            const unpaid = gate.reasons[0]?.unpaidOrder
            if (next === 'authorizeCredit') void Taro.navigateTo({ url: ROUTES.credit })
            else if (next === 'payUnpaid' && unpaid) void actions.payOrder(unpaid.orderId)
            else if (next === 'resume') {
              // The shopper's own door is open (here or elsewhere): back to its live cart, not a new open.
              void actions.performNextStep('resume')
              void Taro.navigateTo({ url: ROUTES.shopping })
            } else void actions.performNextStep(next)
          }}
          onPhoneCredential={(credential) => void actions.bindPhoneAndRefresh(credential)}
        />

        {activePromotions.length > 0 && (
          <View className='cabinet__promotions'>
            {activePromotions.map((p) => (
              <Text key={p.id} className='cabinet__promotion'>
                {p.label}
              </Text>
            ))}
          </View>
        )}

        <GoodsList goods={goods.filter((g) => g.doorNo === activeDoor)} promotions={promotions} />

        <View className='cabinet__service' onClick={() => void actions.performNextStep('callService')}>
          <Text>客服电话 {merchant.servicePhone}</Text>
          <Text className='cabinet__service-call'>拨打</Text>
        </View>

        <ElderModeSwitch />
      </View>
    )
  }

  return <PageShell>{body}</PageShell>
}
