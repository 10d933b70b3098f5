import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { useAppStore } from '@/stores'

/** Shows the store's one-off notice (a catalogue error or hint) as a toast, then clears it. */
export function useNoticeToast(): void {
  const notice = useAppStore((s) => s.notice)
  const clearNotice = useAppStore((s) => s.clearNotice)
  useEffect(() => {
    if (!notice) return
    void Taro.showToast({ title: notice.message, icon: 'none' })
    clearNotice()
  }, [notice, clearNotice])
}
