import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

interface Props {
  /** The cabinet whose restock is still open: its name, else its code. */
  deviceName: string
  onGo: () => void
}

/** A restock on another cabinet is still open: finish that one first. */
export function RestockElsewhere({ deviceName, onGo }: Props) {
  return (
    <View className='staff-page'>
      <View className='staff-card restock__notice' role='alert'>
        <Text className='restock__notice-title'>您有一次未完成的补货</Text>
        <Text className='staff-muted'>{deviceName} 的补货还没有确认，请先完成它再补其他柜子。</Text>
      </View>
      <Button type='primary' block onClick={onGo}>
        去完成
      </Button>
    </View>
  )
}
