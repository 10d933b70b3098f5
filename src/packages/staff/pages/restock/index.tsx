import { useState } from 'react'
import Taro, { useDidHide, useLoad, useUnload } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import type { DoorNo, RestockOrder } from '@/api/types'
import { PageShell } from '@/components/PageShell'
import { StatusView } from '@/components/StatusView'
import { AppError, isErrorCode } from '@/domain/errors'
import { formatDateTime } from '@/domain/time'
import { useShowEffect } from '../../hooks/useShowEffect'
import { LiveChanges } from '../../components/LiveChanges'
import { RestockSummary } from '../../components/RestockSummary'
import { Section } from '../../components/Section'
import { Refusal, StaffOnly } from '../../components/StaffOnly'
import { SyncBanner } from '../../components/SyncBanner'
import { nextDoorOf, summaryLines } from '../../domain/restockSummary'
import { STAFF_ROUTES, withCode } from '../../routes'
import { useStaffStore } from '../../store'
import { restockInProgress } from '../../store/restockSlice'
import './index.scss'

interface Query {
  code: string
  orderId: string | null
  /** The restock session the cloud says is still open (after a restart): continue it. */
  sessionId: string | null
}

export default function RestockPage() {
  const [query, setQuery] = useState<Query | null>(null)
  useLoad((q: Record<string, string | undefined>) =>
    setQuery({ code: q.code ?? '', orderId: q.orderId ?? null, sessionId: q.session ?? null }),
  )
  return (
    <PageShell>
      {query === null ? null : (
        <StaffOnly deviceCode={query.code}>
          <Restock {...query} />
        </StaffOnly>
      )}
    </PageShell>
  )
}

const DOOR_NAME: Record<DoorNo, string> = { 1: '左门', 2: '右门' }

function Restock({ code, orderId, sessionId }: Query) {
  const { restock, orders, device } = useStaffStore(
    useShallow((s) => ({ restock: s.restock, orders: s.restockOrders, device: s.device })),
  )
  const actions = useStaffStore(
    useShallow((s) => ({
      prepareRestock: s.prepareRestock,
      openRestock: s.openRestock,
      setRestockCount: s.setRestockCount,
      setRestockReason: s.setRestockReason,
      declareDoorClosed: s.declareDoorClosed,
      confirmRestock: s.confirmRestock,
      finishRestock: s.finishRestock,
      pauseRestock: s.pauseRestock,
    })),
  )
  const session = restock.log?.session ?? null
  const kept = useStaffStore((s) =>
    session ? s.outbox.find((i) => i.kind === 'restockConfirm' && i.sessionId === session.id) : undefined,
  )
  const [doorNo, setDoorNo] = useState<DoorNo>(1)

  useShowEffect(() => void actions.prepareRestock(code, sessionId))
  useDidHide(() => actions.pauseRestock())
  useUnload(() => actions.pauseRestock())

  const detail = device.code === code ? device.detail : null
  const elsewhere = restock.deviceCode !== null && restock.deviceCode !== code && restockInProgress(restock)

  if (elsewhere && restock.deviceCode) {
    const other = restock.deviceCode
    return (
      <View className='staff-page'>
        <View className='staff-card restock__notice' role='alert'>
          <Text className='restock__notice-title'>您有一次未完成的补货</Text>
          <Text className='staff-muted'>
            {restock.deviceName || other} 的补货还没有确认，请先完成它再补其他柜子。
          </Text>
        </View>
        <Button
          type='primary'
          block
          onClick={() => void Taro.redirectTo({ url: withCode(STAFF_ROUTES.restock, other) })}
        >
          去完成
        </Button>
      </View>
    )
  }

  const confirm = () => {
    const error = actions.confirmRestock()
    if (error) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
  }
  const done = () => {
    actions.finishRestock()
    void Taro.navigateBack().catch(() => Taro.redirectTo({ url: withCode(STAFF_ROUTES.device, code) }))
  }
  const lines = (s: NonNullable<typeof session>) =>
    summaryLines({
      session: s,
      counts: restock.counts,
      reasons: restock.reasons,
      capacities: restock.capacities,
    })

  // ---- confirmed: the result as the cloud has it
  if (restock.result) {
    return (
      <View className='staff-page restock'>
        <View className='restock__banner restock__banner--done' role='status'>
          <Text className='restock__banner-title'>补货完成，库存已更新</Text>
          <Text className='restock__banner-hint'>{formatDateTime(restock.result.confirmedAt)} 已确认</Text>
        </View>
        <Section title='补货汇总'>
          <RestockSummary
            lines={summaryLines({
              session: restock.result,
              counts: {},
              reasons: restock.reasons,
              capacities: restock.capacities,
            })}
            editable={false}
            onCount={() => undefined}
            onReason={() => undefined}
          />
        </Section>
        <Button type='primary' block onClick={done}>
          完成
        </Button>
      </View>
    )
  }

  // ---- before the door opens: free restock, or by a 补货单
  if (!session) {
    if (restock.requesting) return <StatusView kind='loading' text='开门中…' />
    if (restock.error?.status === 403) return <Refusal error={restock.error} />
    if (device.error?.status === 403 && device.code === code) return <Refusal error={device.error} />
    const open = orders.deviceCode === code ? orders.items.filter((o) => o.state === 'open') : []
    const start = (order: RestockOrder | null) =>
      void actions.openRestock({
        doorNo: order ? nextDoorOf(order) : doorNo,
        restockOrderId: order?.id ?? null,
      })
    return (
      <View className='staff-page restock'>
        <View className='staff-card restock__device'>
          <Text className='restock__device-name'>{detail?.name ?? code}</Text>
          <Text className='staff-muted'>
            {code}
            {detail ? ` · ${detail.place}` : ''}
          </Text>
        </View>
        {restock.error ? (
          <View className='restock__error' role='alert' data-error-code={restock.error.code}>
            <Text className='restock__error-title'>{restock.error.message}</Text>
            <Text className='staff-muted'>{restock.error.hint}</Text>
          </View>
        ) : null}
        <Section title='自由补货'>
          <View className='staff-card'>
            <Text className='staff-muted'>开门后按实际放入或取出商品，重力柜自动计数，关门后核对确认。</Text>
            {detail && detail.doorCount > 1 ? (
              <View className='restock__doors' role='tablist'>
                {([1, 2] as const).map((no) => (
                  <View
                    key={no}
                    role='tab'
                    aria-selected={no === doorNo}
                    className={`restock__door${no === doorNo ? ' restock__door--on' : ''}`}
                    onClick={() => setDoorNo(no)}
                  >
                    {DOOR_NAME[no]}
                  </View>
                ))}
              </View>
            ) : null}
            <Button className='restock__open' type='primary' block onClick={() => start(null)}>
              开门补货
            </Button>
          </View>
        </Section>
        <Section title={`补货单（${open.length}）`}>
          {open.length === 0 ? (
            <View className='staff-card staff-muted'>
              {orders.status === 'loading' ? '正在读取补货单…' : '暂无待执行的补货单'}
            </View>
          ) : (
            open.map((order) => (
              <View
                key={order.id}
                className={`staff-card restock__order${order.id === orderId ? ' restock__order--picked' : ''}`}
                data-restock-order-id={order.id}
              >
                <Text className='restock__order-title'>
                  补货单 {order.id} · {formatDateTime(order.createdAt)}
                </Text>
                {order.lines.map((l) => (
                  <View key={`${l.doorNo}-${l.productId}`} className='restock__order-line'>
                    <Text>
                      {detail && detail.doorCount > 1 ? `${DOOR_NAME[l.doorNo]} · ` : ''}
                      {l.name}
                    </Text>
                    <Text>
                      计划 {l.plannedQty}
                      {l.actualQty !== undefined ? ` · 已补 ${l.actualQty}` : ''}
                    </Text>
                  </View>
                ))}
                <Button className='restock__open' block onClick={() => start(order)}>
                  按此补货单开门
                </Button>
              </View>
            ))
          )}
        </Section>
      </View>
    )
  }

  // ---- opening, failed
  if (session.state === 'opening') return <StatusView kind='loading' text='开门中…' />
  if (session.state === 'failed') {
    const failure = session.failure?.code
    const error = new AppError(isErrorCode(failure) ? failure : 'DOOR_OPEN_FAILED')
    return (
      <StatusView
        kind='error'
        error={error}
        onAction={() =>
          void actions.openRestock({ doorNo: session.doorNo, restockOrderId: session.restockOrderId ?? null })
        }
      />
    )
  }

  const manual = session.counting === 'manual'

  // ---- the door is open: what the shelves measure, live
  if (session.state === 'open' && !restock.closedByUser) {
    const lagging = restock.streamStatus !== 'open'
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
          <LiveChanges changes={session.changes} manual={manual} />
        </Section>
        {restock.unreachable ? (
          <View className='staff-card restock__offline'>
            <Text className='staff-muted'>
              暂时连不上网络。柜门关好后可以先填写数量，网络恢复后自动提交。
            </Text>
            <Button className='restock__open' block onClick={() => actions.declareDoorClosed()}>
              我已关门，填写数量
            </Button>
          </View>
        ) : null}
      </View>
    )
  }

  // ---- closed: the summary to check, adjust and confirm
  const summary = lines(session)
  const editable = !kept || kept.state === 'refused'
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
        <RestockSummary
          lines={summary}
          editable={editable}
          onCount={actions.setRestockCount}
          onReason={actions.setRestockReason}
        />
      </Section>
      <Button type='primary' block disabled={!editable} onClick={confirm}>
        {editable ? '确认补货' : '待同步…'}
      </Button>
    </View>
  )
}
