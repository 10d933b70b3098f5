import { View } from '@tarojs/components'
import './index.scss'

export interface TabOption<T extends string | number> {
  value: T
  label: string
}

interface Props<T extends string | number> {
  options: readonly TabOption<T>[]
  value: T | null
  onChange: (value: T) => void
  /**
   * `line`: tabs across a page, the chosen one underlined (orders, doors); `pill`: a segmented control
   * in a grey track (ranges, groupings); `chips`: a form's choice among a few, wrapping (complaint kinds,
   * reasons). Tabs switch what is shown below them; chips answer a question, so they are radios.
   */
  look?: 'line' | 'pill' | 'chips'
  /** Names the group for screen readers and tests (`data-choice`). */
  name?: string
  disabled?: boolean
  className?: string
}

/**
 * The one tabs / segmented control. Ours rather than NutUI's Tabs: NutUI's pulls its own animation and
 * scroll code into the main package (the door tabs live there), and a row of Views renders the same in
 * both mini-program builds and the browser.
 */
export function Tabs<T extends string | number>({
  options,
  value,
  onChange,
  look = 'line',
  name,
  disabled,
  className,
}: Props<T>) {
  const radio = look === 'chips'
  return (
    <View
      className={`tabs tabs--${look}${className ? ` ${className}` : ''}`}
      role={radio ? 'radiogroup' : 'tablist'}
      data-choice={name}
    >
      {options.map((option) => {
        const on = option.value === value
        return (
          <View
            key={option.value}
            role={radio ? 'radio' : 'tab'}
            aria-selected={radio ? undefined : on}
            aria-checked={radio ? on : undefined}
            aria-disabled={disabled || undefined}
            data-value={option.value}
            className={`tabs__item${on ? ' tabs__item--on' : ''}`}
            onClick={() => !disabled && onChange(option.value)}
          >
            {option.label}
          </View>
        )
      })}
    </View>
  )
}
