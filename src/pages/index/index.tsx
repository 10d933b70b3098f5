import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ElderModeSwitch } from '@/components/ElderModeSwitch'
import { PageShell } from '@/components/PageShell'
import { useAppStore } from '@/stores'
import './index.scss'

export default function HomePage() {
  const scanCabinet = useAppStore((s) => s.scanCabinet)

  const scan = async () => {
    if (await scanCabinet()) await Taro.navigateTo({ url: '/pages/cabinet/index?from=app' })
  }

  return (
    <PageShell>
      <View className='home'>
        <Text className='home__title'>智能开门柜</Text>
        <Text className='home__hint'>扫描柜门上的二维码，开门取货，关门自动结算</Text>
        <Button className='home__scan' type='primary' block onClick={() => void scan()}>
          扫码开门
        </Button>
        <View className='home__elder'>
          <ElderModeSwitch />
        </View>
      </View>
    </PageShell>
  )
}
