/**
 * Subscribe prompts against the emulated cloud, in the WeChat shape (the seam's own tests cover each
 * platform's answers). Counted on the wire: what the platform was asked and what was recorded.
 */
import { configureTransport } from '@/api/transport'
import type { SubscribeResult } from '@/platform/types'
import { installCloudInJest } from '../../../mock/hosts/node'
import { recordRequests } from '../../../mock/hosts/wire'
import { askToSubscribe, prefetchSubscriptions, resetSubscriptions } from '../useSubscribePrompt'

const mockRequestSubscribe = jest.fn<Promise<SubscribeResult>, [string[]]>()
jest.mock('@/platform', () => ({
  platform: {
    name: 'weapp',
    requestSubscribe: (ids: string[]) => mockRequestSubscribe(ids),
  },
}))

const cloud = installCloudInJest({ scenario: 'happy' })
const sent = recordRequests(cloud.server)
const RECORD = 'POST /v1/messages/subscriptions'

// Each test is a different shopper: the cloud remembers answers for the whole file.
function signIn(userId: string) {
  resetSubscriptions()
  mockRequestSubscribe.mockReset()
  const token = cloud.tokenFor(userId)
  configureTransport({
    baseUrl: 'http://cloud.test',
    getToken: () => token,
    relogin: async () => token,
    defaultTimeoutMs: 3000,
  })
}

const answerAll =
  (answer: 'accept' | 'reject' | 'ban', keep = false) =>
  async (ids: string[]): Promise<SubscribeResult> => ({
    ok: true,
    answers: Object.fromEntries(ids.map((id) => [id, answer])),
    keep,
  })

test('after 开门 the receipt, refund and unpaid templates are asked for, and the answers recorded', async () => {
  signIn('u_happy')
  await prefetchSubscriptions()
  mockRequestSubscribe.mockImplementation(answerAll('accept'))
  const before = (await sent()).filter((r) => r.call === RECORD).length
  await askToSubscribe('afterOpen')
  expect(mockRequestSubscribe).toHaveBeenCalledWith([
    'wx-tmpl-payment-succeeded',
    'wx-tmpl-refund-made',
    'wx-tmpl-unpaid-reminder',
  ])
  const records = (await sent()).filter((r) => r.call === RECORD).slice(before)
  expect(records).toHaveLength(1)
  expect(records[0]?.body).toEqual({
    platform: 'weapp',
    answers: [
      { templateId: 'wx-tmpl-payment-succeeded', answer: 'accept', keep: false },
      { templateId: 'wx-tmpl-refund-made', answer: 'accept', keep: false },
      { templateId: 'wx-tmpl-unpaid-reminder', answer: 'accept', keep: false },
    ],
  })
})

test('a template refused with 不再询问 (or banned) is never asked for again', async () => {
  signIn('u_first')
  await prefetchSubscriptions()
  mockRequestSubscribe.mockImplementationOnce(async (ids) => ({
    ok: true,
    answers: { [ids[0] ?? '']: 'reject', [ids[1] ?? '']: 'ban', [ids[2] ?? '']: 'accept' },
    keep: true,
  }))
  await askToSubscribe('afterOpen')
  mockRequestSubscribe.mockImplementation(answerAll('accept'))
  await askToSubscribe('afterOpen')
  await askToSubscribe('afterComplaint')
  // The kept acceptance needs no asking either; only the complaint result is left to ask about.
  expect(mockRequestSubscribe.mock.calls.slice(1)).toEqual([[['wx-tmpl-complaint-handled']]])
})

test('a refusal or a failure records nothing and does not throw; without templates nothing is asked', async () => {
  signIn('u_other')
  mockRequestSubscribe.mockResolvedValue({ ok: false, reason: 'switched_off' })
  await askToSubscribe('afterOpen')
  expect(mockRequestSubscribe).not.toHaveBeenCalled()
  await prefetchSubscriptions()
  const before = (await sent()).filter((r) => r.call === RECORD).length
  await expect(askToSubscribe('afterOpen')).resolves.toBeUndefined()
  expect(mockRequestSubscribe).toHaveBeenCalledTimes(1)
  expect((await sent()).filter((r) => r.call === RECORD).length).toBe(before)
})

test('the templates are loaded once however many pages ask', async () => {
  signIn('u_staff')
  const loads = () =>
    sent().then((all) => all.filter((r) => r.call === 'GET /v1/messages/subscriptions').length)
  const before = await loads()
  await Promise.all([prefetchSubscriptions(), prefetchSubscriptions()])
  await prefetchSubscriptions()
  expect((await loads()) - before).toBe(1)
})
