import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RestockSession } from '@/api/types'
import { formatDateTime } from '@/domain/time'
import { RestockSummary } from '../../../components/RestockSummary'
import { Section } from '../../../components/Section'
import type { SummaryLine } from '../../../domain/restockSummary'

interface Props {
  confirmedAt: RestockSession['confirmedAt']
  lines: SummaryLine[]
  onDone: () => void
}

/** Confirmed: the result as the cloud has it. */
export function RestockDone({ confirmedAt, lines, onDone }: Props) {
  return (
    <View className='staff-page restock'>
      <View className='restock__banner restock__banner--done' role='status'>
        <Text className='restock__banner-title'>补货完成，库存已更新</Text>
        <Text className='restock__banner-hint'>{formatDateTime(confirmedAt)} 已确认</Text>
      </View>
      <Section title='补货汇总'>
        <RestockSummary lines={lines} editable={false} onCount={() => undefined} onReason={() => undefined} />
      </Section>
      <Button type='primary' block onClick={onDone}>
        完成
      </Button>
    </View>
  )
}
