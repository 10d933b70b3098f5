import type { ReactNode } from 'react'
import { Input, Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  /** The text as typed or pasted; `parseYuanToFen` reads it, so nothing is cleaned here. */
  value: string
  onInput: (text: string) => void
  placeholder?: string
  /** `large`: the one amount of a page (提现); `inline`: an amount among other settings (押金). */
  size?: 'large' | 'inline'
  /** Beside the field, e.g. 全部提现. */
  extra?: ReactNode
  className?: string
}

// Only the browser build reads nativeProps. Its `digit` input is a number input that drops pasted text, and
// Taro's own beforeinput / textInput filter cancels anything without an ASCII digit (a pasted ５０): a text
// input with the decimal keypad, and listeners that run before Taro's (they are set first, at render) and
// keep the text from its filter. The parser says what is wrong with what arrives.
const keepText = (event: Event) => event.stopImmediatePropagation()
const BROWSER_FIELD = {
  type: 'text',
  inputmode: 'decimal',
  onBeforeinput: keepText,
  onTextInput: keepText,
}

/**
 * The one amount field, in yuan. The phone shows its digit keyboard (`digit`: digits and a point), yet the
 * field stays a text field in the browser build (`nativeProps`, which only the browser build reads) so an
 * amount pasted from a statement (`¥ 1,288.00`, `５０`) arrives whole and is refused or read by the one
 * parser with its reason, instead of being silently emptied by a number input.
 */
export function AmountField({ value, onInput, placeholder, size = 'large', extra, className }: Props) {
  return (
    <View className={`amount-field amount-field--${size}${className ? ` ${className}` : ''}`}>
      <Text className='amount-field__currency'>¥</Text>
      <Input
        className='amount-field__input'
        type='digit'
        nativeProps={BROWSER_FIELD}
        placeholder={placeholder}
        value={value}
        onInput={(e) => onInput(e.detail.value)}
      />
      {extra}
    </View>
  )
}
