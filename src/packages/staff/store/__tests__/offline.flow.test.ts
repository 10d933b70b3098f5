/**
 * Restockers work in basements: what they count and confirm without a network is kept on the phone (with
 * the idempotency key it got when they tapped 确认), shown as 待同步, and sent once when the network returns,
 * even if the app was closed and opened again meanwhile.
 */
import { staffHarness, waitFor, type StaffHarness } from './helpers/harness'

jest.setTimeout(20_000)

let h: StaffHarness
afterEach(() => h?.stop())

const session = () => h.store.getState().restock.log?.session
const stockOf = (productId: string) =>
  h.cloud
    .inspect()
    .devices.get('GZ0001A')
    ?.goods.find((g) => g.productId === productId)?.stock
const confirmedEvents = (sessionId: string) =>
  h.cloud.listRestockSessionEvents('u_staff', sessionId).items.filter((e) => e.kind === 'confirmed').length

/**
 * The Idempotency-Key of every send of kept work, as it left the phone (a dropped one included). The
 * cloud answers a repeat of a confirmation by its own rules, so only the keys show whether a resend is one.
 */
function recordSends(kind: 'confirm' | 'stocktake') {
  const path = kind === 'confirm' ? /^\/v1\/staff\/restock-sessions\/[^/]+\/confirm$/ : /\/stocktakes$/
  const keys: (string | null)[] = []
  h.server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && path.test(new URL(request.url).pathname))
      keys.push(request.headers.get('Idempotency-Key'))
  })
  return keys
}

async function closedRestock() {
  await h.store.getState().prepareRestock('GZ0001A')
  await h.store.getState().openRestock({ doorNo: 1, restockOrderId: null })
  await waitFor(() => session()?.state === 'open', 4000, 'open')
  h.control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_chips', qty: 3 })
  h.control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_milk', qty: 1 })
  h.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
  await waitFor(() => session()?.state === 'closed', 4000, 'closed')
  return session()!.id
}

const networkDown = () => {
  h.control.network({ dropRequests: 1_000_000 })
  h.network.emit(false)
}
const networkBack = () => {
  h.control.network({ dropRequests: 0 })
  h.network.emit(true)
}

test('confirmed while the network is down: kept as 待同步, sent once when it returns', async () => {
  h = staffHarness('restocker')
  const id = await closedRestock()
  const sends = recordSends('confirm')
  networkDown()
  h.store.getState().setRestockCount('p_chips', 4)
  expect(h.store.getState().confirmRestock()).toBeNull()
  await waitFor(() => h.store.getState().outbox[0]?.lastError === 'NETWORK', 4000, 'a failed attempt')
  const key = h.store.getState().outbox[0]!.key
  expect(h.store.getState().outbox).toEqual([
    expect.objectContaining({
      kind: 'restockConfirm',
      sessionId: id,
      state: 'pending',
      body: { lines: [{ productId: 'p_chips', after: 4 }] },
    }),
  ])
  expect(h.cloud.getRestockSession('u_staff', id).state).toBe('closed')
  expect(stockOf('p_chips')).toBe(0)

  networkBack()
  await waitFor(() => h.store.getState().restock.result !== null, 6000, 'the sync')
  expect(h.store.getState().outbox).toEqual([])
  expect([stockOf('p_chips'), stockOf('p_milk')]).toEqual([4, 1])
  expect(confirmedEvents(id)).toBe(1)
  expect(sends.length).toBeGreaterThanOrEqual(2)
  expect(new Set(sends)).toEqual(new Set([key]))
})

test('…and the app closed and opened again meanwhile: the restock, its counts and the confirmation survive', async () => {
  h = staffHarness('restocker')
  const id = await closedRestock()
  const sends = recordSends('confirm')
  networkDown()
  h.store.getState().setRestockCount('p_chips', 5)
  h.store.getState().setRestockCount('p_milk', 2)
  expect(h.store.getState().confirmRestock()).toBeNull()
  await waitFor(() => h.store.getState().outbox[0]?.attempts === 1, 4000, 'a failed attempt')
  const key = h.store.getState().outbox[0]!.key
  const sentBeforeRestart = sends.length

  // What the phone keeps: the latest snapshot of the session (not its event log), the counts, the key.
  const kept = JSON.parse(h.storage.data.get('cabinet-staff')!) as {
    state: { restock: { log: { events: [] } } }
  }
  expect(kept.state.restock.log.events).toEqual([])
  const reopened = h.restart()
  expect(reopened.getState().restock.log?.session.id).toBe(id)
  expect(reopened.getState().restock.counts).toEqual({ p_chips: 5, p_milk: 2 })
  expect(reopened.getState().outbox.map((i) => [i.key, i.state])).toEqual([[key, 'pending']])
  await reopened.getState().prepareRestock('GZ0001A') // the restock screen opens again, still offline
  expect(reopened.getState().restock.log?.session.state).toBe('closed')

  networkBack()
  await waitFor(() => reopened.getState().restock.result !== null, 8000, 'the sync after the restart')
  expect([stockOf('p_chips'), stockOf('p_milk')]).toEqual([5, 2])
  expect(confirmedEvents(id)).toBe(1)
  // Sent before the restart and again by the new store: always the key kept with the item.
  expect(sentBeforeRestart).toBeGreaterThanOrEqual(1)
  expect(sends.length).toBeGreaterThan(sentBeforeRestart)
  expect(new Set(sends)).toEqual(new Set([key]))
})

test('an answer lost on the way back: the resend with the same key is answered from the cloud’s record', async () => {
  h = staffHarness('restocker')
  const id = await closedRestock()
  const sends = recordSends('confirm')
  h.control.network({ dropResponses: 1 })
  expect(h.store.getState().confirmRestock()).toBeNull()
  const key = h.store.getState().outbox[0]!.key
  await waitFor(() => h.store.getState().restock.result !== null, 8000, 'the resend')
  expect(h.cloud.getRestockSession('u_staff', id).state).toBe('confirmed')
  expect(confirmedEvents(id)).toBe(1)
  expect(stockOf('p_chips')).toBe(3)
  expect(sends).toEqual([key, key])
})

test('the door shut while the phone was offline: the restocker says so, counts, and the confirm waits for the cabinet', async () => {
  h = staffHarness('restocker')
  await h.store.getState().prepareRestock('GZ0001A')
  await h.store.getState().openRestock({ doorNo: 1, restockOrderId: null })
  await waitFor(() => session()?.state === 'open', 4000, 'open')
  const id = session()!.id
  h.control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_chips', qty: 2 })
  networkDown()
  await waitFor(() => h.store.getState().restock.unreachable, 4000, 'the app to notice')
  h.store.getState().declareDoorClosed()
  h.store.getState().setRestockCount('p_chips', 2)
  const sends = recordSends('confirm')
  expect(h.store.getState().confirmRestock()).toBeNull()
  const key = h.store.getState().outbox[0]!.key
  // The network returns before the cabinet reports the door shut: the cloud says "not yet", the app waits.
  networkBack()
  await waitFor(() => h.store.getState().outbox[0]?.state === 'waiting', 6000, 'the cloud to say not yet')
  expect(h.store.getState().outbox[0]?.lastError).toBe('SESSION_STATE_CONFLICT')
  h.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
  await waitFor(() => h.store.getState().restock.result !== null, 8000, 'the retry after close')
  expect(stockOf('p_chips')).toBe(2)
  expect(confirmedEvents(id)).toBe(1)
  expect(new Set(sends)).toEqual(new Set([key]))
})

test('a stocktake submitted offline is kept across a restart and recorded once when the network returns', async () => {
  h = staffHarness('restocker')
  await h.store.getState().prepareStocktake('GZ0001A')
  const sends = recordSends('stocktake')
  networkDown()
  h.store.getState().setStocktakeCount('p_cola', 11)
  h.store.getState().setStocktakeReason('p_cola', 'damaged')
  h.store.getState().setStocktakeCount('p_water', 14)
  h.store.getState().setStocktakeReason('p_water', 'lost')
  expect(h.store.getState().submitStocktake()).toBeNull()
  await waitFor(() => h.store.getState().outbox[0]?.attempts === 1, 4000, 'a failed attempt')
  const key = h.store.getState().outbox[0]!.key
  const reopened = h.restart()
  await reopened.getState().prepareStocktake('GZ0001A')
  expect(reopened.getState().stocktake.counts).toEqual({ p_cola: 11, p_water: 14 })
  networkBack()
  await waitFor(() => reopened.getState().stocktake.lastResult !== null, 8000, 'the stocktake')
  const recorded = h.cloud.listStocktakes('u_staff', 'GZ0001A').items
  expect(recorded).toHaveLength(1)
  expect(recorded[0]!.lines.filter((l) => l.diff !== 0).map((l) => [l.productId, l.diff, l.reason])).toEqual([
    ['p_cola', -1, 'damaged'],
    ['p_water', -1, 'lost'],
  ])
  expect(reopened.getState().stocktake.counts).toEqual({})
  expect(sends.length).toBeGreaterThanOrEqual(2)
  expect(new Set(sends)).toEqual(new Set([key]))
})
