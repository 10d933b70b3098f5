/**
 * The privacy sheet's store: WeChat holds each protected call until the user answers; one answer releases
 * every call waiting on it, with the agree button's id when agreed.
 */
import type { PrivacyRequest } from '@/platform/types'
import { createAppStore } from '../createAppStore'
import { fakePorts } from './helpers/fakeStream'

const memory = () => {
  const data = new Map<string, string>()
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  }
}

function request(): PrivacyRequest & { answers: unknown[] } {
  const answers: unknown[] = []
  return {
    answers,
    agree: (buttonId) => answers.push({ event: 'agree', buttonId }),
    disagree: () => answers.push({ event: 'disagree' }),
  }
}

test('two calls waiting, one 同意: both go on with the button’s id, and the sheet closes', () => {
  const store = createAppStore(memory(), fakePorts())
  const [phone, album] = [request(), request()]
  store.getState().askPrivacy(phone)
  store.getState().askPrivacy(album)
  expect(store.getState().privacyAsked).toBe(true)
  store.getState().agreePrivacy('privacy-agree')
  expect(store.getState().privacyAsked).toBe(false)
  expect([phone.answers, album.answers]).toEqual([
    [{ event: 'agree', buttonId: 'privacy-agree' }],
    [{ event: 'agree', buttonId: 'privacy-agree' }],
  ])
})

test('拒绝 fails the waiting call; the next call asks again', () => {
  const store = createAppStore(memory(), fakePorts())
  const first = request()
  store.getState().askPrivacy(first)
  store.getState().refusePrivacy()
  expect(first.answers).toEqual([{ event: 'disagree' }])
  expect(store.getState().privacyAsked).toBe(false)
  const again = request()
  store.getState().askPrivacy(again)
  expect(store.getState().privacyAsked).toBe(true)
  store.getState().agreePrivacy('privacy-agree')
  expect(again.answers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }])
  expect(first.answers).toHaveLength(1)
})

test('the guide that will not open says so, and the sheet stays for an answer', async () => {
  const { platform } = await import('@/platform')
  const opened = jest.spyOn(platform, 'openPrivacyContract').mockResolvedValue(false)
  const store = createAppStore(memory(), fakePorts())
  store.getState().askPrivacy(request())
  await store.getState().openPrivacyGuide()
  expect(opened).toHaveBeenCalledTimes(1)
  expect(store.getState().notice?.message).toBe('隐私保护指引暂时打不开，请稍后再试')
  expect(store.getState().privacyAsked).toBe(true)
  opened.mockRestore()
})
