import { Text, View } from '@tarojs/components'
import type { StockAdjustReason } from '@/api/types'
import { Tabs } from '@/components/Tabs'
import { ADJUST_REASON_LABEL, ADJUST_REASONS } from '../../domain/labels'
import './index.scss'

interface Props {
  value: StockAdjustReason | null
  onChange: (reason: StockAdjustReason) => void
  disabled?: boolean
  /** No reason chosen yet although one is needed. */
  missing?: boolean
}

const OPTIONS = ADJUST_REASONS.map((reason) => ({ value: reason, label: ADJUST_REASON_LABEL[reason] }))

/** 损坏 / 过期 / 丢失 / 其他: why a count differs, asked for (in the brand colour) until chosen. */
export function ReasonChips({ value, onChange, disabled, missing }: Props) {
  return (
    <View className={`reason-chips${missing ? ' reason-chips--missing' : ''}`}>
      <Text className='reason-chips__label'>原因</Text>
      <Tabs
        look='chips'
        name='reason'
        options={OPTIONS}
        value={value}
        disabled={disabled}
        onChange={onChange}
      />
    </View>
  )
}
