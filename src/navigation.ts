import Taro from '@tarojs/taro'
import { ROUTES } from '@/routes'
import type { ResumeTarget } from '@/stores/resumeSlice'

/** The page (with its query) a resume target names. */
export function urlOfTarget(target: ResumeTarget): string {
  switch (target.page) {
    case 'shopping':
      return ROUTES.shopping
    case 'credit':
      return ROUTES.credit
    case 'cabinet':
      return `${ROUTES.cabinet}?from=app`
    case 'restock':
      return `${ROUTES.staffRestock}?code=${encodeURIComponent(target.deviceCode)}&session=${encodeURIComponent(target.sessionId)}`
  }
}

function currentRoute(): string | null {
  const pages = Taro.getCurrentPages()
  const route = pages[pages.length - 1]?.route
  return route ? `/${route.replace(/^\//, '').replace(/\?.*$/, '')}` : null
}

/**
 * Goes where the cloud says the user is, unless already there. A fresh page stack: after a restart the
 * pages below are not the user's way back (每个页面的返回 falls back to the cabinet or home page).
 */
export async function goToTarget(target: ResumeTarget): Promise<void> {
  const url = urlOfTarget(target)
  if (currentRoute() === url.replace(/\?.*$/, '')) return
  await Taro.reLaunch({ url }).catch(() => undefined)
}

/** 返回 from a shopper page: the page below, else the cabinet on screen, else the home page. */
export function leaveToCabinet(hasCabinet: boolean): void {
  // With one page in the stack there is nothing to go back to (H5 would even reload the page).
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack().catch(() => undefined)
    return
  }
  void Taro.reLaunch({ url: hasCabinet ? `${ROUTES.cabinet}?from=app` : ROUTES.home }).catch(() => undefined)
}
