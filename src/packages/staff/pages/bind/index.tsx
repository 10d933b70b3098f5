import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import type { AppError } from '@/domain/errors'
import { useAppStore } from '@/stores'
import { STAFF_ROUTES } from '../../routes'
import { useStaffStore } from '../../store'
import './index.scss'

/** Become a restocker of a merchant's cabinets with the invite code the merchant gave. */
export default function BindPage() {
  const bindStaff = useStaffStore((s) => s.bindStaff)
  const refreshMe = useAppStore((s) => s.refreshMe)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const bind = async () => {
    if (busy) return
    setBusy(true)
    const failed = await bindStaff(code)
    if (!failed) await refreshMe()
    setBusy(false)
    setError(failed)
    if (!failed) {
      void Taro.showToast({ title: '绑定成功', icon: 'success' })
      void Taro.redirectTo({ url: STAFF_ROUTES.home })
    }
  }

  return (
    <PageShell>
      <View className='staff-page bind'>
        <View className='staff-card bind__card'>
          <Text className='bind__title'>输入商户提供的邀请码</Text>
          <Text className='staff-muted'>绑定后即可在工作台补货、盘点、查看设备告警</Text>
          <Input
            className='bind__input'
            value={code}
            placeholder='例如 K1A2B3C'
            maxlength={32}
            onInput={(e) => {
              setCode(e.detail.value)
              setError(null)
            }}
          />
          {error ? (
            <View className='bind__error' role='alert' data-error-code={error.code}>
              {error.message}：{error.hint}
            </View>
          ) : null}
          <Button type='primary' block disabled={busy || code.trim() === ''} onClick={() => void bind()}>
            {busy ? '绑定中…' : '绑定'}
          </Button>
        </View>
      </View>
    </PageShell>
  )
}
