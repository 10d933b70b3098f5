import { Text, View } from '@tarojs/components'
import type { StockAdjustReason } from '@/api/types'
import { Stepper } from '@/components/Stepper'
import { describeError } from '@/domain/errors'
import { countInput } from '../../domain/counts'
import { formatDelta } from '../../domain/labels'
import type { SummaryLine } from '../../domain/restockSummary'
import { ReasonChips } from '../ReasonChips'
import './index.scss'

interface Props {
  lines: SummaryLine[]
  /** Steppers and reasons while the restocker may still change the counts. */
  editable: boolean
  onCount: (productId: string, count: number) => void
  onReason: (productId: string, reason: StockAdjustReason) => void
}

/** Per product: before → after and the change, the plan and its discrepancy, and what still needs doing. */
export function RestockSummary({ lines, editable, onCount, onReason }: Props) {
  // What the cabinet saw move (or the 补货单 plans) comes first; the order does not change while editing.
  const moved = (l: SummaryLine) => (l.measured !== null && l.measured !== l.before) || l.planned !== null
  const ordered = [...lines.filter(moved), ...lines.filter((l) => !moved(l))]
  return (
    <View className='restock-summary'>
      {ordered.map((line) => {
        const off = line.discrepancy !== null && line.discrepancy !== 0
        const changed = line.delta !== null && line.delta !== 0
        return (
          <View
            key={line.productId}
            className={`restock-summary__line${changed ? ' restock-summary__line--changed' : ''}${
              off ? ' restock-summary__line--off' : ''
            }`}
            data-product-id={line.productId}
            data-problem={line.problem ?? ''}
          >
            <View className='restock-summary__head'>
              <Text className='restock-summary__name'>{line.name}</Text>
              <Text
                className={`restock-summary__delta restock-summary__delta--${
                  !changed ? 'none' : (line.delta ?? 0) > 0 ? 'in' : 'out'
                }`}
                data-delta={line.delta ?? ''}
              >
                {line.delta === null ? '待清点' : formatDelta(line.delta)}
              </Text>
            </View>
            <View className='restock-summary__counts'>
              <Text className='restock-summary__before'>补货前 {line.before} →</Text>
              {editable ? (
                <Stepper
                  label={line.name}
                  value={line.after ?? Number.NaN}
                  max={line.capacity}
                  highlight={line.adjusted}
                  {...countInput(line.after ?? Number.NaN, line.capacity, (n) => onCount(line.productId, n))}
                />
              ) : (
                <Text className='restock-summary__after'>补货后 {line.after ?? '--'}</Text>
              )}
            </View>
            {line.adjusted && line.measured !== null ? (
              <Text className='restock-summary__note'>柜子计数 {line.measured}，已按您的清点修改</Text>
            ) : null}
            {line.planned !== null ? (
              <Text className='restock-summary__plan' data-discrepancy={line.discrepancy ?? ''}>
                补货单计划 {line.planned}，实际 {line.delta ?? '--'}
                {off ? `，差异 ${formatDelta(line.discrepancy ?? 0)}` : '，与计划一致'}
              </Text>
            ) : null}
            {off && (editable || line.reason) ? (
              <ReasonChips
                value={line.reason}
                disabled={!editable}
                missing={line.problem === 'REASON_REQUIRED'}
                onChange={(r) => onReason(line.productId, r)}
              />
            ) : null}
            {editable && line.problem ? (
              <Text className='restock-summary__problem'>
                {describeError(line.problem).message}
                {line.capacity !== null && line.problem === 'COUNT_ABOVE_CAPACITY'
                  ? `（最多 ${line.capacity}）`
                  : ''}
              </Text>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
