/**
 * The session survives a restart on both platforms: the store persists over the platform storage, and a
 * missing key (WeChat answers '') must rehydrate to defaults instead of silently failing.
 */
import { createAppStore, PERSIST_KEY } from '../createAppStore'
import { fakePorts } from './helpers/fakeStream'

function wechatLikeStorage() {
  const map = new Map<string, string>()
  const wx = {
    getStorageSync: (key: string) => map.get(key) ?? '',
    setStorageSync: (key: string, value: string) => void map.set(key, value),
    removeStorageSync: (key: string) => void map.delete(key),
  }
  return { map, wx }
}

function alipayLikeStorage() {
  const map = new Map<string, string>()
  const my = {
    getStorageSync: ({ key }: { key: string }) => ({ data: map.has(key) ? map.get(key) : null }),
    setStorageSync: ({ key, data }: { key: string; data: string }) => void map.set(key, data),
    removeStorageSync: ({ key }: { key: string }) => void map.delete(key),
  }
  return { map, my }
}

const user = {
  id: 'u_happy',
  nickname: '顾客',
  phoneBound: true,
  phoneMasked: '138****0000',
  roles: { shopper: true as const, staffDeviceCodes: [], merchantId: null },
}

async function platformFor(name: 'weapp' | 'alipay') {
  if (name === 'weapp') {
    const s = wechatLikeStorage()
    ;(globalThis as Record<string, unknown>).wx = s.wx
    return { map: s.map, platform: (await import('@/platform/index.weapp')).platform }
  }
  const s = alipayLikeStorage()
  ;(globalThis as Record<string, unknown>).my = s.my
  return { map: s.map, platform: (await import('@/platform/index.alipay')).platform }
}

describe.each(['weapp', 'alipay'] as const)('on %s', (name) => {
  test('a first start with nothing stored comes up logged out, and hydration completes', async () => {
    const { platform } = await platformFor(name)
    expect(platform.storage.getItem(PERSIST_KEY)).toBeNull()
    const store = createAppStore(platform.storage, fakePorts())
    expect(store.persist.hasHydrated()).toBe(true)
    expect(store.getState().token).toBeNull()
  })

  test('the token, user and elder mode survive a restart; screen state does not', async () => {
    const { platform, map } = await platformFor(name)
    const first = createAppStore(platform.storage, fakePorts())
    first.setState({ token: 't-1', tokenExpiresAt: '2026-12-01T00:00:00+08:00', user, elderMode: true })
    first.setState((s) => ({ cabinet: { ...s.cabinet, deviceCode: 'GZ0001A', status: 'ready' } }))
    expect(JSON.parse(map.get(PERSIST_KEY)!).state).not.toHaveProperty('cabinet')

    const restarted = createAppStore(platform.storage, fakePorts())
    expect(restarted.getState()).toMatchObject({ token: 't-1', user, elderMode: true })
    expect(restarted.getState().cabinet.deviceCode).toBeNull()
  })

  test('a corrupt stored value is ignored rather than crashing the app', async () => {
    const { platform, map } = await platformFor(name)
    map.set(PERSIST_KEY, '{not json')
    const store = createAppStore(platform.storage, fakePorts())
    expect(store.getState().token).toBeNull()
  })
})

export {}
