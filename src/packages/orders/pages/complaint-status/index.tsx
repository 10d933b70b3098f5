import { useEffect, useState } from 'react'
import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { ListRow } from '@/components/ListRow'
import { PageShell } from '@/components/PageShell'
import { RefundRow } from '@/components/ReceiptView'
import { StatusView } from '@/components/StatusView'
import { formatFen } from '@/domain/money'
import { formatDateTime } from '@/domain/time'
import { platform } from '@/platform'
import { ServiceBar } from '../../components/ServiceBar'
import { COMPLAINT_KIND_LABEL, COMPLAINT_STATE_LABEL } from '../../domain/labels'
import { usePageParam } from '../../pageQuery'
import { useOrdersStore } from '../../store'
import './index.scss'

/** While a complaint waits for the merchant, its page asks again this often. */
const PENDING_REFRESH_MS = 5_000

const STATE_NOTE = {
  pending: '商户正在核实，处理结果会显示在这里',
  resolved: '商户已核实并更正订单，差额原路退回',
  rejected: '商户核实后驳回了申诉',
} as const

export default function ComplaintStatusPage() {
  const complaintId = usePageParam('complaintId')
  const orderId = usePageParam('orderId')
  const entry = useOrdersStore((s) => s.complaints[complaintId])
  const receipt = useOrdersStore((s) => s.receipts[orderId]?.value ?? null)
  const loadComplaint = useOrdersStore((s) => s.loadComplaint)
  const loadReceipt = useOrdersStore((s) => s.loadReceipt)
  const loadCabinetGoods = useOrdersStore((s) => s.loadCabinetGoods)
  const goods = useOrdersStore((s) => (receipt ? s.cabinetGoods[receipt.device.code] : undefined))
  const [visible, setVisible] = useState(true)

  useDidShow(() => {
    setVisible(true)
    void loadComplaint(complaintId)
    if (orderId) void loadReceipt(orderId)
  })
  useDidHide(() => setVisible(false))
  usePullDownRefresh(() => {
    void loadComplaint(complaintId).finally(() => Taro.stopPullDownRefresh())
  })

  const complaint = entry?.value ?? null
  const pending = complaint?.state === 'pending'
  // A product "actually taken" may be on no receipt line: its name comes from the cabinet's goods.
  const deviceCode = receipt?.device.code
  const needsGoods = Boolean(complaint?.items.some((i) => i.actualProductId))
  useEffect(() => {
    if (deviceCode && needsGoods) void loadCabinetGoods(deviceCode)
  }, [deviceCode, needsGoods, loadCabinetGoods])
  useEffect(() => {
    if (!pending || !visible) return undefined
    const timer = setInterval(() => void loadComplaint(complaintId), PENDING_REFRESH_MS)
    return () => clearInterval(timer)
  }, [pending, visible, complaintId, loadComplaint])

  if (!complaint) {
    return (
      <PageShell>
        {entry?.status === 'error' && entry.error ? (
          <StatusView kind='error' error={entry.error} onAction={() => void loadComplaint(complaintId)} />
        ) : (
          <StatusView kind='loading' text='正在加载申诉…' />
        )}
      </PageShell>
    )
  }

  const nameOf = (productId: string) =>
    receipt?.lines.find((l) => l.productId === productId)?.name ??
    complaint.correctedOrder?.lines.find((l) => l.productId === productId)?.name ??
    goods?.find((g) => g.productId === productId)?.name ??
    productId
  const phone = receipt?.servicePhone
  return (
    <PageShell>
      <View className='complaint-status' data-complaint-state={complaint.state}>
        <View className={`complaint-status__head complaint-status__head--${complaint.state}`} role='status'>
          <Text className='complaint-status__state'>{COMPLAINT_STATE_LABEL[complaint.state]}</Text>
          <Text className='complaint-status__note'>{STATE_NOTE[complaint.state]}</Text>
        </View>

        <View className='complaint-status__card'>
          <Step done label='提交申诉' time={complaint.createdAt} />
          <Step done={!pending} label={pending ? '等待商户处理' : '商户已处理'} time={complaint.handledAt} />
          <Step
            done={!pending}
            label={
              complaint.state === 'rejected'
                ? '已驳回'
                : complaint.state === 'resolved'
                  ? '已处理'
                  : '处理结果'
            }
          />
        </View>

        {complaint.reply ? (
          <View className='complaint-status__card complaint-status__reply'>
            <Text className='complaint-status__title'>商户回复</Text>
            <Text>{complaint.reply}</Text>
          </View>
        ) : null}

        {complaint.correctedOrder ? (
          <View className='complaint-status__card complaint-status__corrected'>
            <Text className='complaint-status__title'>更正后的订单</Text>
            {complaint.correctedOrder.lines.map((line) => (
              <ListRow
                key={line.productId}
                label={`${line.name} ×${line.qty}`}
                value={formatFen(line.lineTotalFen)}
              />
            ))}
            {complaint.correctedOrder.promotions.map((p) => (
              <ListRow key={p.promotionId} label={p.label} value={`-${formatFen(p.amountFen)}`} />
            ))}
            <ListRow
              strong
              className='complaint-status__total'
              label='更正后实付'
              value={formatFen(complaint.correctedOrder.totalFen)}
            />
            {complaint.refund ? <RefundRow refund={complaint.refund} /> : null}
          </View>
        ) : null}

        <View className='complaint-status__card'>
          <Text className='complaint-status__title'>申诉内容</Text>
          {complaint.items.map((item) => (
            <ListRow
              key={item.productId}
              label={nameOf(item.productId)}
              value={[
                COMPLAINT_KIND_LABEL[item.kind],
                item.actualQty !== undefined ? `（实际 ${item.actualQty} 件）` : '',
                item.actualProductId ? `（实际是 ${nameOf(item.actualProductId)}）` : '',
              ].join('')}
            />
          ))}
          {complaint.description ? (
            <Text className='complaint-status__text'>{complaint.description}</Text>
          ) : null}
          {complaint.photoUrls.length > 0 ? (
            <View className='complaint-status__photos'>
              {complaint.photoUrls.map((url) => (
                <Image key={url} className='complaint-status__photo' src={url} mode='aspectFill' />
              ))}
            </View>
          ) : null}
        </View>

        {phone ? <ServiceBar phone={phone} onCall={() => platform.makePhoneCall(phone)} /> : null}
      </View>
    </PageShell>
  )
}

function Step({ done, label, time }: { done: boolean; label: string; time?: string }) {
  return (
    <View className={`complaint-status__step${done ? ' complaint-status__step--done' : ''}`}>
      <View className='complaint-status__dot' />
      <Text className='complaint-status__step-label'>{label}</Text>
      {time ? <Text className='complaint-status__step-time'>{formatDateTime(time)}</Text> : null}
    </View>
  )
}
