import { useEffect, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import { PageShell } from '@/components/PageShell'
import { StatusView } from '@/components/StatusView'
import { Stepper } from '@/components/Stepper'
import { formatFen } from '@/domain/money'
import { formatDateTime, formatTime } from '@/domain/time'
import { ORDER_STATUS_LABEL } from '@/domain/labels'
import { Section } from '../../components/Section'
import { Refusal, StaffOnly } from '../../components/StaffOnly'
import { countInput } from '../../domain/counts'
import { ABNORMAL_REASON_LABEL, formatDelta } from '../../domain/labels'
import { useStaffStore } from '../../store'
import './index.scss'

export default function AbnormalCasePage() {
  const [orderId, setOrderId] = useState<string | null>(null)
  useLoad((q: Record<string, string | undefined>) => setOrderId(q.id ?? ''))
  return (
    <PageShell>
      {orderId === null ? null : (
        <StaffOnly>
          <AbnormalCase orderId={orderId} />
        </StaffOnly>
      )}
    </PageShell>
  )
}

function AbnormalCase({ orderId }: { orderId: string }) {
  const c = useStaffStore((s) => s.abnormalCase)
  const actions = useStaffStore(
    useShallow((s) => ({
      openAbnormalCase: s.openAbnormalCase,
      setCaseQty: s.setCaseQty,
      resolveAbnormal: s.resolveAbnormal,
    })),
  )
  const { openAbnormalCase } = actions
  useEffect(() => void openAbnormalCase(orderId), [openAbnormalCase, orderId])

  const order = c.order?.orderId === orderId ? c.order : null
  if (c.error?.status === 403) return <Refusal error={c.error} />
  if (!order) {
    return c.status === 'error' && c.error ? (
      <StatusView kind='error' error={c.error} onAction={() => void actions.openAbnormalCase(orderId)} />
    ) : (
      <StatusView kind='loading' text='正在读取订单…' />
    )
  }
  const names: Record<string, string> = {
    ...Object.fromEntries(c.catalog.map((g) => [g.productId, g.name])),
    ...Object.fromEntries(order.evidence.readings.map((r) => [r.productId, r.name])),
    ...Object.fromEntries(order.lines.map((l) => [l.productId, l.name])),
  }
  const resolve = async (action: 'confirm' | 'correct') => {
    const error = await actions.resolveAbnormal(action)
    if (error) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
  }
  const open = order.state === 'open' && !c.result
  const addable = c.catalog.filter((g) => c.qty[g.productId] === undefined)

  return (
    <View className='staff-page abnormal-case'>
      <View className='staff-card abnormal-case__head'>
        <Text className='abnormal-case__title'>{ABNORMAL_REASON_LABEL[order.reason]}</Text>
        <Text className='staff-muted'>
          订单 {order.orderId} · {order.deviceName} · {formatDateTime(order.createdAt)}
        </Text>
        <Text className='abnormal-case__total'>识别金额 {formatFen(order.totalFen)}</Text>
      </View>

      <Section title='柜子记录'>
        <View className='staff-card abnormal-case__evidence'>
          <Text>
            开门 {formatTime(order.evidence.doorOpenedAt)} · 关门 {formatTime(order.evidence.doorClosedAt)}
          </Text>
          {order.evidence.readings.map((r) => (
            <Text key={r.productId} className='abnormal-case__reading' data-product-id={r.productId}>
              {r.name}：开门时 {r.before}，关门时 {r.after}（{formatDelta(r.after - r.before)}）
            </Text>
          ))}
          {order.evidence.weightLog.length > 0 ? (
            <View className='abnormal-case__log'>
              {order.evidence.weightLog.map((e, i) => (
                <Text key={`${e.at}-${i}`} className='staff-muted'>
                  {formatTime(e.at)} {names[e.productId] ?? e.productId} {e.deltaQty < 0 ? '取出' : '放回'}{' '}
                  {Math.abs(e.deltaQty)}
                </Text>
              ))}
            </View>
          ) : null}
          {order.evidence.photoUrls.length > 0 ? (
            <View className='abnormal-case__photos'>
              {order.evidence.photoUrls.map((url) => (
                <Image
                  key={url}
                  className='abnormal-case__photo'
                  src={url}
                  mode='aspectFill'
                  onClick={() => void Taro.previewImage({ urls: order.evidence.photoUrls, current: url })}
                />
              ))}
            </View>
          ) : null}
        </View>
      </Section>

      {c.result ? (
        <Section title='处理结果'>
          <View
            className='staff-card abnormal-case__result'
            role='status'
            data-order-status={c.result.status}
          >
            <Text className='abnormal-case__result-title'>
              已处理，订单{ORDER_STATUS_LABEL[c.result.status]}，实付 {formatFen(c.result.totalFen)}
            </Text>
            {c.result.lines.map((l) => (
              <Text key={l.productId} className='abnormal-case__line-text'>
                {l.name} ×{l.qty} {formatFen(l.lineTotalFen)}
              </Text>
            ))}
          </View>
        </Section>
      ) : open ? (
        <Section title='顾客实际拿取'>
          <View className='staff-card'>
            {Object.entries(c.qty).map(([productId, qty]) => (
              <View key={productId} className='abnormal-case__line' data-product-id={productId}>
                <Text className='abnormal-case__line-name'>{names[productId] ?? productId}</Text>
                <Stepper
                  label={names[productId] ?? productId}
                  value={qty}
                  highlight={qty !== (order.lines.find((l) => l.productId === productId)?.qty ?? 0)}
                  {...countInput(qty, null, (n) => actions.setCaseQty(productId, n))}
                />
              </View>
            ))}
            {addable.length > 0 ? (
              <View className='abnormal-case__add'>
                <Text className='staff-muted'>漏识别的商品：</Text>
                {addable.map((g) => (
                  <Text
                    key={g.productId}
                    className='staff-link'
                    onClick={() => actions.setCaseQty(g.productId, 1)}
                  >
                    +{g.name}
                  </Text>
                ))}
              </View>
            ) : null}
          </View>
          <View className='abnormal-case__actions'>
            <Button block disabled={c.resolving} onClick={() => void resolve('confirm')}>
              按识别结果结算
            </Button>
            <Button type='primary' block disabled={c.resolving} onClick={() => void resolve('correct')}>
              {c.resolving ? '处理中…' : '按修改后结算'}
            </Button>
          </View>
        </Section>
      ) : (
        <View className='staff-card staff-muted'>该订单已处理</View>
      )}
    </View>
  )
}
