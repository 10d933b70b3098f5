import { View } from '@tarojs/components'
import './index.scss'

interface ToggleProps {
  checked: boolean
  onChange: (checked: boolean) => void
  /** What the switch turns on, read out by screen readers. */
  label: string
}

/**
 * An on/off switch. Ours rather than NutUI's: NutUI's writes `aria-role`, which browsers and screen readers
 * do not know; this one is a real ARIA switch in the browser (the mini-program templates drop ARIA attributes
 * either way). The whole track is the tap target, at least the token's tap size high.
 */
export function Toggle({ checked, onChange, label }: ToggleProps) {
  // Taro's View types know no tabIndex; the browser build passes it on, and keyboards reach the switch.
  const focusable = { tabIndex: 0 }
  return (
    <View
      className={`toggle${checked ? ' toggle--on' : ''}`}
      role='switch'
      aria-checked={checked}
      aria-label={label}
      {...focusable}
      onClick={() => onChange(!checked)}
    >
      <View className='toggle__track'>
        <View className='toggle__thumb' />
      </View>
    </View>
  )
}
