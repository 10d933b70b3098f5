import { Text } from '@tarojs/components'
import './index.scss'

/** A field's message under the field, or nothing; `data-field` names the field for tests. */
export function FieldError({ field, message }: { field: string; message?: string }) {
  if (!message) return null
  return (
    <Text className='field-error' data-field={field}>
      {message}
    </Text>
  )
}
