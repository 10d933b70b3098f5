import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import { PageShell } from '@/components/PageShell'
import { StatusView } from '@/components/StatusView'
import { CREDIT_METHOD_LABEL } from '@/domain/labels'
import { formatFen } from '@/domain/money'
import { leaveToCabinet } from '@/navigation'
import { useAppStore } from '@/stores'
import './index.scss'

export default function CreditPage() {
  const { credit, offer } = useAppStore(
    useShallow((s) => ({ credit: s.credit, offer: s.cabinet.landing?.gate.credit ?? null })),
  )
  const startCredit = useAppStore((s) => s.startCredit)
  const resetCredit = useAppStore((s) => s.resetCredit)

  useEffect(() => {
    if (credit.phase !== 'authorized') return
    void Taro.showToast({ title: '授权成功，可以开门了', icon: 'success' })
    resetCredit()
    // Back to the cabinet: the page below, or (after a restart straight onto this page) the cabinet itself.
    leaveToCabinet(true)
  }, [credit.phase, resetCredit])

  if (credit.phase === 'starting' || credit.phase === 'confirming') {
    return (
      <PageShell>
        <StatusView kind='loading' text={credit.phase === 'starting' ? '正在打开授权页…' : '确认中…'} />
      </PageShell>
    )
  }

  const methods = offer?.methods ?? []
  return (
    <PageShell>
      <View className='credit'>
        <Text className='credit__title'>先拿后付，关门自动扣款</Text>
        <Text className='credit__hint'>开通一次，之后扫码即开门。取走多少付多少，未拿商品不扣款。</Text>

        {credit.phase === 'rejected' || credit.phase === 'cancelled' || credit.phase === 'failed' ? (
          <View className='credit__result' role='alert'>
            {credit.phase === 'rejected'
              ? `授权未通过：${credit.reason ?? '信用评估暂不满足条件'}`
              : credit.phase === 'cancelled'
                ? '您已取消授权，可重新选择'
                : `${credit.error?.message ?? '授权失败'}，${credit.error?.hint ?? '请稍后重试'}`}
          </View>
        ) : null}

        {methods.map((m, index) => (
          <View key={m.method} className={`credit__method${index === 0 ? ' credit__method--best' : ''}`}>
            <View className='credit__method-head'>
              <Text className='credit__method-title'>{m.title}</Text>
              {index === 0 ? <Text className='credit__badge'>推荐</Text> : null}
            </View>
            <Text className='credit__method-desc'>{m.description}</Text>
            {m.depositFen !== undefined ? (
              <Text className='credit__deposit'>需预授权冻结 {formatFen(m.depositFen)}，结算后解冻</Text>
            ) : null}
            <Button
              type={index === 0 ? 'primary' : 'default'}
              block
              onClick={() => void startCredit(m.method)}
            >
              {index === 0 ? '立即开通' : `使用${CREDIT_METHOD_LABEL[m.method]}`}
            </Button>
          </View>
        ))}

        {(offer?.ineligible ?? []).map((item) => (
          <Text key={item.method} className='credit__ineligible'>
            {CREDIT_METHOD_LABEL[item.method]}暂不可用：{item.reason}
            {methods[0] ? `，可使用${CREDIT_METHOD_LABEL[methods[0].method]}` : ''}
          </Text>
        ))}

        {methods.length === 0 ? (
          <Text className='credit__ineligible'>暂无可用的免密支付方式，请联系客服</Text>
        ) : null}
      </View>
    </PageShell>
  )
}
