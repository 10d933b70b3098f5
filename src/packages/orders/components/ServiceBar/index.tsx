import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  /** The merchant's 客服 phone; left out where the page already shows it. */
  phone?: string
  onCall?: () => void
  onReportFault?: () => void
}

/** The merchant's 客服 phone (tap to call) and, where a cabinet is known, the way to report a fault. */
export function ServiceBar({ phone, onCall, onReportFault }: Props) {
  return (
    <View className='service-bar'>
      {phone ? (
        <View className='service-bar__call' data-service-phone={phone} onClick={onCall}>
          <Text>客服电话 {phone}</Text>
          <Text className='service-bar__action'>拨打</Text>
        </View>
      ) : null}
      {onReportFault ? (
        <View className='service-bar__fault' onClick={onReportFault}>
          <Text>柜子有故障？</Text>
          <Text className='service-bar__action'>故障报修</Text>
        </View>
      ) : null}
    </View>
  )
}
