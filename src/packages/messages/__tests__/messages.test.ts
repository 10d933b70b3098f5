import { configureTransport } from '@/api/transport'
import { installCloudInJest } from '../../../../mock/hosts/node'
import { recordRequests } from '../../../../mock/hosts/wire'
import { messageUrl } from '../domain/messageLink'
import { useMessagesStore } from '../store'

// A cabinet went offline before the day began: its staff member has one message waiting.
const cloud = installCloudInJest({ scenario: 'offline_device' })
const sent = recordRequests(cloud.server)

beforeAll(() => {
  const token = cloud.tokenFor('u_staff')
  configureTransport({
    baseUrl: 'http://cloud.test',
    getToken: () => token,
    relogin: async () => token,
    defaultTimeoutMs: 3000,
  })
})

describe('messageUrl', () => {
  test('opens the app page of the message with its query, encoded', () => {
    expect(
      messageUrl({
        path: 'packages/orders/pages/complaint-status/index',
        query: { complaintId: 'C 1', orderId: 'O1' },
      }),
    ).toBe('/packages/orders/pages/complaint-status/index?complaintId=C%201&orderId=O1')
    expect(messageUrl({ path: 'packages/merchant/pages/wallet/index', query: {} })).toBe(
      '/packages/merchant/pages/wallet/index',
    )
  })
  test('a page the app does not have is not followed', () => {
    expect(messageUrl({ path: 'packages/evil/pages/x/index', query: {} })).toBeNull()
  })
})

describe('the message centre store', () => {
  test('lists the messages with the unread count; a read mark is sent once however often it is tapped', async () => {
    await useMessagesStore.getState().load()
    const { items, unreadCount } = useMessagesStore.getState()
    expect(items[0]).toMatchObject({ topic: 'device_alarm', readAt: null })
    expect(unreadCount).toBe(items.length)
    const id = items[0]?.id ?? ''
    useMessagesStore.getState().markRead(id)
    useMessagesStore.getState().markRead(id)
    expect(useMessagesStore.getState().unreadCount).toBe(items.length - 1)
    await new Promise((r) => setTimeout(r, 50))
    const marks = (await sent()).filter((r) => r.call === `POST /v1/messages/${id}/read`)
    expect(marks).toHaveLength(1)
    expect(marks[0]?.key).toBe(`read-${id}`)
    await useMessagesStore.getState().load()
    expect(useMessagesStore.getState().items[0]?.readAt).toEqual(expect.any(String))
  })
})
