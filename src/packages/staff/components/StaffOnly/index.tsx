import { useEffect, useState, type PropsWithChildren, type ReactNode } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { StatusView } from '@/components/StatusView'
import { AppError, type ErrorCode } from '@/domain/errors'
import { ROUTES } from '@/routes'
import { useAppStore } from '@/stores'
import './index.scss'

// Roles are asked once per run of the workspace; a 403 from any staff call says the rest.
let rolesChecked = false

interface Props {
  /** A page about one device: only its own staff may see it. */
  deviceCode?: string | null
}

/**
 * No staff screen for a user without the role: the cloud's word on the user's roles decides (fresh once
 * per run, the kept one when offline), and a device page also needs a binding to that device.
 */
export function StaffOnly({ deviceCode, children }: PropsWithChildren<Props>) {
  const user = useAppStore((s) => s.user)
  const refreshMe = useAppStore((s) => s.refreshMe)
  const [checked, setChecked] = useState(rolesChecked)

  useEffect(() => {
    if (rolesChecked) return
    void refreshMe().finally(() => {
      rolesChecked = true
      setChecked(true)
    })
  }, [refreshMe])

  if (!checked) return <StatusView kind='loading' text='正在确认身份…' />
  const codes = user?.roles.staffDeviceCodes ?? []
  if (codes.length === 0) return <Refusal code='FORBIDDEN' />
  if (deviceCode && !codes.includes(deviceCode)) return <Refusal code='STAFF_NOT_BOUND' />
  return <>{children}</>
}

/** The catalogue's words for a staff refusal (the manual's 补货员扫码补货无法开门), and a way home. */
export function Refusal({ code, error }: { code?: ErrorCode; error?: AppError }) {
  const shown = error ?? new AppError(code ?? 'FORBIDDEN')
  return (
    <View className='staff-refusal' data-staff-refusal={shown.code}>
      <StatusView kind='error' error={shown} />
      <Button className='staff-refusal__home' block onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>
        返回首页
      </Button>
    </View>
  )
}

/**
 * A whole page about one device (`?code=`): nothing until the page has its query, then the staff check
 * for that device around the view.
 */
export function StaffDevicePage({ view }: { view: (code: string) => ReactNode }) {
  const [code, setCode] = useState<string | null>(null)
  useLoad((q: Record<string, string | undefined>) => setCode(q.code ?? ''))
  return <PageShell>{code === null ? null : <StaffOnly deviceCode={code}>{view(code)}</StaffOnly>}</PageShell>
}
