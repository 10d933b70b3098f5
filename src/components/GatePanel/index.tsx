import { useEffect, useMemo, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { cloudOffsetMs } from '@/api/cloudClock'
import type { Gate } from '@/api/types'
import { describeError, type NextStep } from '@/domain/errors'
import { formatFen } from '@/domain/money'
import { formatShanghai } from '@/domain/time'
import { secondsLeft, waitEnd } from '@/domain/waitLeft'
import { useNow } from '@/hooks/useNow'
import type { PhoneCredential } from '@/platform/types'
import { PhoneButton } from '../PhoneButton'
import './index.scss'

interface Props {
  gate: Gate
  busy?: boolean
  /** On a cabinet with several doors, the door the button opens (左门): the button says so. */
  doorName?: string
  onOpen: () => void
  onAction: (next: NextStep) => void
  onPhoneCredential: (credential: PhoneCredential) => void
}

/** The cloud's verdict on this shopper and cabinet: the 开门 button, or the reason and its one next step. */
export function GatePanel({ gate, busy, doorName, onOpen, onAction, onPhoneCredential }: Props) {
  const reason = gate.reasons[0]
  const wait = useWaitLeft(gate, () => onAction('wait'))
  if (gate.mayOpen || !reason) {
    return (
      <View className='gate-panel gate-panel--clear'>
        {/* No `loading` spinner: NutUI draws it as an <i>, which mini-program templates cannot render. */}
        <Button className='gate-panel__open' type='primary' block disabled={busy} onClick={onOpen}>
          {busy ? '请稍候…' : doorName ? `打开${doorName}` : '开门'}
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
      {wait ? (
        <Text className='gate-panel__detail gate-panel__countdown' data-seconds={wait.seconds}>
          约 {wait.seconds} 秒后可再次开门
        </Text>
      ) : null}
      {wait?.fromCloudTime ? (
        <Text className='gate-panel__detail gate-panel__available'>
          预计 {formatShanghai(wait.at, 'HH:mm')} 后可用
        </Text>
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

/**
 * The wait the first reason asks for (`waitEnd`), ticking each second. When the wait is over the gate is
 * asked again (`onOver`, once per gate).
 */
function useWaitLeft(gate: Gate, onOver: () => void) {
  // The gate object is new with each answer: the moment it arrived is when retryAfterSec started.
  const arrivedAt = useMemo(() => Date.now(), [gate]) // eslint-disable-line react-hooks/exhaustive-deps
  const end = waitEnd(gate, arrivedAt, cloudOffsetMs())
  const at = end?.at ?? null
  const now = useNow(at !== null)
  const seconds = at === null ? 0 : secondsLeft(at, now)
  // Asked again only after a wait seen ticking on this gate: an answer whose wait is already over (clocks
  // apart) is shown as is, not re-asked in a loop.
  const ticking = useRef<Gate | null>(null)
  const onOverRef = useRef(onOver)
  onOverRef.current = onOver
  useEffect(() => {
    if (at === null) return
    if (seconds > 0) ticking.current = gate
    else if (ticking.current === gate) {
      ticking.current = null
      onOverRef.current()
    }
  }, [at, seconds, gate])
  return end === null || seconds === 0 ? null : { seconds, ...end }
}
