import type { StateCreator } from 'zustand'
import { callApi } from '@/api/endpoints'
import { newId } from '@/api/ids'
import { pollUntil } from '@/api/retry'
import type { DeviceCommand, LightSchedule } from '@/api/types'
import { AppError } from '@/domain/errors'
import { lightScheduleProblem, temperatureProblem } from '../domain/lightSchedule'
import type { StaffState } from './types'

export type CommandKind = 'temperature' | 'light'

export interface CommandView {
  deviceCode: string
  command: DeviceCommand | null
  sending: boolean
  error: AppError | null
  /** Words for a refused input (a time or temperature out of range), before anything is sent. */
  invalid: string | null
}

export interface SettingsSlice {
  commands: Record<CommandKind, CommandView | null>
  /** 下发 a target temperature; 下发中 until the cabinet acknowledges or fails, then the new reading. */
  sendTemperature: (deviceCode: string, value: number) => Promise<void>
  sendLight: (deviceCode: string, on: boolean, schedule: LightSchedule | null) => Promise<void>
}

const ACK_TIMEOUT_MS = 30_000

export const createSettingsSlice: StateCreator<StaffState, [], [], SettingsSlice> = (set, get) => {
  const setCommand = (kind: CommandKind, view: CommandView | null) =>
    set((s) => ({ commands: { ...s.commands, [kind]: view } }))

  const send = async (
    kind: CommandKind,
    deviceCode: string,
    body:
      | { kind: 'temperature'; value: number }
      | { kind: 'light'; value: boolean; schedule?: LightSchedule },
  ) => {
    const current = get().commands[kind]
    if (current?.sending || current?.command?.state === 'sending') return
    setCommand(kind, { deviceCode, command: null, sending: true, error: null, invalid: null })
    const created = await callApi('updateDeviceSettings', {
      path: { deviceCode },
      body,
      idempotencyKey: newId('command-'),
    })
    if (!created.ok) {
      setCommand(kind, { deviceCode, command: null, sending: false, error: created.error, invalid: null })
      return
    }
    setCommand(kind, { deviceCode, command: created.data, sending: false, error: null, invalid: null })
    const { answer } = await pollUntil(
      () => callApi('getDeviceCommand', { path: { deviceCode, commandId: created.data.id } }),
      (command) => command.state !== 'sending',
      { everyMs: 1000, timeoutMs: ACK_TIMEOUT_MS },
    )
    if (answer.ok)
      setCommand(kind, { deviceCode, command: answer.data, sending: false, error: null, invalid: null })
    else
      setCommand(kind, {
        deviceCode,
        command: created.data,
        sending: false,
        error: answer.error,
        invalid: null,
      })
    // Acknowledged: show the cabinet's reading now, not the number that was asked for.
    if (answer.ok && answer.data.state === 'acknowledged') await get().loadDevice(deviceCode)
  }

  const refuse = (kind: CommandKind, deviceCode: string, words: string) =>
    setCommand(kind, {
      deviceCode,
      command: null,
      sending: false,
      error: new AppError('VALIDATION_FAILED'),
      invalid: words,
    })

  return {
    commands: { temperature: null, light: null },

    sendTemperature: async (deviceCode, value) => {
      const problem = temperatureProblem(value)
      if (problem) return refuse('temperature', deviceCode, problem)
      await send('temperature', deviceCode, { kind: 'temperature', value })
    },

    sendLight: async (deviceCode, on, schedule) => {
      const problem = schedule ? lightScheduleProblem(schedule) : null
      if (problem) return refuse('light', deviceCode, problem)
      await send(
        'light',
        deviceCode,
        schedule ? { kind: 'light', value: on, schedule } : { kind: 'light', value: on },
      )
    },
  }
}
