import { useEffect, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * Runs on mount and whenever the page is shown again. Staff screens mount after the role check, when the
 * page's first show has already passed, so `useDidShow` alone would miss the first load.
 */
export function useShowEffect(effect: () => void): void {
  const latest = useRef(effect)
  latest.current = effect
  const mounted = useRef(false)
  useEffect(() => {
    mounted.current = true
    latest.current()
  }, [])
  useDidShow(() => {
    if (mounted.current) latest.current()
  })
}
