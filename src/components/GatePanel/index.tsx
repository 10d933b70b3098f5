import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Gate } from '@/api/types'
import { describeError, type NextStep } from '@/domain/errors'
import { formatFen } from '@/domain/money'
import { formatShanghai } from '@/domain/time'
import type { PhoneCredential } from '@/platform/types'
import { PhoneButton } from '../PhoneButton'
import './index.scss'

interface Props {
  gate: Gate
  busy?: boolean
  onOpen: () => void
  onAction: (next: NextStep) => void
  onPhoneCredential: (credential: PhoneCredential) => void
}

/** The cloud's verdict on this shopper and cabinet: the 开门 button, or the reason and its one next step. */
export function GatePanel({ gate, busy, onOpen, onAction, onPhoneCredential }: Props) {
  const reason = gate.reasons[0]
  if (gate.mayOpen || !reason) {
    return (
      <View className='gate-panel gate-panel--clear'>
        {/* No `loading` spinner: NutUI draws it as an <i>, which mini-program templates cannot render. */}
        <Button className='gate-panel__open' type='primary' block disabled={busy} onClick={onOpen}>
          {busy ? '请稍候…' : '开门'}
        </Button>
        <Text className='gate-panel__note'>取完商品关好柜门，自动结算</Text>
      </View>
    )
  }
  const entry = describeError(reason.code)
  return (
    <View className='gate-panel gate-panel--blocked' data-gate-reason={reason.code} role='alert'>
      <Text className='gate-panel__title'>{entry.message}</Text>
      {reason.unpaidOrder ? (
        <Text className='gate-panel__detail'>待支付金额 {formatFen(reason.unpaidOrder.amountFen)}</Text>
      ) : null}
      {reason.retryAfterSec ? (
        <Text className='gate-panel__detail'>约 {reason.retryAfterSec} 秒后可再次开门</Text>
      ) : null}
      {reason.availableAt ? (
        <Text className='gate-panel__detail'>预计 {formatShanghai(reason.availableAt, 'HH:mm')} 后可用</Text>
      ) : null}
      <Text className='gate-panel__hint'>{entry.hint}</Text>
      {entry.next === 'bindPhone' ? (
        <PhoneButton label={entry.actionLabel} onCredential={onPhoneCredential} />
      ) : entry.next === 'none' ? (
        <Button className='gate-panel__open' block disabled>
          暂不可开门
        </Button>
      ) : (
        <Button
          className='gate-panel__action'
          type='primary'
          block
          disabled={busy}
          onClick={() => onAction(entry.next)}
        >
          {entry.actionLabel}
        </Button>
      )}
    </View>
  )
}
