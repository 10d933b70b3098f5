import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { StatusView } from '@/components/StatusView'
import type { NextStep } from '@/domain/errors'
import type { Load } from '../../store/load'

/**
 * A screen's first load: the spinner until data arrives, the catalogue error (e.g. 没有操作权限 for a
 * non-merchant) when there is none, the children once there is something to show.
 */
export function LoadGate({
  load,
  onRetry,
  children,
}: PropsWithChildren<{ load: Load<unknown>; onRetry: () => void }>) {
  if (load.data !== null) return <>{children}</>
  if (load.error) {
    const act = (next: NextStep) => {
      if (next === 'retry' || next === 'wait') onRetry()
      else void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))
    }
    return <StatusView kind='error' error={load.error} onAction={act} />
  }
  return <StatusView kind='loading' />
}
