import { View } from '@tarojs/components'
import './index.scss'

interface Props<T extends string> {
  options: readonly { value: T; label: string }[]
  value: T | null
  onChange: (value: T) => void
  /** Names the group for tests and screen readers (`data-choice`). */
  name: string
}

/** One choice among a few, as tappable chips (the same on WeChat, Alipay and H5). */
export function ChoiceChips<T extends string>({ options, value, onChange, name }: Props<T>) {
  return (
    <View className='choice-chips' role='radiogroup' data-choice={name}>
      {options.map((option) => (
        <View
          key={option.value}
          role='radio'
          aria-checked={option.value === value}
          data-value={option.value}
          className={`choice-chips__chip${option.value === value ? ' choice-chips__chip--on' : ''}`}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </View>
      ))}
    </View>
  )
}
