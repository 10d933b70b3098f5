import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

export default function Index() {
  return (
    <View>
      <Text>扫码开门</Text>
      <Button type='primary'>扫一扫</Button>
    </View>
  )
}
