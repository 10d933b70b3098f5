import { Button, Text, View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { platform } from '@/platform'
import { useAppStore } from '@/stores'
import './index.scss'

/** WeChat requires the agreement to come from this button; its id goes back with the answer. */
const AGREE_BUTTON_ID = 'privacy-agree'

/**
 * The app's own privacy sheet (WeChat's 用户隐私保护指引): shown while WeChat holds a protected call — the
 * phone-number button, the photo picker, saving to the album — until the user agrees or refuses.
 */
export function PrivacySheet() {
  const { asked, agree, refuse, openGuide } = useAppStore(
    useShallow((s) => ({
      asked: s.privacyAsked,
      agree: s.agreePrivacy,
      refuse: s.refusePrivacy,
      openGuide: s.openPrivacyGuide,
    })),
  )
  if (!asked) return null
  return (
    <View className='privacy-sheet' role='dialog' aria-modal='true'>
      <View className='privacy-sheet__panel'>
        <Text className='privacy-sheet__title'>隐私保护提示</Text>
        <Text className='privacy-sheet__text'>
          使用手机号、相册和相机前，请阅读并同意
          <Text className='privacy-sheet__link' onClick={() => void openGuide()}>
            《用户隐私保护指引》
          </Text>
          。手机号只用于识别账号和通知订单、售后；只上传您选的申诉照片；只把您保存的柜子二维码存入相册。
        </Text>
        <View className='privacy-sheet__actions'>
          <Button className='privacy-sheet__refuse' onClick={refuse}>
            拒绝
          </Button>
          {/* Taro's own Button: the open-type must reach the platform's button as it is. */}
          <Button
            className='privacy-sheet__agree'
            {...platform.privacyAgreeButtonProps(AGREE_BUTTON_ID, () => agree(AGREE_BUTTON_ID))}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
