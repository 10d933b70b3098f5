import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import { PageShell } from '@/components/PageShell'
import { StatusView } from '@/components/StatusView'
import { CREDIT_METHOD_LABEL, DEPOSIT_METHODS } from '@/domain/labels'
import { formatFen } from '@/domain/money'
import { leaveToCabinet } from '@/navigation'
import type { CreditSlice } from '@/stores/creditSlice'
import { useAppStore } from '@/stores'
import './index.scss'

/** The one line above the methods for the state the page is in (none while simply choosing). */
function notice(credit: CreditSlice['credit']): { title: string; hint: string } | null {
  const name = credit.method ? CREDIT_METHOD_LABEL[credit.method] : ''
  switch (credit.phase) {
    case 'rejected':
      return { title: `${name}未通过`, hint: credit.reason ?? '评估暂不满足条件，可换一种方式开门' }
    case 'cancelled':
      return { title: `已取消${name}`, hint: '可重新开通，或换一种方式' }
    case 'failed':
      return {
        title: credit.error?.message ?? '未能开通',
        hint: credit.error?.hint ?? '请重试，或换一种方式',
      }
    default:
      return null
  }
}

export default function CreditPage() {
  const { credit, offer, servicePhone } = useAppStore(
    useShallow((s) => ({
      credit: s.credit,
      offer: s.cabinet.landing?.gate.credit ?? null,
      servicePhone: s.cabinet.landing?.merchant.servicePhone ?? '',
    })),
  )
  const actions = useAppStore(
    useShallow((s) => ({
      startCredit: s.startCredit,
      confirmCredit: s.confirmCredit,
      resetCredit: s.resetCredit,
      performNextStep: s.performNextStep,
    })),
  )

  useEffect(() => {
    if (credit.phase !== 'authorized') return
    void Taro.showToast({ title: '开通成功', icon: 'success' })
    actions.resetCredit()
    // Back to the cabinet: the page below, or (after a restart straight onto this page) the cabinet itself.
    leaveToCabinet(true)
  }, [credit.phase, actions])

  const callService = servicePhone ? (
    <Button block onClick={() => void actions.performNextStep('callService')}>
      联系客服 {servicePhone}
    </Button>
  ) : null

  if (credit.phase === 'starting' || credit.phase === 'onPlatform') {
    return (
      <PageShell>
        <StatusView
          kind='loading'
          text={credit.phase === 'starting' ? '正在打开…' : '请在打开的页面完成操作'}
        />
      </PageShell>
    )
  }

  if (credit.phase === 'confirming' || credit.phase === 'unknown') {
    const unknown = credit.phase === 'unknown'
    return (
      <PageShell>
        <View className='credit credit--waiting' role='status'>
          <Text className='credit__title'>{unknown ? '未能确认开通结果' : '确认中…'}</Text>
          <Text className='credit__hint'>
            {unknown
              ? '如已在微信或支付宝完成，稍后刷新即可；仍有疑问可联系客服。'
              : '正在向微信或支付宝确认结果，请稍候。'}
          </Text>
          <Button type='primary' block onClick={() => void actions.confirmCredit()}>
            {unknown ? '刷新' : '刷新状态'}
          </Button>
          {unknown ? callService : null}
        </View>
      </PageShell>
    )
  }

  const methods = offer?.methods ?? []
  const ineligible = offer?.ineligible ?? []
  const shown = notice(credit)
  return (
    <PageShell>
      <View className='credit'>
        <Text className='credit__title'>选择开门方式</Text>
        <Text className='credit__hint'>关门后按实际拿取的商品结算，未拿商品不扣款。</Text>

        {shown ? (
          <View className='credit__result' role='alert'>
            <Text className='credit__result-title'>{shown.title}</Text>
            <Text className='credit__result-hint'>{shown.hint}</Text>
          </View>
        ) : null}

        {methods.map((m, index) => (
          <View
            key={m.method}
            className={`credit__method${index === 0 ? ' credit__method--best' : ''}`}
            data-method={m.method}
          >
            <View className='credit__method-head'>
              <Text className='credit__method-title'>{m.title}</Text>
              {index === 0 ? <Text className='credit__badge'>推荐</Text> : null}
            </View>
            <Text className='credit__method-desc'>{m.description}</Text>
            <Button
              type={index === 0 ? 'primary' : 'default'}
              block
              onClick={() => void actions.startCredit(m.method)}
            >
              {DEPOSIT_METHODS.includes(m.method)
                ? `${m.method === 'alipay_preauth' ? '冻结' : '支付'} ${formatFen(m.depositFen ?? 0)} 开门`
                : credit.method === m.method && credit.phase === 'cancelled'
                  ? '重新开通'
                  : `开通${CREDIT_METHOD_LABEL[m.method]}`}
            </Button>
          </View>
        ))}

        {ineligible.length > 0 ? (
          <View className='credit__refused'>
            {ineligible.map((item) => (
              <Text key={item.method} className='credit__ineligible' data-method={item.method}>
                {CREDIT_METHOD_LABEL[item.method]}暂不可用：{item.reason}
              </Text>
            ))}
          </View>
        ) : null}

        {methods.length === 0 ? (
          <View className='credit__none' role='alert'>
            <Text className='credit__result-title'>这台柜子暂时没有可用的开门方式</Text>
            <Text className='credit__hint'>
              {ineligible.length > 0 ? '以上方式都未通过。' : ''}请联系客服，为您处理后再来购物。
            </Text>
            {callService}
          </View>
        ) : null}
      </View>
    </PageShell>
  )
}
