/**
 * The merchant's blacklist as the pages drive it, against the emulated cloud (msw in Node): 拉黑 from a
 * complaint with a reason, the list, 解除 with a confirmation, and the guards that keep a double tap or a
 * lost answer to one request's worth of work.
 */
import { configureTransport } from '@/api/transport'
import { installCloudInJest } from '../../../../../mock/hosts/node'
import { blacklistEntryNote, blacklistShopperLabel } from '../../domain/blacklist'
import { createMerchantStore } from '..'

const emulator = installCloudInJest({ scenario: 'merchant' })

/** Every blacklist request the phone sent: method, path and Idempotency-Key. */
let sent: { method: string; path: string; key: string | null }[] = []
emulator.server.events.on('request:start', ({ request }) => {
  const path = new URL(request.url).pathname
  if (path.startsWith('/v1/merchant/blacklist'))
    sent.push({ method: request.method, path, key: request.headers.get('Idempotency-Key') })
})
const posts = (path = '/v1/merchant/blacklist') => sent.filter((r) => r.method === 'POST' && r.path === path)

function start(userId = 'u_merchant') {
  emulator.control.scenario({ name: 'merchant' })
  configureTransport({
    baseUrl: 'http://cloud.test',
    getToken: () => emulator.tokenFor(userId),
    relogin: async () => emulator.tokenFor(userId),
    defaultTimeoutMs: 3000,
  })
  sent = []
  return createMerchantStore()
}

const complaintId = () => emulator.cloud.scenario.refs.complaintId ?? ''
const cloudEntries = () => emulator.cloud.listBlacklist('u_merchant').items
const shopperMayOpen = () => emulator.cloud.getCabinetLanding('u_happy', 'GZ0001A').gate.mayOpen

describe('拉黑 from a complaint', () => {
  test('a double tap on 拉黑 sends one request; the shopper is on the list and shut out of the cabinet', async () => {
    const store = start()
    store.getState().startBlock({ kind: 'complaint', id: complaintId() })
    store.getState().setBlockReason('多次恶意投诉')
    await Promise.all([store.getState().submitBlock(), store.getState().submitBlock()])
    expect(posts()).toHaveLength(1)
    expect(store.getState().blocking).toMatchObject({
      step: 'done',
      entry: { phoneMasked: '138****0001', reason: '多次恶意投诉', blockedBy: '鲜享老板' },
    })
    expect(cloudEntries()).toHaveLength(1)
    expect(shopperMayOpen()).toBe(false)

    await store.getState().loadBlacklist()
    const [entry] = store.getState().blacklist.list.data ?? []
    expect(entry && blacklistShopperLabel(entry)).toBe('138****0001')
    expect(entry && blacklistEntryNote(entry)).toBe(
      `鲜享老板 拉黑于 2026-11-20 ${entry?.createdAt.slice(11, 16)} · 来自客诉 ${complaintId()}`,
    )
  })

  test('a reason is required and at most 100 characters: refused on the phone, nothing sent', async () => {
    const store = start()
    store.getState().startBlock({ kind: 'complaint', id: complaintId() })
    for (const reason of ['', '   ', '长'.repeat(101)]) {
      store.getState().setBlockReason(reason)
      await store.getState().submitBlock()
      expect(store.getState().blocking.step).toBe('edit')
      expect(store.getState().blocking.error?.fields?.reason).toMatch(/请填写拉黑原因|不能超过100字/)
    }
    expect(sent).toEqual([])
  })

  test('a retry after a lost answer carries the same key, and the cloud keeps one entry', async () => {
    const store = start()
    store.getState().startBlock({ kind: 'complaint', id: complaintId() })
    store.getState().setBlockReason('恶意投诉')
    emulator.control.network({ dropResponses: 1 })
    await store.getState().submitBlock()
    expect(store.getState().blocking).toMatchObject({ step: 'edit', error: { code: 'NETWORK' } })
    await store.getState().submitBlock()
    expect(store.getState().blocking.step).toBe('done')
    const keys = posts().map((r) => r.key)
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
    expect(cloudEntries()).toHaveLength(1)
  })

  test('another merchant blocking through this complaint is told so on the form', async () => {
    const store = start('u_merchant2')
    store.getState().startBlock({ kind: 'complaint', id: complaintId() })
    store.getState().setBlockReason('恶意投诉')
    await store.getState().submitBlock()
    expect(store.getState().blocking).toMatchObject({
      step: 'edit',
      error: { code: 'BLACKLIST_SOURCE_INVALID', fields: { 'source.id': '不是您柜子上的投诉' } },
    })
    expect(store.getState().blocking.error?.message).toBe('不是您柜子上的顾客')
    expect(cloudEntries()).toEqual([])
  })
})

describe('解除', () => {
  test('asks once more; a double tap on 确认解除 sends one request; the shopper may open again', async () => {
    const store = start()
    emulator.cloud.blockShopper('u_merchant', {
      source: { kind: 'complaint', id: complaintId() },
      reason: '恶意投诉',
    })
    await store.getState().loadBlacklist()
    const entry = store.getState().blacklist.list.data?.[0]
    expect(entry).toBeDefined()
    store.getState().askUnblock(entry!.id)
    expect(store.getState().unblock).toMatchObject({ step: 'confirm', entryId: entry!.id })
    expect(posts(`/v1/merchant/blacklist/${entry!.id}/removal`)).toHaveLength(0)
    await Promise.all([store.getState().confirmUnblock(), store.getState().confirmUnblock()])
    expect(posts(`/v1/merchant/blacklist/${entry!.id}/removal`)).toHaveLength(1)
    expect(store.getState().blacklist.list.data).toEqual([])
    expect(store.getState().unblock.step).toBe('idle')
    expect(shopperMayOpen()).toBe(true)
  })

  test('an entry removed meanwhile is explained and the list reloaded', async () => {
    const store = start()
    const { entry } = emulator.cloud.blockShopper('u_merchant', {
      source: { kind: 'complaint', id: complaintId() },
      reason: '恶意投诉',
    })
    await store.getState().loadBlacklist()
    emulator.cloud.unblockShopper('u_merchant', entry.id)
    store.getState().askUnblock(entry.id)
    await store.getState().confirmUnblock()
    expect(store.getState().unblock.error?.code).toBe('BLACKLIST_ENTRY_NOT_FOUND')
    expect(store.getState().blacklist.list.data).toEqual([])
  })
})
