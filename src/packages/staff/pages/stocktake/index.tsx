import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import type { Stocktake } from '@/api/types'
import { StatusView } from '@/components/StatusView'
import { Stepper } from '@/components/Stepper'
import { Tabs } from '@/components/Tabs'
import { describeError } from '@/domain/errors'
import { formatDateTime } from '@/domain/time'
import { useShowEffect } from '../../hooks/useShowEffect'
import { ReasonChips } from '../../components/ReasonChips'
import { Section } from '../../components/Section'
import { Refusal, StaffDevicePage } from '../../components/StaffOnly'
import { SyncBanner } from '../../components/SyncBanner'
import { countInput } from '../../domain/counts'
import { ADJUST_REASON_LABEL, formatDelta } from '../../domain/labels'
import { stocktakeRows } from '../../domain/stocktake'
import { useStaffStore } from '../../store'
import './index.scss'

export default function StocktakePage() {
  return <StaffDevicePage view={(code) => <StocktakeView code={code} />} />
}

type Tab = 'count' | 'history'

const TABS: readonly { value: Tab; label: string }[] = [
  { value: 'count', label: '扫码盘点' },
  { value: 'history', label: '盘点记录' },
]

function StocktakeView({ code }: { code: string }) {
  const { stocktake, history } = useStaffStore(
    useShallow((s) => ({ stocktake: s.stocktake, history: s.stocktakeHistory })),
  )
  const actions = useStaffStore(
    useShallow((s) => ({
      prepareStocktake: s.prepareStocktake,
      setStocktakeCount: s.setStocktakeCount,
      setStocktakeReason: s.setStocktakeReason,
      acceptReadings: s.acceptReadings,
      submitStocktake: s.submitStocktake,
      loadStocktakeHistory: s.loadStocktakeHistory,
      startNewStocktake: s.startNewStocktake,
    })),
  )
  const kept = useStaffStore((s) => s.outbox.find((i) => i.kind === 'stocktake' && i.deviceCode === code))
  const [tab, setTab] = useState<Tab>('count')

  useShowEffect(() => void actions.prepareStocktake(code))

  const showTab = (next: Tab) => {
    setTab(next)
    if (next === 'history') void actions.loadStocktakeHistory(code)
  }
  const submit = () => {
    const error = actions.submitStocktake()
    if (error) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
  }

  if (stocktake.error?.status === 403) return <Refusal error={stocktake.error} />
  const ours = stocktake.deviceCode === code
  if (!ours || (stocktake.goods.length === 0 && stocktake.status !== 'error')) {
    return <StatusView kind='loading' text='正在读取系统库存…' />
  }
  if (stocktake.goods.length === 0 && stocktake.error) {
    return (
      <StatusView kind='error' error={stocktake.error} onAction={() => void actions.prepareStocktake(code)} />
    )
  }

  const rows = stocktakeRows(stocktake.goods, stocktake.counts, stocktake.reasons)
  const editable = !kept || kept.state === 'refused'
  const differences = rows.filter((r) => r.diff !== 0).length

  return (
    <View className='staff-page stocktake'>
      <Tabs className='stocktake__tabs' options={TABS} value={tab} onChange={showTab} />

      {tab === 'history' ? (
        <History
          items={history.deviceCode === code ? history.items : []}
          loading={history.status === 'loading'}
        />
      ) : stocktake.lastResult && !kept ? (
        <View>
          <View className='stocktake__done' role='status'>
            <Text className='stocktake__done-title'>盘点已提交，库存已更正</Text>
            <Text>{formatDateTime(stocktake.lastResult.createdAt)}</Text>
          </View>
          <History items={[stocktake.lastResult]} loading={false} />
          <Button type='primary' block onClick={actions.startNewStocktake}>
            再盘一次
          </Button>
        </View>
      ) : (
        <View>
          <SyncBanner deviceCode={code} kind='stocktake' />
          <View className='stocktake__intro'>
            <Text className='staff-muted'>
              逐个清点柜内商品，数量默认为系统库存；与系统不符的请选择原因。共 {differences} 处差异。
            </Text>
            {editable ? (
              <Text className='staff-link' onClick={() => actions.acceptReadings()}>
                全部按柜内读数
              </Text>
            ) : null}
          </View>
          <View className='stocktake__rows'>
            {rows.map((row) => (
              <View
                key={row.productId}
                className={`stocktake__row${row.diff !== 0 ? ' stocktake__row--diff' : ''}`}
                data-product-id={row.productId}
                data-diff={row.diff}
              >
                <View className='stocktake__head'>
                  <Text className='stocktake__name'>{row.name}</Text>
                  <Text className='stocktake__system'>系统 {row.systemStock}</Text>
                </View>
                <View className='stocktake__count'>
                  <Text className='staff-muted'>实盘</Text>
                  <Stepper
                    label={row.name}
                    value={row.counted}
                    max={row.capacity}
                    disabled={!editable}
                    highlight={row.diff !== 0}
                    {...countInput(row.counted, row.capacity, (n) =>
                      actions.setStocktakeCount(row.productId, n),
                    )}
                  />
                  {row.diff !== 0 ? (
                    <Text className='stocktake__diff'>差异 {formatDelta(row.diff)}</Text>
                  ) : null}
                </View>
                {row.diff !== 0 ? (
                  <ReasonChips
                    value={row.reason}
                    disabled={!editable}
                    missing={row.problem === 'REASON_REQUIRED'}
                    onChange={(r) => actions.setStocktakeReason(row.productId, r)}
                  />
                ) : null}
                {row.problem && row.problem !== 'REASON_REQUIRED' ? (
                  <Text className='stocktake__problem'>
                    {describeError(row.problem).message}
                    {row.problem === 'COUNT_ABOVE_CAPACITY' ? `（最多 ${row.capacity}）` : ''}
                  </Text>
                ) : null}
              </View>
            ))}
          </View>
          <Button type='primary' block disabled={!editable} onClick={submit}>
            {editable ? '提交盘点' : '待同步…'}
          </Button>
        </View>
      )}
    </View>
  )
}

function History({ items, loading }: { items: Stocktake[]; loading: boolean }) {
  if (items.length === 0) {
    return <View className='staff-card staff-muted'>{loading ? '正在读取…' : '暂无盘点记录'}</View>
  }
  return (
    <Section>
      {items.map((st) => {
        const diffs = st.lines.filter((l) => l.diff !== 0)
        return (
          <View key={st.id} className='staff-card stocktake__record' data-stocktake-id={st.id}>
            <Text className='stocktake__record-title'>
              {formatDateTime(st.createdAt)} · {st.lines.length} 种商品 · {diffs.length} 处差异
            </Text>
            {diffs.map((l) => (
              <Text key={l.productId} className='stocktake__record-line'>
                {l.name}：系统 {l.systemStock} → 实盘 {l.counted}（{formatDelta(l.diff)}
                {l.reason ? `，${ADJUST_REASON_LABEL[l.reason]}` : ''}）
              </Text>
            ))}
          </View>
        )
      })}
    </Section>
  )
}
