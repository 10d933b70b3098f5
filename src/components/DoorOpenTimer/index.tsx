import { Text } from '@tarojs/components'
import { doorOpenFor } from '@/domain/shoppingView'
import { useNow } from '@/hooks/useNow'

/**
 * 已开门 mm:ss, ticking by itself: the clock re-renders this text only, not the page around it (in a
 * mini-program every re-render of the page is a diff on the logic thread and often a setData).
 */
export function DoorOpenTimer({ openedAt, className }: { openedAt: number | null; className?: string }) {
  const now = useNow(true)
  return <Text className={className}>{doorOpenFor(openedAt, now)}</Text>
}
