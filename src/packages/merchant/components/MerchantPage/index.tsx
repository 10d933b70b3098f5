import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { Tabs, type TabOption } from '@/components/Tabs'
import type { Load } from '../../store/load'
import { LoadGate } from '../LoadGate'

interface Props<T, F extends string> {
  /** The page's own BEM block, beside the workspace's `m-page`. */
  block: string
  /** What the page is narrowed by (a range, a state), as the segmented control across its top. */
  filter?: { options: readonly TabOption<F>[]; value: F | null; onChange: (value: F) => void }
  /** Drawn under the filter whatever the load's state (a title, a custom range being picked). */
  head?: ReactNode
  load: Load<T>
  onRetry: () => void
  children: ReactNode | ((data: T) => ReactNode)
}

/** A merchant screen over one load: its filter and head on top, then the load's spinner, error or content. */
export function MerchantPage<T, F extends string>({
  block,
  filter,
  head,
  load,
  onRetry,
  children,
}: Props<T, F>) {
  return (
    <PageShell>
      <View className={`m-page ${block}`}>
        {filter ? <Tabs<F> look='pill' className='m-segmented' {...filter} /> : null}
        {head}
        <LoadGate load={load} onRetry={onRetry}>
          {children}
        </LoadGate>
      </View>
    </PageShell>
  )
}
