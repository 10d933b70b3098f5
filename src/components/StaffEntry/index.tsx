import { Text, View } from '@tarojs/components'
import type { CabinetLanding } from '@/api/types'
import { describeError } from '@/domain/errors'
import './index.scss'

type StaffChoice = 'restock' | 'stocktake'

interface Props {
  landing: Pick<CabinetLanding, 'staffActions' | 'staffNotice'>
  onChoose: (choice: StaffChoice) => void
}

/**
 * The same QR serves shoppers and staff: staff of this cabinet choose 购物 / 补货 / 盘点; a restocker who
 * may not restock it is told why (the manual's 补货员扫码补货无法开门) and can still shop.
 */
export function StaffEntry({ landing, onChoose }: Props) {
  const actions = landing.staffActions
  if (actions.includes('restock') || actions.includes('stocktake')) {
    return (
      <View className='staff-entry' data-staff-actions={actions.join(',')}>
        <Text className='staff-entry__title'>补货员，请选择</Text>
        <View className='staff-entry__choices'>
          <View className='staff-entry__choice staff-entry__choice--on' aria-selected>
            购物
          </View>
          {actions.includes('restock') ? (
            <View className='staff-entry__choice' role='button' onClick={() => onChoose('restock')}>
              补货
            </View>
          ) : null}
          {actions.includes('stocktake') ? (
            <View className='staff-entry__choice' role='button' onClick={() => onChoose('stocktake')}>
              盘点
            </View>
          ) : null}
        </View>
      </View>
    )
  }
  if (!landing.staffNotice) return null
  const words = describeError(landing.staffNotice)
  return (
    <View className='staff-entry staff-entry--refused' role='alert' data-staff-notice={landing.staffNotice}>
      <Text className='staff-entry__title'>补货员扫码补货无法开门</Text>
      <Text className='staff-entry__message'>{words.message}</Text>
      <Text className='staff-entry__hint'>{words.hint}</Text>
    </View>
  )
}
