import { useEffect, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { platform } from '@/platform'
import { ROUTES } from '@/routes'
import { useAppStore } from '@/stores'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useEffect(() => {
    // A credit authorization left with the platform before a restart is confirmed with the cloud now.
    void useAppStore.getState().confirmCredit()
    return platform.onAppShow(async (info) => {
      const store = useAppStore.getState()
      // The return from the credit page may come as several shows; confirmCredit polls once for all.
      if (info.mayBeCreditReturn) void store.confirmCredit()
      // Hot start: a cabinet QR scanned while the app sat in the background opens that cabinet.
      if (await store.openCabinetFromAppShow(info)) {
        await Taro.reLaunch({ url: `${ROUTES.cabinet}?from=app` })
      }
    })
  }, [])
  return children
}

export default App
