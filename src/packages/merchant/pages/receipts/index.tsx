import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import type { ReceiptAmounts, ReceiptReportRow } from '@/api/types'
import { ListRow } from '@/components/ListRow'
import { Notice } from '@/components/Notice'
import { Tabs } from '@/components/Tabs'
import { CHANNEL_LABEL } from '@/domain/labels'
import { formatFen } from '@/domain/money'
import { formatShanghai } from '@/domain/time'
import { MerchantPage } from '../../components/MerchantPage'
import type { RangePreset } from '../../domain/dateRange'
import { RANGE_LABEL } from '../../domain/labels'
import { MERCHANT_PAGES, pageUrl } from '../../routes'
import { useMerchantStore } from '../../store'
import type { ReceiptGrouping } from '../../store/receiptsSlice'
import '../../styles/common.scss'
import './index.scss'

const PRESETS = (['today', '7d', '30d', 'custom'] as const).map((value) => ({
  value,
  label: RANGE_LABEL[value],
}))
const GROUPINGS = [
  { value: 'day' as const, label: '按日期' },
  { value: 'device' as const, label: '按设备' },
]

export default function ReceiptsPage() {
  const { receipts, today, devices } = useMerchantStore(
    useShallow((s) => ({ receipts: s.receipts, today: s.today, devices: s.devices.data })),
  )
  const actions = useMerchantStore(
    useShallow((s) => ({
      selectRangePreset: s.selectRangePreset,
      selectCustomRange: s.selectCustomRange,
      setReceiptGrouping: s.setReceiptGrouping,
      loadReceipts: s.loadReceipts,
      loadDevices: s.loadDevices,
    })),
  )
  // The custom range being picked, before it is asked for.
  const [customOpen, setCustomOpen] = useState(false)
  const [draft, setDraft] = useState({ from: '', to: '' })

  useEffect(() => {
    if (!useMerchantStore.getState().receipts.range) void actions.selectRangePreset('7d')
    void actions.loadDevices()
  }, [actions])

  const pickPreset = (preset: RangePreset) => {
    if (preset === 'custom') {
      setCustomOpen(true)
      setDraft({ from: receipts.range?.from ?? today ?? '', to: receipts.range?.to ?? today ?? '' })
      return
    }
    setCustomOpen(false)
    void actions.selectRangePreset(preset)
  }

  const deviceName = (code: string) => devices?.find((d) => d.code === code)?.name ?? code
  const rowLabel = (row: ReceiptReportRow) =>
    receipts.groupBy === 'day' ? formatShanghai(row.key, 'MM-DD ddd') : deviceName(row.key)
  const drill = (row: ReceiptReportRow) => {
    const key = receipts.groupBy === 'day' ? 'date' : 'deviceCode'
    void Taro.navigateTo({ url: pageUrl(MERCHANT_PAGES.orders, { [key]: row.key }) })
  }

  return (
    <MerchantPage
      block='receipts'
      filter={{
        options: PRESETS,
        value: customOpen ? 'custom' : (receipts.range?.preset ?? null),
        onChange: pickPreset,
      }}
      head={
        <>
          {customOpen ? (
            <View className='m-card receipts__custom'>
              <Picker
                mode='date'
                value={draft.from}
                end={today ?? undefined}
                onChange={(e) => setDraft({ ...draft, from: e.detail.value })}
              >
                <View className='receipts__date'>开始 {draft.from || '请选择'}</View>
              </Picker>
              <Text className='m-muted'>至</Text>
              <Picker
                mode='date'
                value={draft.to}
                end={today ?? undefined}
                onChange={(e) => setDraft({ ...draft, to: e.detail.value })}
              >
                <View className='receipts__date'>结束 {draft.to || '请选择'}</View>
              </Picker>
              <Button
                size='small'
                type='primary'
                onClick={() => void actions.selectCustomRange(draft.from, draft.to)}
              >
                查询
              </Button>
            </View>
          ) : null}
          {receipts.rangeError ? (
            <View className='receipts__notice'>
              <Notice error={receipts.rangeError} />
            </View>
          ) : null}
        </>
      }
      load={receipts.report}
      onRetry={() => void actions.loadReceipts()}
    >
      {(report) => (
        <>
          <View className='m-card receipts__total' data-range={`${report.from}~${report.to}`}>
            <Text className='m-muted'>
              {report.from === report.to ? report.from : `${report.from} 至 ${report.to}`}
            </Text>
            <View className='m-kpis receipts__kpis'>
              <View className='m-kpi'>
                <Text className='m-kpi__value' data-total='net'>
                  {formatFen(report.total.netFen)}
                </Text>
                <Text className='m-kpi__label'>实收（收款-退款）</Text>
              </View>
              <View className='m-kpi'>
                <Text className='m-kpi__value'>{report.total.orderCount}</Text>
                <Text className='m-kpi__label'>订单数</Text>
              </View>
            </View>
            <ListRow
              label='收款 / 退款'
              value={`${formatFen(report.total.grossFen)} / ${formatFen(report.total.refundFen)}`}
            />
            {report.total.byChannel.map((c) => (
              <ChannelRow key={c.channel} amounts={c} />
            ))}
          </View>

          <Tabs<ReceiptGrouping>
            look='pill'
            className='m-segmented'
            options={GROUPINGS}
            value={receipts.groupBy}
            onChange={(g) => void actions.setReceiptGrouping(g)}
          />
          <View className='m-card receipts__rows'>
            {report.rows.map((row) => (
              <View key={row.key} className='receipts__row' data-row-key={row.key} onClick={() => drill(row)}>
                <View className='receipts__row-head'>
                  <Text className='receipts__row-label'>{rowLabel(row)}</Text>
                  <Text className='receipts__row-net'>{formatFen(row.netFen)}</Text>
                </View>
                <Text className='m-muted'>
                  {row.orderCount} 单 · 收款 {formatFen(row.grossFen)}
                  {row.refundFen > 0 ? ` · 退款 ${formatFen(row.refundFen)}` : ''}
                </Text>
                <Text className='m-muted receipts__row-channels'>
                  {row.byChannel
                    .filter((c) => c.orderCount > 0 || c.refundFen > 0)
                    .map((c) => `${CHANNEL_LABEL[c.channel]} ${formatFen(c.netFen)}`)
                    .join('  ')}
                </Text>
              </View>
            ))}
          </View>
        </>
      )}
    </MerchantPage>
  )
}

function ChannelRow({ amounts }: { amounts: ReceiptAmounts }) {
  return (
    <ListRow
      label={CHANNEL_LABEL[amounts.channel]}
      value={`${amounts.orderCount} 单 · 收 ${formatFen(amounts.grossFen)} · 退 ${formatFen(amounts.refundFen)} · 实 ${formatFen(amounts.netFen)}`}
      data={{ 'data-channel': amounts.channel }}
    />
  )
}
