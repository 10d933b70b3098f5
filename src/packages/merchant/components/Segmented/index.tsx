import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props<T extends string> {
  options: readonly { value: T; label: string }[]
  value: T | null
  onChange: (value: T) => void
}

/** A row of mutually exclusive choices (ranges, groupings, complaint states). */
export function Segmented<T extends string>({ options, value, onChange }: Props<T>) {
  return (
    <View className='segmented' role='tablist'>
      {options.map((o) => (
        <View
          key={o.value}
          role='tab'
          aria-selected={o.value === value}
          data-value={o.value}
          className={`segmented__item${o.value === value ? ' segmented__item--active' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
