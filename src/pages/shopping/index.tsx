import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import type { Deposit } from '@/api/types'
import { CartView } from '@/components/CartView'
import { DepositSummary } from '@/components/DepositSummary'
import { PageShell } from '@/components/PageShell'
import { ReceiptView } from '@/components/ReceiptView'
import { StatusView } from '@/components/StatusView'
import { AppError, isErrorCode } from '@/domain/errors'
import { formatDuration } from '@/domain/time'
import { useNow } from '@/hooks/useNow'
import { platform } from '@/platform'
import { useNoticeToast } from '@/hooks/useNoticeToast'
import { goToTarget, leaveToCabinet } from '@/navigation'
import { ROUTES } from '@/routes'
import { useAppStore } from '@/stores'
import './index.scss'

export default function ShoppingPage() {
  const { door, payment, resumeStatus, hasCabinet } = useAppStore(
    useShallow((s) => ({
      door: s.door,
      payment: s.payment,
      resumeStatus: s.resumeStatus,
      hasCabinet: s.cabinet.deviceCode !== null,
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
  const state = session?.state
  const now = useNow(state === 'open')

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

  let body
  const opening = state === 'opening' || state === 'awaiting_confirmation'
  if (door.error && (!session || opening)) {
    body = (
      <StatusView
        kind='error'
        error={door.error}
        onAction={(next) => (next === 'retry' ? retry() : backToCabinet())}
      />
    )
  } else if (door.rejoining && !session) {
    body = <StatusView kind='loading' text='正在回到您的购物…' />
  } else if (door.requesting || opening) {
    body = <StatusView kind='loading' text='开门中…' />
  } else if (!session) {
    body =
      resumeStatus === 'answered' ? (
        <StatusView kind='error' error={new AppError('SESSION_NOT_FOUND')} onAction={() => void rescan()} />
      ) : resumeStatus === 'unanswered' ? (
        <StatusView kind='error' error={new AppError('NETWORK')} onAction={() => void askCloud()} />
      ) : (
        <StatusView kind='loading' text='正在查询购物状态…' />
      )
  } else if (state === 'failed' || state === 'cancelled') {
    const code = session.failure?.code
    const error = new AppError(isErrorCode(code) ? code : 'DOOR_OPEN_FAILED', {
      detail: session.failure?.message,
    })
    body = (
      <View>
        <StatusView
          kind='error'
          error={error}
          onAction={(next) => (next === 'retry' ? retry() : backToCabinet())}
        />
        {session.deposit ? <DepositSummary deposit={session.deposit} /> : null}
      </View>
    )
  } else if (state === 'open' || state === 'closed') {
    const openedFor = door.openedAtLocal ? Math.max(0, now - door.openedAtLocal) : 0
    body = (
      <View className='shopping'>
        <View className={`shopping__banner shopping__banner--${state}`} role='status'>
          <Text className='shopping__title'>
            {state === 'open' ? '柜门已打开，请取商品' : '门已关好，正在结算'}
          </Text>
          {state === 'open' ? (
            <Text className='shopping__timer'>已开门 {formatDuration(openedFor)}</Text>
          ) : (
            <Text className='shopping__timer'>识别完成后自动扣款并显示小票，无需操作</Text>
          )}
        </View>
        {state === 'open' && door.closeReminder ? (
          <View className='shopping__reminder' role='alert'>
            取完商品请关好柜门，关门后自动结算
          </View>
        ) : null}
        {door.streamStatus === 'down' || door.streamStatus === 'connecting' ? (
          <View className='shopping__sync'>网络不稳定，正在同步购物车…</View>
        ) : null}
        {session.recognition === 'after_close' ? (
          <View className='shopping__vision'>关门后自动识别您拿取的商品</View>
        ) : (
          <CartView cart={session.cart} onObject={state === 'open' ? (id) => void object(id) : undefined} />
        )}
      </View>
    )
  } else if (state === 'settled' || (state === 'payment_pending' && door.receipt?.status === 'paid')) {
    // A failed charge paid in the app: the session stays payment_pending, the order is what changed.
    body = door.receipt ? (
      <View className='shopping'>
        <ReceiptView
          receipt={door.receipt}
          onCallService={() => platform.makePhoneCall(door.receipt!.servicePhone)}
        />
        <View
          className='shopping__after-sales'
          onClick={() =>
            void Taro.navigateTo({
              url: `${ROUTES.orderDetail}?orderId=${encodeURIComponent(door.receipt!.id)}`,
            })
          }
        >
          订单详情、退款与申诉 ›
        </View>
        <Button type='primary' block onClick={backToCabinet}>
          完成
        </Button>
      </View>
    ) : door.receiptError ? (
      <StatusView kind='error' error={door.receiptError} onAction={() => void actions.loadReceipt()} />
    ) : (
      <StatusView kind='loading' text='门已关好，正在结算…' />
    )
  } else if (state === 'empty') {
    body = (
      <Ending
        title='本次未购物，未扣款'
        hint={
          session.deposit
            ? '柜门已关好，没有识别到您拿取商品，押金全额退回。'
            : '柜门已关好，没有识别到您拿取商品。'
        }
        deposit={session.deposit}
        onDone={backToCabinet}
      />
    )
  } else if (state === 'payment_pending') {
    body = (
      <Ending
        title={session.deposit ? '押金不足，还需支付' : '扣款失败，订单待支付'}
        hint={
          payment.error
            ? `${payment.error.message}，${payment.error.hint}`
            : session.deposit
              ? '本次拿取的商品超出了押金，请支付差额，以免影响下次购物。'
              : '免密扣款没有成功，请完成支付，以免影响下次购物。'
        }
        deposit={session.deposit}
        action={{
          label: payment.phase === 'paying' || payment.phase === 'confirming' ? '支付中…' : '立即支付',
          onClick: () => void pay(),
        }}
        onDone={backToCabinet}
      />
    )
  } else {
    body = (
      <Ending
        title='订单审核中，暂未扣款'
        hint='系统未能自动确认您拿取的商品，工作人员会根据柜内记录核实后再结算，结果会通知您。'
        onDone={backToCabinet}
      />
    )
  }

  return <PageShell>{body}</PageShell>
}

function Ending(props: {
  title: string
  hint: string
  deposit?: Deposit
  action?: { label: string; onClick: () => void }
  onDone: () => void
}) {
  return (
    <View className='shopping shopping__ending' role='status'>
      <Text className='shopping__ending-title'>{props.title}</Text>
      <Text className='shopping__ending-hint'>{props.hint}</Text>
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
