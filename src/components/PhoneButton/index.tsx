import { Button } from '@tarojs/components'
import { platform } from '@/platform'
import type { PhoneCredential } from '@/platform/types'
import './index.scss'

interface Props {
  label: string
  onCredential: (credential: PhoneCredential) => void
}

/** The platform's own phone-number button (WeChat getPhoneNumber, Alipay getAuthorize phoneNumber). */
export function PhoneButton({ label, onCredential }: Props) {
  const props = platform.phoneButtonProps(onCredential)
  return (
    <Button className='phone-button' {...(props as Record<string, unknown>)}>
      {label}
    </Button>
  )
}
