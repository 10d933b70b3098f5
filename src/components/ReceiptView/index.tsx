import { Text, View } from '@tarojs/components'
import type { Receipt, Refund } from '@/api/types'
import { formatFen } from '@/domain/money'
import { formatDateTime, formatShanghai, formatTime } from '@/domain/time'
import { CHANNEL_LABEL, ORDER_STATUS_LABEL, REFUND_STATE_LABEL } from '@/domain/labels'
import { DepositSummary } from '../DepositSummary'
import { ListRow } from '../ListRow'
import './index.scss'

interface Props {
  receipt: Receipt
  onCallService?: () => void
  /**
   * `afterClose` (default): the receipt right after the door closed, led by the door-closed confirmation.
   * `history`: a past order opened from the order list, where that confirmation would be noise.
   */
  variant?: 'afterClose' | 'history'
}

/** One refund: amount, back the way the money came (原路返回 to WeChat or Alipay), when, and its state. */
export function RefundRow({ refund }: { refund: Refund }) {
  return (
    <View className='receipt__refund' data-refund-id={refund.id} data-refund-state={refund.state}>
      <ListRow label={`退款 ${REFUND_STATE_LABEL[refund.state]}`} value={formatFen(refund.amountFen)} />
      <Text className='receipt__refund-note'>
        {refund.destination}至{CHANNEL_LABEL[refund.channel]}
      </Text>
      <Text className='receipt__refund-note'>
        申请 {formatDateTime(refund.createdAt)}
        {refund.succeededAt ? `，到账 ${formatDateTime(refund.succeededAt)}` : ''}
      </Text>
    </View>
  )
}

/** The receipt as the cloud computed it: every figure is the cloud's, the app only lays it out. */
export function ReceiptView({ receipt, onCallService, variant = 'afterClose' }: Props) {
  return (
    <View className='receipt' data-order-id={receipt.id}>
      {variant === 'afterClose' ? (
        <View className='receipt__closed' role='status'>
          <Text className='receipt__closed-title'>门已关好</Text>
          <Text className='receipt__closed-time'>关门时间 {formatTime(receipt.doorClosedAt)}</Text>
          <Text className='receipt__closed-note'>之后他人取走的商品与您无关</Text>
        </View>
      ) : null}

      <View className='receipt__total'>
        <Text className='receipt__status'>{ORDER_STATUS_LABEL[receipt.status]}</Text>
        <Text className='receipt__amount'>{formatFen(receipt.totalFen)}</Text>
      </View>

      <View className='receipt__card'>
        {receipt.lines.map((line) => (
          <View key={line.productId} className='receipt__line' data-product-id={line.productId}>
            <View className='receipt__line-main'>
              <Text className='receipt__line-name'>
                {line.name} ×{line.qty}
              </Text>
              <Text className='receipt__line-total'>{formatFen(line.lineTotalFen)}</Text>
            </View>
            <View className='receipt__line-prices'>
              <Text>单价 {formatFen(line.paidUnitPriceFen)}</Text>
              {line.paidUnitPriceFen !== line.unitPriceFen ? (
                <Text className='receipt__original'>原价 {formatFen(line.unitPriceFen)}</Text>
              ) : null}
            </View>
            {line.discounts.map((d) => (
              <View key={d.promotionId} className='receipt__discount'>
                <Text>{d.label}</Text>
                <Text>-{formatFen(d.amountFen)}</Text>
              </View>
            ))}
            {line.objected ? <Text className='receipt__objected'>已申报：这不是我拿的（待核实）</Text> : null}
          </View>
        ))}
        {receipt.promotions.map((p) => (
          <View key={p.promotionId} className='receipt__discount receipt__discount--order'>
            <Text>{p.label}</Text>
            <Text>-{formatFen(p.amountFen)}</Text>
          </View>
        ))}
        <View className='receipt__sum'>
          <Text>商品总额 {formatFen(receipt.subtotalFen)}</Text>
          <Text>优惠 -{formatFen(receipt.discountFen)}</Text>
          <Text className='receipt__sum-total'>实付 {formatFen(receipt.totalFen)}</Text>
        </View>
      </View>

      {receipt.deposit ? <DepositSummary deposit={receipt.deposit} /> : null}

      <View className='receipt__card receipt__meta'>
        <ListRow label='支付方式' value={CHANNEL_LABEL[receipt.channel]} />
        <ListRow label='订单号' value={receipt.id} />
        <ListRow label='柜子' value={`${receipt.device.name}（${receipt.device.place}）`} />
        <ListRow label='开门时间' value={formatShanghai(receipt.doorOpenedAt, 'YYYY-MM-DD HH:mm:ss')} />
        <ListRow label='关门时间' value={formatShanghai(receipt.doorClosedAt, 'YYYY-MM-DD HH:mm:ss')} />
        {receipt.paidAt ? <ListRow label='支付时间' value={formatDateTime(receipt.paidAt)} /> : null}
      </View>

      {receipt.refunds.length > 0 && (
        <View className='receipt__card receipt__refunds'>
          {receipt.refunds.map((r) => (
            <RefundRow key={r.id} refund={r} />
          ))}
        </View>
      )}

      <View className='receipt__service' onClick={onCallService}>
        <Text>商品有误？联系客服 {receipt.servicePhone}</Text>
      </View>
    </View>
  )
}
