import { Input, Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  value: number
  /** Names the count for screen readers ("可口可乐 加一") and tests, e.g. the product. */
  label: string
  /** A tap on − or +; the caller decides the next value (its own bounds and rules). */
  onStep: (step: 1 | -1) => void
  /** With it the count is a field that takes typed digits, handed over as typed to be checked. */
  onType?: (text: string) => void
  /** Where the buttons are drawn off; a tap there still reaches `onStep`, which keeps the value. */
  min?: number
  max?: number | null
  disabled?: boolean
  /** A count that differs from what it started as is drawn as such. */
  highlight?: boolean
}

/**
 * The one stepper: − count +. Ours rather than NutUI's InputNumber, whose − and + are icon fonts drawn as
 * `<i>`, which mini-program templates do not render.
 */
export function Stepper({ value, label, onStep, onType, min = 0, max = null, disabled, highlight }: Props) {
  const shown = Number.isFinite(value) ? String(value) : ''
  const button = (step: 1 | -1) => {
    const off = disabled || (step < 0 ? value <= min : max !== null && value >= max)
    return (
      <View
        className={`stepper__button${off ? ' stepper__button--off' : ''}`}
        role='button'
        aria-label={`${label} ${step < 0 ? '减一' : '加一'}`}
        aria-disabled={off || undefined}
        data-step={step < 0 ? 'minus' : 'plus'}
        onClick={() => !disabled && onStep(step)}
      >
        <Text>{step < 0 ? '−' : '+'}</Text>
      </View>
    )
  }
  return (
    <View className={`stepper${highlight ? ' stepper--changed' : ''}`} aria-label={label}>
      {button(-1)}
      {onType ? (
        <Input
          className='stepper__value stepper__input'
          type='number'
          value={shown}
          disabled={disabled}
          maxlength={7}
          onInput={(e) => onType(e.detail.value)}
        />
      ) : (
        <Text className='stepper__value' data-qty={value}>
          {shown}
        </Text>
      )}
      {button(1)}
    </View>
  )
}
