import { Text, View } from '@tarojs/components'
import type { AppError } from '@/domain/errors'
import './index.scss'

/** A catalogue error above a form's button: what happened and what to do; the form itself is kept. */
export function Notice({ error }: { error: AppError | null }) {
  if (!error) return null
  return (
    <View className='notice' role='alert' data-error-code={error.code}>
      <Text className='notice__title'>{error.message}</Text>
      <Text className='notice__hint'>{error.hint}</Text>
    </View>
  )
}
