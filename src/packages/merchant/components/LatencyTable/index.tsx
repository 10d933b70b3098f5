import { Text, View } from '@tarojs/components'
import type { DeviceLatency } from '@/api/types'
import { formatSeconds, isSlow, slowestFirst } from '../../domain/latency'
import './index.scss'

interface Props {
  rows: readonly DeviceLatency[]
  deviceName: (code: string) => string
}

/** Scan-to-open and close-to-receipt per cabinet, median / P95, the slowest first and marked 偏慢. */
export function LatencyTable({ rows, deviceName }: Props) {
  return (
    <>
      <View className='statistics__latency-head'>
        <Text className='statistics__latency-name'>设备</Text>
        <Text className='statistics__latency-cell'>开门</Text>
        <Text className='statistics__latency-cell'>出小票</Text>
      </View>
      {slowestFirst(rows).map((row) => (
        <View
          key={row.deviceCode}
          className={`statistics__latency-row${isSlow(row) ? ' statistics__latency-row--slow' : ''}`}
          data-device-code={row.deviceCode}
        >
          <Text className='statistics__latency-name'>
            {deviceName(row.deviceCode)}
            {isSlow(row) ? ' 偏慢' : ''}
          </Text>
          <Text className='statistics__latency-cell'>
            {formatSeconds(row.openP50Ms)} / {formatSeconds(row.openP95Ms)}
          </Text>
          <Text className='statistics__latency-cell'>
            {formatSeconds(row.settleP50Ms)} / {formatSeconds(row.settleP95Ms)}
          </Text>
        </View>
      ))}
    </>
  )
}
