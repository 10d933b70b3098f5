import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RestockSession, StockAdjustReason } from '@/api/types'
import { RestockSummary } from '../../../components/RestockSummary'
import { Section } from '../../../components/Section'
import { SyncBanner } from '../../../components/SyncBanner'
import type { SummaryLine } from '../../../domain/restockSummary'

interface Props {
  session: RestockSession
  lines: SummaryLine[]
  /** False while the confirmation waits in the outbox: nothing more to change. */
  editable: boolean
  onCount: (productId: string, count: number) => void
  onReason: (productId: string, reason: StockAdjustReason) => void
  onConfirm: () => void
}

/** The door is closed (or said to be): the summary to check, adjust and confirm. */
export function RestockCheck({ session, lines, editable, onCount, onReason, onConfirm }: Props) {
  const manual = session.counting === 'manual'
  return (
    <View className='staff-page restock'>
      <View className='restock__banner' role='status'>
        <Text className='restock__banner-title'>
          {manual ? '请清点柜内数量' : '柜门已关，请核对补货数量'}
        </Text>
        <Text className='restock__banner-hint'>
          {session.restockOrderId
            ? `补货单 ${session.restockOrderId}：与计划不符的商品请选择原因`
            : manual
              ? '视觉柜无法自动计数，请逐个填写数量'
              : '数量以柜子计数为准，如有出入可用 +/− 修改'}
        </Text>
      </View>
      <SyncBanner sessionId={session.id} kind='restockConfirm' />
      <Section title='补货汇总'>
        <RestockSummary lines={lines} editable={editable} onCount={onCount} onReason={onReason} />
      </Section>
      <Button type='primary' block disabled={!editable} onClick={onConfirm}>
        {editable ? '确认补货' : '待同步…'}
      </Button>
    </View>
  )
}
