import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { FieldError } from '../FieldError'
import './index.scss'

interface Props {
  title: string
  hint?: string
  /** The field the section answers (`data-field` of its message, for tests). */
  field: string
  /** Why the answer is refused, shown under it. */
  error?: string
}

/** One question of a form (a complaint, a fault report): its title, a hint, the answer and its message. */
export function FormSection({ title, hint, field, error, children }: PropsWithChildren<Props>) {
  return (
    <View className='form-section'>
      <Text className='form-section__title'>{title}</Text>
      {hint ? <Text className='form-section__hint'>{hint}</Text> : null}
      {children}
      <FieldError field={field} message={error} />
    </View>
  )
}
