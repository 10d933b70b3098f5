import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import type { MerchantComplaint } from '@/api/types'
import { Notice } from '@/components/Notice'
import { ListRow } from '@/components/ListRow'
import { PageShell } from '@/components/PageShell'
import { Stepper } from '@/components/Stepper'
import { CHANNEL_LABEL, COMPLAINT_STATE_LABEL } from '@/domain/labels'
import { formatFen } from '@/domain/money'
import { formatDateTime, formatShanghai, formatTime } from '@/domain/time'
import { BlockShopper } from '../../components/BlockShopper'
import { LoadGate } from '../../components/LoadGate'
import { complaintLines, productNamer } from '../../domain/complaintText'
import { MAX_REPLY_CHARS } from '../../domain/correction'
import { useMerchantStore } from '../../store'
import { complaintById } from '../../store/complaintsSlice'
import '../../styles/common.scss'
import './index.scss'

export default function ComplaintPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { list, item, decision } = useMerchantStore(
    useShallow((s) => ({ list: s.complaints.list, item: complaintById(s, id), decision: s.decision })),
  )
  const open = useMerchantStore((s) => s.openComplaint)
  useEffect(() => void open(id), [id, open])

  return (
    <PageShell>
      <LoadGate load={list} onRetry={() => void open(id)}>
        {item ? (
          <View className='m-page complaint' data-complaint-id={id} data-state={item.complaint.state}>
            <ShopperSide item={item} />
            <OrderSide item={item} />
            <Evidence item={item} />
            {item.complaint.state === 'pending' && decision.complaintId === id ? (
              <Decide item={item} />
            ) : (
              <Outcome item={item} />
            )}
          </View>
        ) : null}
      </LoadGate>
    </PageShell>
  )
}

function ShopperSide({ item }: { item: MerchantComplaint }) {
  const { complaint } = item
  return (
    <View className='m-card'>
      <View className='complaint__head'>
        <Text className='m-card__title'>顾客申诉</Text>
        <Text className={`m-badge m-badge--${complaint.state}`}>
          {COMPLAINT_STATE_LABEL[complaint.state]}
        </Text>
      </View>
      {complaintLines(item).map((line) => (
        <Text key={line} className='complaint__line'>
          {line}
        </Text>
      ))}
      {complaint.description ? (
        <Text className='complaint__description'>“{complaint.description}”</Text>
      ) : null}
      {complaint.photoUrls.length > 0 ? (
        <View className='complaint__photos'>
          {complaint.photoUrls.map((url) => (
            <Image
              key={url}
              className='complaint__photo'
              src={url}
              mode='aspectFill'
              onClick={() => void Taro.previewImage({ urls: complaint.photoUrls, current: url })}
            />
          ))}
        </View>
      ) : null}
      <Text className='m-muted'>提交于 {formatDateTime(complaint.createdAt)}</Text>
      <BlockShopper source={{ kind: 'complaint', id: complaint.id }} />
    </View>
  )
}

function OrderSide({ item }: { item: MerchantComplaint }) {
  const { order } = item
  return (
    <View className='m-card'>
      <Text className='m-card__title'>原订单</Text>
      {order.lines.map((l) => (
        <ListRow key={l.productId} label={`${l.name} ×${l.qty}`} value={formatFen(l.lineTotalFen)} />
      ))}
      {order.promotions.map((p) => (
        <ListRow key={p.promotionId} label={p.label} value={`-${formatFen(p.amountFen)}`} />
      ))}
      <ListRow
        strong
        className='complaint__total'
        label={`实付（${CHANNEL_LABEL[order.channel]}）`}
        value={formatFen(order.totalFen)}
      />
      <Text className='m-muted'>
        {order.device.name}（{order.device.place}）· 订单号 {order.id}
      </Text>
    </View>
  )
}

function Evidence({ item }: { item: MerchantComplaint }) {
  const { order, evidence } = item
  const name = productNamer(item)
  return (
    <View className='m-card complaint__evidence'>
      <Text className='m-card__title'>现场记录</Text>
      <ListRow label='开门' value={formatShanghai(order.doorOpenedAt, 'YYYY-MM-DD HH:mm:ss')} />
      {(evidence?.weightLog ?? []).map((e, i) => (
        <ListRow
          key={`${e.at}-${i}`}
          className='complaint__weight'
          data={{ 'data-product-id': e.productId }}
          label={formatTime(e.at)}
          value={`${e.deltaQty < 0 ? '取走' : '放回'} ${name(e.productId)} ×${Math.abs(e.deltaQty)}`}
        />
      ))}
      <ListRow label='关门' value={formatShanghai(order.doorClosedAt, 'YYYY-MM-DD HH:mm:ss')} />
      {(evidence?.photoUrls ?? []).length > 0 ? (
        <View className='complaint__photos'>
          {evidence!.photoUrls.map((url) => (
            <Image key={url} className='complaint__photo' src={url} mode='aspectFill' />
          ))}
        </View>
      ) : null}
    </View>
  )
}

function Decide({ item }: { item: MerchantComplaint }) {
  const name = productNamer(item)
  const decision = useMerchantStore(useShallow((s) => s.decision))
  const actions = useMerchantStore(
    useShallow((s) => ({
      setCorrectionQty: s.setCorrectionQty,
      setDecisionReply: s.setDecisionReply,
      reviewDecision: s.reviewDecision,
      backToEditDecision: s.backToEditDecision,
      submitDecision: s.submitDecision,
    })),
  )
  const editing = decision.step === 'edit'
  const busy = decision.step === 'submitting'

  if (!editing) {
    const corrected = decision.lines
      .filter((l) => l.qty > 0)
      .map((l) => `${name(l.productId)}×${l.qty}`)
      .join('、')
    return (
      <View className='m-card complaint__confirm' role='dialog'>
        <Text className='m-card__title'>{decision.mode === 'approve' ? '确认同意' : '确认驳回'}</Text>
        {decision.mode === 'approve' ? (
          <Text className='complaint__summary'>
            订单更正为：{corrected || '未购物'}。云端按开门时的价格与优惠重新计算，差额原路退回顾客。
          </Text>
        ) : (
          <Text className='complaint__summary'>驳回并回复顾客：“{decision.reply.trim()}”</Text>
        )}
        <Notice error={decision.error} />
        <View className='m-actions complaint__actions'>
          <Button disabled={busy} onClick={actions.backToEditDecision}>
            返回修改
          </Button>
          <Button type='primary' disabled={busy} onClick={() => void actions.submitDecision()}>
            {busy ? '提交中…' : decision.mode === 'approve' ? '确认同意' : '确认驳回'}
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className='m-card complaint__decide'>
      <Text className='m-card__title'>更正订单</Text>
      <Text className='m-muted'>按顾客实际拿走的数量更正，金额由云端重新计算</Text>
      {decision.lines.map((l) => (
        <View key={l.productId} className='complaint__correction' data-product-id={l.productId}>
          <View className='complaint__correction-name'>
            <Text>{name(l.productId)}</Text>
            <Text className='m-muted'>扣款 {l.chargedQty} 件</Text>
          </View>
          <Stepper
            label={name(l.productId)}
            value={l.qty}
            highlight={l.qty !== l.chargedQty}
            onStep={(step) => actions.setCorrectionQty(l.productId, l.qty + step)}
          />
        </View>
      ))}
      <Textarea
        className='complaint__reply'
        value={decision.reply}
        maxlength={MAX_REPLY_CHARS}
        placeholder='回复顾客（驳回时必填）'
        onInput={(e) => actions.setDecisionReply(e.detail.value)}
      />
      <Notice error={decision.error} />
      <View className='m-actions complaint__actions'>
        <Button onClick={() => actions.reviewDecision('reject')}>驳回</Button>
        <Button type='primary' onClick={() => actions.reviewDecision('approve')}>
          同意并退差额
        </Button>
      </View>
    </View>
  )
}

function Outcome({ item }: { item: MerchantComplaint }) {
  const { complaint } = item
  const decision = useMerchantStore((s) => s.decision)
  return (
    <View className='m-card complaint__outcome' role='status'>
      <Text className='m-card__title'>处理结果：{COMPLAINT_STATE_LABEL[complaint.state]}</Text>
      {decision.complaintId === complaint.id ? <Notice error={decision.error} /> : null}
      {complaint.reply ? <Text className='complaint__line'>回复：{complaint.reply}</Text> : null}
      {complaint.correctedOrder ? (
        <ListRow
          label='更正后订单'
          value={formatFen(complaint.correctedOrder.totalFen)}
          data={{ 'data-corrected-total': complaint.correctedOrder.totalFen }}
        />
      ) : null}
      {complaint.refund ? (
        <ListRow
          label='退款'
          value={`${formatFen(complaint.refund.amountFen)} ${complaint.refund.destination}（${
            complaint.refund.state === 'succeeded' ? '已到账' : '处理中'
          }）`}
          data={{ 'data-refund-fen': complaint.refund.amountFen }}
        />
      ) : null}
      {complaint.handledAt ? (
        <Text className='m-muted'>处理于 {formatDateTime(complaint.handledAt)}</Text>
      ) : null}
    </View>
  )
}
