import { useEffect, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { goToTarget } from '@/navigation'
import { platform } from '@/platform'
import { ROUTES } from '@/routes'
import { useAppStore } from '@/stores'
import './app.scss'

/** Asks the cloud what is still going on for the user and goes there (DESIGN §7). */
async function resume(): Promise<void> {
  const { target } = await useAppStore.getState().resumeActive()
  if (target) await goToTarget(target)
}

/**
 * On a show or a network return, only for a user who is signed in: one who never was has nothing to
 * resume, and a login from a show can loop on Alipay (its auth popup re-fires onShow).
 */
function resumeIfSignedIn(): void {
  if (useAppStore.getState().token) void resume()
}

function App({ children }: PropsWithChildren) {
  useEffect(() => {
    // Cold start: an open door, a pending authorization or payment is found again, whatever page opened.
    void resume()
    const offShow = platform.onAppShow(async (info) => {
      const store = useAppStore.getState()
      // The return from the credit page may come as several shows; confirmCredit polls once for all.
      if (info.mayBeCreditReturn) void store.confirmCredit()
      // Hot start: a cabinet QR scanned while the app sat in the background opens that cabinet.
      if (await store.openCabinetFromAppShow(info)) {
        await Taro.reLaunch({ url: `${ROUTES.cabinet}?from=app` })
      }
      resumeIfSignedIn()
    })
    // WeChat holds a protected call until the user answers the app's privacy sheet (PageShell shows it).
    const offPrivacy = platform.onPrivacyRequest((request) => useAppStore.getState().askPrivacy(request))
    // Answers lost while the network was away: ask again as soon as it is back.
    const offNetwork = platform.onNetworkChange((online) => {
      if (online) resumeIfSignedIn()
    })
    return () => {
      offShow()
      offPrivacy()
      offNetwork()
    }
  }, [])
  return children
}

export default App
