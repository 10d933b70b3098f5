import { Text, View } from '@tarojs/components'
import type { AppError } from '@/domain/errors'
import { failureDetail } from '../../store/load'
import './index.scss'

/** An inline refusal: the catalogue's message and the cloud's (or the check's) reason under it. */
export function Notice({ error }: { error: AppError | null }) {
  if (!error) return null
  return (
    <View className='notice' role='alert' data-error-code={error.code}>
      <Text className='notice__title'>{error.message}</Text>
      <Text className='notice__detail'>{failureDetail(error)}</Text>
    </View>
  )
}
