import { Text, View } from '@tarojs/components'
import { errorDetail, type AppError } from '@/domain/errors'
import './index.scss'

/**
 * An inline refusal above a form's button: the catalogue's message, and under it the reasons the cloud (or
 * the check) gave field by field, else the catalogue's next step. The form itself is kept.
 */
export function Notice({ error }: { error: AppError | null }) {
  if (!error) return null
  return (
    <View className='notice' role='alert' data-error-code={error.code}>
      <Text className='notice__title'>{error.message}</Text>
      <Text className='notice__detail'>{errorDetail(error)}</Text>
    </View>
  )
}
