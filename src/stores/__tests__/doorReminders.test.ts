/**
 * While the door is open: the close reminder after a minute, the cloud's door-left-open warning, and elder
 * mode saying both aloud (or vibrating where the phone cannot speak).
 */
import type { DoorSession, SessionEvent } from '@/api/types'
import { platform } from '@/platform'
import { createAppStore } from '../createAppStore'
import { CLOSE_REMINDER_MS } from '../doorSlice'
import { fakePorts } from './helpers/fakeStream'

const session = (seq: number, state: DoorSession['state']): DoorSession => ({
  id: 'sess_1',
  deviceCode: 'GZ0001A',
  doorNo: 1,
  mode: 'shop',
  state,
  seq,
  openDeadlineAt: '2026-11-20T12:00:20+08:00',
  cart: { lines: [], promotions: [], subtotalFen: 0, discountFen: 0, totalFen: 0 },
  orderId: null,
  recognition: 'live',
})

const event = (seq: number, kind: SessionEvent['kind'], state: DoorSession['state']) =>
  ({ seq, at: '2026-11-20T12:00:01+08:00', kind, session: session(seq, state), sessionId: 'sess_1' }) as const

let speak: jest.SpyInstance
let vibrate: jest.SpyInstance

beforeEach(() => {
  jest.useFakeTimers()
  speak = jest.spyOn(platform, 'speak').mockReturnValue(true)
  vibrate = jest.spyOn(platform, 'vibrate').mockImplementation(() => undefined)
})

afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

function openedStore(elderMode: boolean) {
  const ports = fakePorts()
  const store = createAppStore(platform.storage, ports)
  store.setState({ elderMode })
  store.getState().followSession(session(1, 'opening'))
  ports.stream.push(event(2, 'opened', 'open'))
  return { store, ports }
}

test('a minute after the door opened the shopper is reminded to close it, and elder mode says so', () => {
  const { store } = openedStore(true)
  expect(store.getState().door.openedAtLocal).not.toBeNull()
  expect(speak).toHaveBeenCalledWith('柜门已打开，请取商品')
  jest.advanceTimersByTime(CLOSE_REMINDER_MS - 1)
  expect(store.getState().door.closeReminder).toBe(false)
  jest.advanceTimersByTime(1)
  expect(store.getState().door.closeReminder).toBe(true)
  expect(speak).toHaveBeenLastCalledWith('请关好柜门')
  store.getState().leaveSession()
})

test('no reminder once the door is closed', () => {
  const { store, ports } = openedStore(false)
  ports.stream.push(event(3, 'closed', 'closed'))
  jest.advanceTimersByTime(CLOSE_REMINDER_MS)
  expect(store.getState().door.closeReminder).toBe(false)
  expect(speak).not.toHaveBeenCalled()
  store.getState().leaveSession()
})

test("the cloud's door-left-open warning vibrates and shows the catalogue notice", () => {
  const { store, ports } = openedStore(false)
  ports.stream.push(event(3, 'door_left_open', 'open'))
  expect(vibrate).toHaveBeenCalled()
  expect(store.getState().notice?.code).toBe('DOOR_LEFT_OPEN')
  expect(store.getState().door.closeReminder).toBe(true)
  store.getState().leaveSession()
})

test('elder mode vibrates where the phone cannot speak', () => {
  speak.mockReturnValue(false)
  const { store } = openedStore(true)
  expect(vibrate).toHaveBeenCalledTimes(1)
  store.getState().leaveSession()
})

test('elder mode says the door closed, once, however the cloud reports the settling', () => {
  const { store, ports } = openedStore(true)
  ports.stream.push(event(3, 'closed', 'closed'))
  expect(speak).toHaveBeenLastCalledWith('柜门已关好，正在结算')
  const closedCalls = speak.mock.calls.filter(([text]) => text === '柜门已关好，正在结算').length
  ports.stream.push(event(4, 'settled', 'settled'))
  expect(speak.mock.calls.filter(([text]) => text === '柜门已关好，正在结算')).toHaveLength(closedCalls)
  store.getState().leaveSession()
})
