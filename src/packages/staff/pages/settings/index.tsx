import { useEffect, useState } from 'react'
import { Picker, Switch, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import type { LightSchedule } from '@/api/types'
import { ListRow } from '@/components/ListRow'
import { StatusView } from '@/components/StatusView'
import { useShowEffect } from '../../hooks/useShowEffect'
import { Section } from '../../components/Section'
import { Refusal, StaffDevicePage } from '../../components/StaffOnly'
import { COMMAND_STATE_LABEL } from '../../domain/labels'
import { LIGHT_TIMES, TEMPERATURE_RANGE, describeLight } from '../../domain/lightSchedule'
import { useStaffStore } from '../../store'
import type { CommandView } from '../../store/settingsSlice'
import './index.scss'

export default function SettingsPage() {
  return <StaffDevicePage view={(code) => <Settings code={code} />} />
}

const DEFAULT_SCHEDULE: LightSchedule = { from: '07:00', to: '23:00' }

function Settings({ code }: { code: string }) {
  const { device, commands } = useStaffStore(useShallow((s) => ({ device: s.device, commands: s.commands })))
  const actions = useStaffStore(
    useShallow((s) => ({
      loadDevice: s.loadDevice,
      sendTemperature: s.sendTemperature,
      sendLight: s.sendLight,
    })),
  )
  const detail = device.code === code ? device.detail : null
  const [target, setTarget] = useState<number | null>(null)
  const [lightOn, setLightOn] = useState(true)
  const [timed, setTimed] = useState(false)
  const [schedule, setSchedule] = useState<LightSchedule>(DEFAULT_SCHEDULE)

  useShowEffect(() => void actions.loadDevice(code))
  // The form starts from what the cabinet reports.
  useEffect(() => {
    if (!detail) return
    setTarget((t) => t ?? detail.temperatureC ?? 4)
    setLightOn(detail.light.on)
    setTimed(detail.light.schedule !== null)
    setSchedule(detail.light.schedule ?? DEFAULT_SCHEDULE)
  }, [detail])

  if (device.error?.status === 403) return <Refusal error={device.error} />
  if (!detail || target === null) {
    return device.error ? (
      <StatusView kind='error' error={device.error} onAction={() => void actions.loadDevice(code)} />
    ) : (
      <StatusView kind='loading' text='正在读取设备…' />
    )
  }
  const step = (delta: number) =>
    setTarget((t) =>
      Math.min(
        TEMPERATURE_RANGE.max,
        Math.max(TEMPERATURE_RANGE.min, Math.round(((t ?? 0) + delta) * 2) / 2),
      ),
    )
  const temperature = commands.temperature?.deviceCode === code ? commands.temperature : null
  const light = commands.light?.deviceCode === code ? commands.light : null

  return (
    <View className='staff-page settings'>
      <View className='staff-card settings__now'>
        <Text className='settings__device'>{detail.name}</Text>
        <Text data-reading='temperature'>
          当前温度 {detail.temperatureC === null ? '--' : `${detail.temperatureC}℃`}
        </Text>
        <Text data-reading='light'>灯带 {describeLight(detail.light)}</Text>
      </View>

      <Section title='目标温度'>
        <View className='staff-card'>
          <View className='settings__temperature'>
            <View
              className='settings__step'
              role='button'
              aria-label='降低温度'
              onClick={() => step(-TEMPERATURE_RANGE.step)}
            >
              −
            </View>
            <Text className='settings__target' data-target={target}>
              {target}℃
            </Text>
            <View
              className='settings__step'
              role='button'
              aria-label='升高温度'
              onClick={() => step(TEMPERATURE_RANGE.step)}
            >
              +
            </View>
          </View>
          <CommandStatus view={temperature} />
          <Button
            type='primary'
            block
            disabled={temperature?.sending || temperature?.command?.state === 'sending'}
            onClick={() => void actions.sendTemperature(code, target)}
          >
            下发温度
          </Button>
        </View>
      </Section>

      <Section title='灯带'>
        <View className='staff-card'>
          <ListRow
            label='灯带开关'
            value={<Switch checked={lightOn} onChange={(e) => setLightOn(e.detail.value)} />}
          />
          <ListRow
            label='定时开关'
            value={<Switch checked={timed} onChange={(e) => setTimed(e.detail.value)} />}
          />
          {timed ? (
            <View className='settings__times'>
              <Picker
                mode='selector'
                range={[...LIGHT_TIMES]}
                value={Math.max(0, LIGHT_TIMES.indexOf(schedule.from))}
                onChange={(e) =>
                  setSchedule({ ...schedule, from: LIGHT_TIMES[Number(e.detail.value)] ?? schedule.from })
                }
              >
                <Text className='settings__time'>开灯 {schedule.from}</Text>
              </Picker>
              <Picker
                mode='selector'
                range={[...LIGHT_TIMES]}
                value={Math.max(0, LIGHT_TIMES.indexOf(schedule.to))}
                onChange={(e) =>
                  setSchedule({ ...schedule, to: LIGHT_TIMES[Number(e.detail.value)] ?? schedule.to })
                }
              >
                <Text className='settings__time'>关灯 {schedule.to}</Text>
              </Picker>
            </View>
          ) : null}
          <CommandStatus view={light} />
          <Button
            type='primary'
            block
            disabled={light?.sending || light?.command?.state === 'sending'}
            onClick={() => void actions.sendLight(code, lightOn, timed ? schedule : null)}
          >
            下发灯带设置
          </Button>
        </View>
      </Section>
    </View>
  )
}

/** 下发中 until the cabinet answers; then 已生效 or 下发失败 with the reason. */
function CommandStatus({ view }: { view: CommandView | null }) {
  if (!view) return null
  if (view.invalid) return <Text className='settings__status settings__status--failed'>{view.invalid}</Text>
  if (view.sending) return <Text className='settings__status'>下发中…</Text>
  if (view.error && !view.command) {
    return (
      <Text className='settings__status settings__status--failed' data-command-state='error'>
        {view.error.message}：{view.error.hint}
      </Text>
    )
  }
  if (!view.command) return null
  const { state, reason } = view.command
  return (
    <Text className={`settings__status settings__status--${state}`} data-command-state={state}>
      {COMMAND_STATE_LABEL[state]}
      {state === 'sending' ? '…等待设备确认' : ''}
      {state === 'failed' && reason ? `：${reason}` : ''}
      {view.error ? `（${view.error.message}）` : ''}
    </Text>
  )
}
