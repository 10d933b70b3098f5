import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import type { Deposit } from '@/api/types'
import { CartView } from '@/components/CartView'
import { DepositSummary } from '@/components/DepositSummary'
import { DoorOpenTimer } from '@/components/DoorOpenTimer'
import { PageShell } from '@/components/PageShell'
import { ReceiptView } from '@/components/ReceiptView'
import { StatusView } from '@/components/StatusView'
import type { NextStep } from '@/domain/errors'
import { formatFen } from '@/domain/money'
import { shoppingView } from '@/domain/shoppingView'
import { platform } from '@/platform'
import { useNoticeToast } from '@/hooks/useNoticeToast'
import { goToTarget, leaveToCabinet } from '@/navigation'
import { ROUTES } from '@/routes'
import { useAppStore } from '@/stores'
import './index.scss'

export default function ShoppingPage() {
  const { door, payment, resumeStatus, hasCabinet, doors } = useAppStore(
    useShallow((s) => ({
      door: s.door,
      payment: s.payment,
      resumeStatus: s.resumeStatus,
      hasCabinet: s.cabinet.deviceCode !== null,
      doors: s.cabinet.landing?.doors,
    })),
  )
  const actions = useAppStore(
    useShallow((s) => ({
      retryOpen: s.retryOpen,
      objectToLine: s.objectToLine,
      payOrder: s.payOrder,
      loadReceipt: s.loadReceipt,
      leaveSession: s.leaveSession,
      resumeActive: s.resumeActive,
      scanCabinet: s.scanCabinet,
    })),
  )
  const session = door.log?.session ?? null

  useNoticeToast()

  const backToCabinet = () => {
    actions.leaveSession()
    leaveToCabinet(hasCabinet)
  }

  // 重试: the same open again; with nothing to resend (a failed rejoin), ask the cloud where the shopper is.
  const retry = () => {
    if (!actions.retryOpen()) void askCloud()
  }

  const rescan = async () => {
    actions.leaveSession()
    if (await actions.scanCabinet()) await Taro.reLaunch({ url: `${ROUTES.cabinet}?from=app` })
  }

  // Opened with no session (a restart on this page): the cloud says where the shopper is.
  const askCloud = async () => {
    const { target } = await actions.resumeActive()
    if (target) await goToTarget(target)
  }

  const object = async (productId: string) => {
    const error = await actions.objectToLine(productId)
    void Taro.showToast({ title: error ? error.message : '已记录，结算前会核实', icon: 'none' })
  }

  const pay = async () => {
    if (session?.orderId && (await actions.payOrder(session.orderId))) await actions.loadReceipt()
  }

  const view = shoppingView({
    ...door,
    session,
    paymentPhase: payment.phase,
    paymentError: payment.error,
    resumeStatus,
    doorName: doors && doors.length > 1 ? doors.find((d) => d.no === session?.doorNo)?.name : null,
  })
  const respond = {
    retryOrBack: (next: NextStep) => (next === 'retry' ? retry() : backToCabinet()),
    rescan: () => void rescan(),
    askCloud: () => void askCloud(),
    reloadReceipt: () => void actions.loadReceipt(),
  }

  let body
  switch (view.kind) {
    case 'loading':
      body = <StatusView kind='loading' text={view.text} />
      break
    case 'problem':
      body = <StatusView kind='error' error={view.error} onAction={respond[view.respond]} />
      break
    case 'openFailed':
      body = (
        <View>
          <StatusView kind='error' error={view.error} onAction={respond.retryOrBack} />
          {view.deposit ? <DepositSummary deposit={view.deposit} /> : null}
        </View>
      )
      break
    case 'inside':
      body = (
        <View className='shopping'>
          <View className={`shopping__banner shopping__banner--${view.state}`} role='status'>
            <Text className='shopping__title'>{view.title}</Text>
            {view.line.timer ? (
              <DoorOpenTimer className='shopping__timer' openedAt={view.line.openedAt} />
            ) : (
              <Text className='shopping__timer'>{view.line.text}</Text>
            )}
          </View>
          {view.remindToClose ? (
            <View className='shopping__reminder' role='alert'>
              取完商品请关好柜门，关门后自动结算
            </View>
          ) : null}
          {view.syncing ? <View className='shopping__sync'>网络不稳定，正在同步购物车…</View> : null}
          {view.cart ? (
            <CartView
              key={session?.id}
              cart={view.cart}
              onObject={view.canObject ? (id) => void object(id) : undefined}
            />
          ) : (
            <View className='shopping__vision'>关门后自动识别您拿取的商品</View>
          )}
        </View>
      )
      break
    case 'receipt': {
      const { receipt } = view
      body = (
        <View className='shopping'>
          <ReceiptView receipt={receipt} onCallService={() => platform.makePhoneCall(receipt.servicePhone)} />
          <View
            className='shopping__after-sales'
            onClick={() =>
              void Taro.navigateTo({
                url: `${ROUTES.orderDetail}?orderId=${encodeURIComponent(receipt.id)}`,
              })
            }
          >
            订单详情、退款与申诉 ›
          </View>
          <Button type='primary' block onClick={backToCabinet}>
            完成
          </Button>
        </View>
      )
      break
    }
    case 'ending':
      body = (
        <Ending
          title={view.title}
          hint={view.hint}
          deposit={view.deposit}
          owedFen={view.pay?.amountFen ?? null}
          action={view.pay ? { label: view.pay.label, onClick: () => void pay() } : undefined}
          onDone={backToCabinet}
        />
      )
  }

  return <PageShell>{body}</PageShell>
}

function Ending(props: {
  title: string
  hint: string
  deposit: Deposit | null
  owedFen: number | null
  action?: { label: string; onClick: () => void }
  onDone: () => void
}) {
  return (
    <View className='shopping shopping__ending' role='status'>
      <Text className='shopping__ending-title'>{props.title}</Text>
      <Text className='shopping__ending-hint'>{props.hint}</Text>
      {props.owedFen !== null ? (
        <Text className='shopping__owed'>待支付 {formatFen(props.owedFen)}</Text>
      ) : null}
      {props.deposit ? <DepositSummary deposit={props.deposit} /> : null}
      {props.action ? (
        <Button type='primary' block onClick={props.action.onClick}>
          {props.action.label}
        </Button>
      ) : null}
      <Button block onClick={props.onDone}>
        返回柜子
      </Button>
    </View>
  )
}
