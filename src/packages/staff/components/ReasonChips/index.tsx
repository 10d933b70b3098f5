import { Text, View } from '@tarojs/components'
import type { StockAdjustReason } from '@/api/types'
import { ADJUST_REASON_LABEL, ADJUST_REASONS } from '../../domain/labels'
import './index.scss'

interface Props {
  value: StockAdjustReason | null
  onChange: (reason: StockAdjustReason) => void
  disabled?: boolean
  /** No reason chosen yet although one is needed. */
  missing?: boolean
}

/** 损坏 / 过期 / 丢失 / 其他: why a count differs. */
export function ReasonChips({ value, onChange, disabled, missing }: Props) {
  return (
    <View className={`reason-chips${missing ? ' reason-chips--missing' : ''}`} role='radiogroup'>
      <Text className='reason-chips__label'>原因</Text>
      {ADJUST_REASONS.map((reason) => (
        <View
          key={reason}
          role='radio'
          aria-checked={value === reason}
          className={`reason-chips__chip${value === reason ? ' reason-chips__chip--on' : ''}`}
          onClick={() => !disabled && onChange(reason)}
        >
          {ADJUST_REASON_LABEL[reason]}
        </View>
      ))}
    </View>
  )
}
