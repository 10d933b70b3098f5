import { Text, View } from '@tarojs/components'
import { useAppStore } from '@/stores'
import { Toggle } from '../Toggle'
import './index.scss'

/** 长辈模式: larger type and buttons on the shopper's path, and spoken prompts where the phone can speak. */
export function ElderModeSwitch() {
  const elderMode = useAppStore((s) => s.elderMode)
  const setElderMode = useAppStore((s) => s.setElderMode)
  return (
    <View className='elder-switch'>
      <View className='elder-switch__text'>
        <Text className='elder-switch__label'>长辈模式</Text>
        <Text className='elder-switch__hint'>大字大按钮，语音提示开关门</Text>
      </View>
      <Toggle checked={elderMode} onChange={setElderMode} label='长辈模式' />
    </View>
  )
}
