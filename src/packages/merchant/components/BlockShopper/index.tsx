import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import type { BlacklistSource } from '@/api/types'
import { Notice } from '@/components/Notice'
import { MAX_BLACKLIST_REASON_CHARS } from '../../domain/blacklist'
import { MERCHANT_PAGES } from '../../routes'
import { useMerchantStore } from '../../store'
import './index.scss'

/**
 * 拉黑 the shopper of a complaint or an order: a link, then a reason and one confirming tap, then the
 * entry the cloud keeps. One form is open at a time, for the source it was opened for.
 */
export function BlockShopper({ source, compact }: { source: BlacklistSource; compact?: boolean }) {
  const blocking = useMerchantStore(useShallow((s) => s.blocking))
  const actions = useMerchantStore(
    useShallow((s) => ({
      startBlock: s.startBlock,
      setBlockReason: s.setBlockReason,
      cancelBlock: s.cancelBlock,
      submitBlock: s.submitBlock,
    })),
  )
  const mine = blocking.source?.kind === source.kind && blocking.source.id === source.id
  const step = mine ? blocking.step : 'closed'
  const data = { 'data-source-kind': source.kind, 'data-source-id': source.id }

  if (step === 'closed') {
    return (
      <View className={`block-shopper${compact ? ' block-shopper--compact' : ''}`} {...data}>
        <Text className='block-shopper__open' onClick={() => actions.startBlock(source)}>
          拉黑该顾客
        </Text>
      </View>
    )
  }

  if (step === 'done') {
    return (
      <View className='block-shopper block-shopper--done' role='status' {...data}>
        <Text className='block-shopper__done'>
          已拉黑 {blocking.entry?.phoneMasked ?? '该顾客'}，TA 将无法在您的柜子开门
        </Text>
        <Text
          className='block-shopper__link'
          onClick={() => void Taro.navigateTo({ url: MERCHANT_PAGES.blacklist })}
        >
          查看黑名单
        </Text>
      </View>
    )
  }

  const busy = step === 'submitting'
  const length = [...blocking.reason.trim()].length
  return (
    <View className='block-shopper block-shopper--form' role='dialog' {...data}>
      <Text className='block-shopper__title'>拉黑该顾客</Text>
      <Text className='m-muted'>拉黑后 TA 无法在您的任何柜子开门购物，可随时在黑名单中解除</Text>
      <Textarea
        className='block-shopper__reason'
        value={blocking.reason}
        maxlength={MAX_BLACKLIST_REASON_CHARS}
        disabled={busy}
        placeholder='拉黑原因（必填，仅自己可见）'
        onInput={(e) => actions.setBlockReason(e.detail.value)}
      />
      <Text className='m-muted block-shopper__count'>
        {length}/{MAX_BLACKLIST_REASON_CHARS}
      </Text>
      <Notice error={blocking.error} />
      <View className='m-actions block-shopper__actions'>
        <Button disabled={busy} onClick={actions.cancelBlock}>
          取消
        </Button>
        <Button type='danger' disabled={busy} onClick={() => void actions.submitBlock()}>
          {busy ? '提交中…' : '确认拉黑'}
        </Button>
      </View>
    </View>
  )
}
