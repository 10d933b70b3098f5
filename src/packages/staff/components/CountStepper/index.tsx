import { Input, Text, View } from '@tarojs/components'
import { parseCountText, stepCount } from '../../domain/counts'
import './index.scss'

interface Props {
  value: number
  /** The shelf capacity; the buttons stop there (typed numbers above it are refused by the caller). */
  max: number | null
  onChange: (value: number) => void
  disabled?: boolean
  /** Names the field for screen readers and tests, e.g. the product. */
  label: string
  /** A changed count is drawn as such. */
  highlight?: boolean
}

/** − count + with a field to type the number; what is typed is handed over as is, to be checked. */
export function CountStepper({ value, max, onChange, disabled, label, highlight }: Props) {
  const shown = Number.isFinite(value) ? String(value) : ''
  return (
    <View className={`count-stepper${highlight ? ' count-stepper--changed' : ''}`} aria-label={label}>
      <View
        className={`count-stepper__button${disabled ? ' count-stepper__button--off' : ''}`}
        role='button'
        aria-label={`${label} 减一`}
        data-step='minus'
        onClick={() => !disabled && onChange(stepCount(value, -1, max))}
      >
        <Text>−</Text>
      </View>
      <Input
        className='count-stepper__input'
        type='number'
        value={shown}
        disabled={disabled}
        maxlength={7}
        onInput={(e) => onChange(parseCountText(e.detail.value))}
      />
      <View
        className={`count-stepper__button${disabled ? ' count-stepper__button--off' : ''}`}
        role='button'
        aria-label={`${label} 加一`}
        data-step='plus'
        onClick={() => !disabled && onChange(stepCount(value, 1, max))}
      >
        <Text>+</Text>
      </View>
    </View>
  )
}
