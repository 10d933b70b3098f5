import type { PropsWithChildren, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  title?: string
  /** Right of the title: a count, a link. */
  extra?: ReactNode
  className?: string
}

/** A titled white card, the staff workspace's one layout block. */
export function Section({ title, extra, className, children }: PropsWithChildren<Props>) {
  return (
    <View className={`staff-section${className ? ` ${className}` : ''}`}>
      {title ? (
        <View className='staff-section__head'>
          <Text className='staff-section__title'>{title}</Text>
          {extra}
        </View>
      ) : null}
      {children}
    </View>
  )
}
