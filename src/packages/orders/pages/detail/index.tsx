import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { ReceiptView } from '@/components/ReceiptView'
import { StatusView } from '@/components/StatusView'
import { formatFen } from '@/domain/money'
import { formatDateTime } from '@/domain/time'
import { platform } from '@/platform'
import { useAppStore } from '@/stores'
import { ComplaintCard } from '../../components/ComplaintCard'
import { ServiceBar } from '../../components/ServiceBar'
import { complaintAvailability, windowClosedMessage } from '../../domain/complaintDraft'
import { usePageParam } from '../../pageQuery'
import { orderPages } from '../../routes'
import { useOrdersStore } from '../../store'
import { usePaymentToast } from '../../usePaymentToast'
import './index.scss'

export default function OrderDetailPage() {
  const orderId = usePageParam('orderId')
  const entry = useOrdersStore((s) => s.receipts[orderId])
  const receipt = entry?.value ?? null
  const complaint = useOrdersStore((s) =>
    receipt?.complaint ? (s.complaints[receipt.complaint.id]?.value ?? null) : null,
  )
  const loadReceipt = useOrdersStore((s) => s.loadReceipt)
  const cloudNow = useOrdersStore((s) => s.cloudNow)
  const paying = useOrdersStore((s) => s.payingOrderId === orderId)
  const paymentPhase = useAppStore((s) => s.payment.phase)
  const pay = usePaymentToast(useOrdersStore((s) => s.payOrder))

  // Every show: a complaint filed, handled or a refund settled meanwhile is on the receipt when back.
  useDidShow(() => void loadReceipt(orderId))
  usePullDownRefresh(() => {
    void loadReceipt(orderId).finally(() => Taro.stopPullDownRefresh())
  })

  if (!receipt) {
    return (
      <PageShell>
        {entry?.status === 'error' && entry.error ? (
          <StatusView
            kind='error'
            error={entry.error}
            onAction={(next) => (next === 'back' ? void Taro.navigateBack() : void loadReceipt(orderId))}
          />
        ) : (
          <StatusView kind='loading' text='正在加载订单…' />
        )}
      </PageShell>
    )
  }

  const availability = complaintAvailability(receipt, cloudNow())
  const call = () => platform.makePhoneCall(receipt.servicePhone)
  return (
    <PageShell>
      <View className='order-detail'>
        {receipt.status === 'unpaid' ? (
          <View className='order-detail__pay' role='alert'>
            <Text className='order-detail__pay-title'>
              待支付 {formatFen(receipt.amountDueFen ?? receipt.totalFen)}
            </Text>
            <Text className='order-detail__pay-hint'>
              支付后才能继续开门购物，结果以支付平台和云端确认为准
            </Text>
            <Button type='primary' block disabled={paying} onClick={() => void pay(orderId)}>
              {paying ? (paymentPhase === 'confirming' ? '支付确认中…' : '支付中…') : '去支付'}
            </Button>
          </View>
        ) : null}

        <ReceiptView receipt={receipt} variant='history' onCallService={call} />

        {receipt.complaint ? (
          <ComplaintCard
            summary={receipt.complaint}
            complaint={complaint}
            onOpen={() =>
              void Taro.navigateTo({ url: orderPages.complaintStatus(receipt.complaint!.id, receipt.id) })
            }
          />
        ) : availability.state === 'open' ? (
          <View className='order-detail__complain'>
            <Button block onClick={() => void Taro.navigateTo({ url: orderPages.complaint(receipt.id) })}>
              商品或金额有误？申诉
            </Button>
            <Text className='order-detail__window'>申诉期限至 {formatDateTime(availability.endsAt)}</Text>
          </View>
        ) : availability.state === 'closed' ? (
          <Text className='order-detail__window' data-complaint-window='closed'>
            {windowClosedMessage(availability.endsAt)}
          </Text>
        ) : null}

        <ServiceBar
          onReportFault={() =>
            void Taro.navigateTo({
              url: orderPages.fault(receipt.device.code, receipt.sessionId, receipt.id),
            })
          }
        />
      </View>
    </PageShell>
  )
}
