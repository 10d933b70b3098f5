import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import type { StatisticsRange } from '@/api/types'
import { formatFen } from '@/domain/money'
import { formatShanghai } from '@/domain/time'
import { BarList } from '../../components/BarList'
import { ColumnChart } from '../../components/ColumnChart'
import { LatencyTable } from '../../components/LatencyTable'
import { MerchantPage } from '../../components/MerchantPage'
import { SalesKpis } from '../../components/SalesKpis'
import { RANGE_LABEL } from '../../domain/labels'
import { useMerchantStore } from '../../store'
import '../../styles/common.scss'

const RANGES = (['today', '7d', '30d'] as const).map((value) => ({ value, label: RANGE_LABEL[value] }))

export default function StatisticsPage() {
  const { range, load, devices } = useMerchantStore(
    useShallow((s) => ({
      range: s.statistics.range,
      load: s.statistics.byRange[s.statistics.range],
      devices: s.devices.data,
    })),
  )
  const show = useMerchantStore((s) => s.showStatistics)
  const loadDevices = useMerchantStore((s) => s.loadDevices)

  useEffect(() => {
    void show(useMerchantStore.getState().statistics.range)
    void loadDevices()
  }, [show, loadDevices])

  const deviceName = (code: string) => devices?.find((d) => d.code === code)?.name ?? code

  return (
    <MerchantPage
      block='statistics'
      filter={{ options: RANGES, value: range, onChange: (r: StatisticsRange) => void show(r) }}
      load={load}
      onRetry={() => void show(range)}
    >
      {(stats) => (
        <>
          <View className='m-card'>
            <SalesKpis stats={stats} />
          </View>

          <View className='m-card'>
            <Text className='m-card__title'>每日销售额</Text>
            <ColumnChart
              chart='series'
              columns={stats.series.map((p) => ({
                key: p.date,
                label: formatShanghai(p.date, 'MM-DD'),
                value: p.salesFen,
                text: `${formatFen(p.salesFen)}，${p.orderCount}单`,
              }))}
            />
          </View>

          <View className='m-card'>
            <Text className='m-card__title'>设备销售额</Text>
            <BarList
              chart='devices'
              items={stats.byDevice.map((d) => ({
                key: d.deviceCode,
                label: d.deviceName,
                value: d.salesFen,
                text: `${formatFen(d.salesFen)} · ${d.orderCount}单`,
              }))}
            />
          </View>

          <View className='m-card'>
            <Text className='m-card__title'>热销商品</Text>
            {stats.topGoods.length === 0 ? <Text className='m-empty'>这段时间还没有销售</Text> : null}
            <BarList
              chart='goods'
              items={stats.topGoods.map((g) => ({
                key: g.productId,
                label: g.name,
                value: g.qty,
                text: `${g.qty}件 · ${formatFen(g.salesFen)}`,
              }))}
            />
          </View>

          <View className='m-card'>
            <Text className='m-card__title'>服务时延（慢的在前）</Text>
            <Text className='m-muted'>扫码到开门、关门到出小票，中位数 / P95</Text>
            <LatencyTable rows={stats.latency} deviceName={deviceName} />
          </View>
        </>
      )}
    </MerchantPage>
  )
}
