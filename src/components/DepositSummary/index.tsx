import { View } from '@tarojs/components'
import type { Deposit } from '@/api/types'
import { depositLines } from '@/domain/deposit'
import { ListRow } from '../ListRow'
import './index.scss'

/** What happened to a deposit (押金开门) or a freeze (预授权): held, charged, going back, still owed. */
export function DepositSummary({ deposit }: { deposit: Deposit }) {
  return (
    <View className='deposit-summary' data-return-state={deposit.returnState}>
      {depositLines(deposit).map((line) => (
        <ListRow
          key={line.label}
          className='deposit-summary__row'
          label={line.label}
          value={line.value}
          note={line.note}
        />
      ))}
    </View>
  )
}
