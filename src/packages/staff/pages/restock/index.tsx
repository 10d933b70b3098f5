import { useState } from 'react'
import Taro, { useDidHide, useLoad, useUnload } from '@tarojs/taro'
import { useShallow } from 'zustand/react/shallow'
import type { DoorNo, RestockSession } from '@/api/types'
import { PageShell } from '@/components/PageShell'
import { StatusView } from '@/components/StatusView'
import { AppError, isErrorCode } from '@/domain/errors'
import { useShowEffect } from '../../hooks/useShowEffect'
import { Refusal, StaffOnly } from '../../components/StaffOnly'
import { nextDoorOf, summaryLines } from '../../domain/restockSummary'
import { STAFF_ROUTES, withCode } from '../../routes'
import { useStaffStore } from '../../store'
import { restockInProgress } from '../../store/restockSlice'
import { RestockCheck } from './phases/Check'
import { RestockDone } from './phases/Done'
import { RestockElsewhere } from './phases/Elsewhere'
import { RestockOpen } from './phases/Open'
import { RestockStart } from './phases/Start'
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
  // Kept here, not in the start screen: after a failed open the same door is offered again.
  const [doorNo, setDoorNo] = useState<DoorNo>(1)

  useShowEffect(() => void actions.prepareRestock(code, sessionId))
  useDidHide(() => actions.pauseRestock())
  useUnload(() => actions.pauseRestock())

  const lines = (s: RestockSession, counts: Record<string, number>) =>
    summaryLines({ session: s, counts, reasons: restock.reasons, capacities: restock.capacities })

  const elsewhere = restock.deviceCode !== null && restock.deviceCode !== code && restockInProgress(restock)
  if (elsewhere && restock.deviceCode) {
    const other = restock.deviceCode
    return (
      <RestockElsewhere
        deviceName={restock.deviceName || other}
        onGo={() => void Taro.redirectTo({ url: withCode(STAFF_ROUTES.restock, other) })}
      />
    )
  }

  if (restock.result) {
    const done = () => {
      actions.finishRestock()
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: withCode(STAFF_ROUTES.device, code) }))
    }
    return (
      <RestockDone confirmedAt={restock.result.confirmedAt} lines={lines(restock.result, {})} onDone={done} />
    )
  }

  if (!session) {
    if (restock.requesting) return <StatusView kind='loading' text='开门中…' />
    if (restock.error?.status === 403) return <Refusal error={restock.error} />
    if (device.error?.status === 403 && device.code === code) return <Refusal error={device.error} />
    return (
      <RestockStart
        code={code}
        detail={device.code === code ? device.detail : null}
        error={restock.error}
        orders={orders.deviceCode === code ? orders.items.filter((o) => o.state === 'open') : []}
        ordersLoading={orders.status === 'loading'}
        pickedOrderId={orderId}
        doorNo={doorNo}
        onPickDoor={setDoorNo}
        onOpen={(order) =>
          void actions.openRestock({
            doorNo: order ? nextDoorOf(order) : doorNo,
            restockOrderId: order?.id ?? null,
          })
        }
      />
    )
  }

  if (session.state === 'opening') return <StatusView kind='loading' text='开门中…' />
  if (session.state === 'failed') {
    const failure = session.failure?.code
    return (
      <StatusView
        kind='error'
        error={new AppError(isErrorCode(failure) ? failure : 'DOOR_OPEN_FAILED')}
        onAction={() =>
          void actions.openRestock({ doorNo: session.doorNo, restockOrderId: session.restockOrderId ?? null })
        }
      />
    )
  }

  if (session.state === 'open' && !restock.closedByUser) {
    return (
      <RestockOpen
        session={session}
        lagging={restock.streamStatus !== 'open'}
        unreachable={restock.unreachable}
        onDeclareClosed={() => actions.declareDoorClosed()}
      />
    )
  }

  const confirm = () => {
    const error = actions.confirmRestock()
    if (error) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
  }
  return (
    <RestockCheck
      session={session}
      lines={lines(session, restock.counts)}
      editable={!kept || kept.state === 'refused'}
      onCount={actions.setRestockCount}
      onReason={actions.setRestockReason}
      onConfirm={confirm}
    />
  )
}
