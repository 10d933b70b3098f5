import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { StatusView } from '@/components/StatusView'
import type { NextStep } from '@/domain/errors'
import type { Load } from '../../store/load'

/**
 * A screen's first load: the spinner until data arrives, the catalogue error (e.g. 没有操作权限 for a
 * non-merchant) when there is none, the children once there is something to show. Children given as a
 * function get the data itself, so a screen need not check again that it is there.
 */
export function LoadGate<T>({
  load,
  onRetry,
  children,
}: {
  load: Load<T>
  onRetry: () => void
  children: ReactNode | ((data: T) => ReactNode)
}) {
  if (load.data !== null) return <>{typeof children === 'function' ? children(load.data) : children}</>
  if (load.error) {
    const act = (next: NextStep) => {
      if (next === 'retry' || next === 'wait') onRetry()
      else void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))
    }
    return <StatusView kind='error' error={load.error} onAction={act} />
  }
  return <StatusView kind='loading' />
}
