import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AppError, NextStep } from '@/domain/errors'
import './index.scss'

type Props =
  | { kind: 'loading'; text?: string }
  | { kind: 'error'; error: AppError; onAction?: (next: NextStep) => void }

/** Full-screen states: loading, or a catalogue error with its one next step. */
export function StatusView(props: Props) {
  if (props.kind === 'loading') {
    return (
      <View className='status-view' aria-busy='true'>
        <View className='status-view__spinner' />
        <Text className='status-view__hint'>{props.text ?? '加载中…'}</Text>
      </View>
    )
  }
  const { error, onAction } = props
  return (
    <View className='status-view' role='alert' data-error-code={error.code}>
      <Text className='status-view__title'>{error.message}</Text>
      <Text className='status-view__hint'>{error.hint}</Text>
      {onAction && error.next !== 'none' && (
        <Button className='status-view__action' type='primary' onClick={() => onAction(error.next)}>
          {error.actionLabel}
        </Button>
      )}
    </View>
  )
}
