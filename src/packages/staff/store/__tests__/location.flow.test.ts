/**
 * 修改定位 through the staff store against the emulated cloud: ops staff pick a point on the platform's map
 * and see it saved; a far point is only saved once they confirm; a cancel or a refusal leaves the location
 * as it was, with words for why; a double tap opens one picker and sends one request.
 */
import type { PickedLocation } from '@/platform/types'
import { SAVED_NOTE, UNCHANGED_NOTE } from '../locationSlice'
import { staffHarness, waitFor, type StaffHarness } from './helpers/harness'

jest.setTimeout(20_000)

let h: StaffHarness
afterEach(() => h?.stop())

// u_staff is ops on SJ0001V (科技园C栋) and a restocker on GZ0001A.
const C_BLOCK = { latitude: 22.541862, longitude: 113.952115 }
const NEAR: PickedLocation = {
  name: '科技园C栋北门',
  address: '广东省深圳市南山区科苑路15号',
  latitude: 22.5437,
  longitude: 113.952115,
}
const FAR: PickedLocation = { ...NEAR, name: '科技园北区', latitude: 22.58 }

/** Counts the location saves the phone sends, with their Idempotency-Keys and bodies. */
function recordSaves(harness: StaffHarness) {
  const saves: { key: string | null; body: Record<string, unknown> }[] = []
  harness.server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/location')) {
      void request
        .clone()
        .json()
        .then((body: Record<string, unknown>) =>
          saves.push({ key: request.headers.get('Idempotency-Key'), body }),
        )
    }
  })
  return saves
}

async function opsOnDevice() {
  h = staffHarness('restocker')
  await h.store.getState().loadDevice('SJ0001V')
  return recordSaves(h)
}

test('ops staff correct the point: the map opens at the saved one, the new one is shown with who and when', async () => {
  const saves = await opsOnDevice()
  expect(h.store.getState().device.detail?.location?.name).toBe('科技园C栋')
  h.mapPicker.answers.push({ ok: true, location: NEAR })
  await h.store.getState().correctLocation('SJ0001V')
  expect(h.mapPicker.opened).toEqual([C_BLOCK])
  const { location, device } = h.store.getState()
  expect(location).toMatchObject({ busy: null, error: null, note: SAVED_NOTE, awaitingConfirmation: null })
  expect(location.saved).toMatchObject({ confirmedFar: false, previous: { name: '科技园C栋' } })
  expect(device.detail?.location).toMatchObject({ name: '科技园C栋北门', updatedBy: '补货员小王' })
  expect(saves.map((s) => s.body)).toEqual([NEAR])
  // What the page shows is what the cloud keeps.
  await h.store.getState().loadDevice('SJ0001V')
  expect(h.store.getState().device.detail?.location?.name).toBe('科技园C栋北门')
})

test('a double tap on 修改定位 opens one map and sends one request', async () => {
  const saves = await opsOnDevice()
  h.mapPicker.answers.push({ ok: true, location: NEAR }, { ok: true, location: FAR })
  await Promise.all([
    h.store.getState().correctLocation('SJ0001V'),
    h.store.getState().correctLocation('SJ0001V'),
  ])
  await waitFor(() => saves.length >= 1)
  await new Promise((r) => setTimeout(r, 50))
  expect(h.mapPicker.opened).toHaveLength(1)
  expect(saves).toHaveLength(1)
  expect(h.store.getState().device.detail?.location?.name).toBe('科技园C栋北门')
})

test('a point 4 km away asks first: nothing saved until confirmed, then saved with confirmFar and a new key', async () => {
  const saves = await opsOnDevice()
  h.mapPicker.answers.push({ ok: true, location: FAR })
  await h.store.getState().correctLocation('SJ0001V')
  const asking = h.store.getState().location.awaitingConfirmation
  expect(asking?.point).toEqual(FAR)
  expect(asking?.error.code).toBe('LOCATION_NEEDS_CONFIRMATION')
  expect(h.store.getState().device.detail?.location?.name).toBe('科技园C栋')
  // A tap on 修改定位 while the question is up opens no second map.
  await h.store.getState().correctLocation('SJ0001V')
  expect(h.mapPicker.opened).toHaveLength(1)

  await Promise.all([h.store.getState().confirmFarLocation(), h.store.getState().confirmFarLocation()])
  await waitFor(() => saves.length >= 2)
  expect(saves).toHaveLength(2)
  expect(saves[0]!.body).toEqual(FAR)
  expect(saves[1]!.body).toEqual({ ...FAR, confirmFar: true })
  expect(saves[1]!.key).not.toBe(saves[0]!.key)
  expect(h.store.getState().location.saved?.confirmedFar).toBe(true)
  expect(h.store.getState().device.detail?.location?.name).toBe('科技园北区')
})

test('not confirmed: the location stays, with a note saying so', async () => {
  const saves = await opsOnDevice()
  h.mapPicker.answers.push({ ok: true, location: FAR })
  await h.store.getState().correctLocation('SJ0001V')
  h.store.getState().dismissFarLocation()
  expect(h.store.getState().location).toMatchObject({ awaitingConfirmation: null, note: UNCHANGED_NOTE })
  await h.store.getState().loadDevice('SJ0001V')
  expect(h.store.getState().device.detail?.location?.name).toBe('科技园C栋')
  expect(saves).toHaveLength(1)
})

test.each([
  ['cancelled', null, UNCHANGED_NOTE],
  ['denied', 'LOCATION_DENIED', null],
  ['privacy', 'PRIVACY_REFUSED', null],
  ['failed', 'PLATFORM_FAILED', null],
] as const)('the map picker %s: nothing sent, the location stays (%s)', async (reason, code, note) => {
  const saves = await opsOnDevice()
  h.mapPicker.answers.push({ ok: false, reason, detail: 'x' })
  await h.store.getState().correctLocation('SJ0001V')
  const { location, device } = h.store.getState()
  expect(location.error?.code ?? null).toBe(code)
  expect(location.note).toBe(note)
  expect(location.busy).toBeNull()
  expect(device.detail?.location?.name).toBe('科技园C栋')
  expect(saves).toHaveLength(0)
})

test('the denied words tell where to allow the location', async () => {
  await opsOnDevice()
  h.mapPicker.answers.push({ ok: false, reason: 'denied' })
  await h.store.getState().correctLocation('SJ0001V')
  expect(h.store.getState().location.error?.hint).toMatch(/设置.*位置/)
})

test('a restocker who gets to the call anyway is refused by the cloud with STAFF_ROLE_REQUIRED', async () => {
  h = staffHarness('restocker')
  await h.store.getState().loadDevice('GZ0001A')
  h.mapPicker.answers.push({ ok: true, location: NEAR })
  await h.store.getState().correctLocation('GZ0001A')
  expect(h.store.getState().location.error?.code).toBe('STAFF_ROLE_REQUIRED')
  expect(h.store.getState().device.detail?.location?.name).toBe('科技园A栋')
})
