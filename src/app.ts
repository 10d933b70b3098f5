import { useEffect, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { platform } from '@/platform'
import { useAppStore } from '@/stores'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useEffect(
    () =>
      // Hot start: a cabinet QR scanned while the app sat in the background opens that cabinet.
      platform.onAppShow(async (info) => {
        if (await useAppStore.getState().openCabinetFromAppShow(info)) {
          await Taro.reLaunch({ url: '/pages/cabinet/index?from=app' })
        }
      }),
    [],
  )
  return children
}

export default App
