import { Text, View } from '@tarojs/components'
import type { Deposit } from '@/api/types'
import { depositLines } from '@/domain/deposit'
import './index.scss'

/** What happened to a deposit (押金开门) or a freeze (预授权): held, charged, going back, still owed. */
export function DepositSummary({ deposit }: { deposit: Deposit }) {
  return (
    <View className='deposit-summary' data-return-state={deposit.returnState}>
      {depositLines(deposit).map((line) => (
        <View key={line.label} className='deposit-summary__row'>
          <View className='deposit-summary__main'>
            <Text className='deposit-summary__label'>{line.label}</Text>
            <Text className='deposit-summary__value'>{line.value}</Text>
          </View>
          {line.note ? <Text className='deposit-summary__note'>{line.note}</Text> : null}
        </View>
      ))}
    </View>
  )
}
