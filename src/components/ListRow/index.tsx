import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  label: ReactNode
  /** Text, or a control (a switch) drawn at the row's end. */
  value?: ReactNode
  /** A line under the row (a refund's path, a reason). */
  note?: ReactNode
  /** Stronger type for a total. */
  strong?: boolean
  className?: string
  /** Attributes tests and screen readers find the row by (`data-*`). */
  data?: Record<`data-${string}`, string | number>
  /** A row that leads somewhere: tappable, with a chevron. */
  onClick?: () => void
}

/** The one label … value row of cards and receipts. */
export function ListRow({ label, value, note, strong, className, data, onClick }: Props) {
  return (
    <View
      className={`list-row${strong ? ' list-row--strong' : ''}${onClick ? ' list-row--link' : ''}${className ? ` ${className}` : ''}`}
      onClick={onClick}
      {...data}
    >
      <View className='list-row__main'>
        <Text className='list-row__label'>{label}</Text>
        {value === undefined ? null : typeof value === 'string' || typeof value === 'number' ? (
          <Text className='list-row__value'>{value}</Text>
        ) : (
          // A mini-program Text holds only text: a control inside one is not drawn.
          <View className='list-row__value'>{value}</View>
        )}
        {onClick ? <Text className='list-row__chevron'>›</Text> : null}
      </View>
      {note ? <Text className='list-row__note'>{note}</Text> : null}
    </View>
  )
}
