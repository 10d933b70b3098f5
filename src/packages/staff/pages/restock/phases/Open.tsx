import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RestockSession } from '@/api/types'
import { LiveChanges } from '../../../components/LiveChanges'
import { Section } from '../../../components/Section'

interface Props {
  session: RestockSession
  /** The socket is not open: the changes come by polling and may lag. */
  lagging: boolean
  /** The cloud cannot be reached: the restocker may say the door is shut and count meanwhile. */
  unreachable: boolean
  onDeclareClosed: () => void
}

/** The door is open: what the shelves measure, live. */
export function RestockOpen({ session, lagging, unreachable, onDeclareClosed }: Props) {
  return (
    <View className='staff-page restock'>
      <View className='restock__banner' role='status'>
        <Text className='restock__banner-title'>柜门已打开，请补货</Text>
        <Text className='restock__banner-hint'>
          {session.restockOrderId ? `按补货单 ${session.restockOrderId} 补货，` : ''}
          补完请关好柜门，关门后核对数量
        </Text>
      </View>
      {lagging ? <View className='restock__sync'>网络不稳定，正在同步柜内变化…</View> : null}
      <Section title='柜内变化'>
        <LiveChanges changes={session.changes} manual={session.counting === 'manual'} />
      </Section>
      {unreachable ? (
        <View className='staff-card restock__offline'>
          <Text className='staff-muted'>暂时连不上网络。柜门关好后可以先填写数量，网络恢复后自动提交。</Text>
          <Button className='restock__open' block onClick={onDeclareClosed}>
            我已关门，填写数量
          </Button>
        </View>
      ) : null}
    </View>
  )
}
