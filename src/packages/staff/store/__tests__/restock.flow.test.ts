/**
 * A restocker's restock through the real staff store against the emulated cloud: free restock with live
 * +/− from the shelves, adjust and confirm once; restock by 补货单 with a discrepancy; a vision cabinet
 * counted by hand; counts the app refuses before the cloud would.
 */
import { callApi } from '@/api/endpoints'
import type { RestockSessionEvent } from '@/api/types'
import { staffHarness, waitFor, type StaffHarness } from './helpers/harness'

jest.setTimeout(20_000)

let h: StaffHarness
afterEach(() => h?.stop())

const session = () => h.store.getState().restock.log?.session
const stockOf = (code: string, productId: string) =>
  h.cloud
    .inspect()
    .devices.get(code)
    ?.goods.find((g) => g.productId === productId)?.stock

async function openFree(deviceCode = 'GZ0001A') {
  await h.store.getState().prepareRestock(deviceCode)
  await h.store.getState().openRestock({ doorNo: 1, restockOrderId: null })
  await waitFor(() => session()?.state === 'open', 4000, 'the door to open')
}

test('free restock: +3 / −1 from the shelves arrive live, the restocker adjusts one and confirms; stock is updated once', async () => {
  h = staffHarness('restocker')
  await openFree()
  h.control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_chips', qty: 3 })
  h.control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_milk', qty: 1 })
  // The socket is down in this test: the changes come by reading the session every second.
  await waitFor(
    () => session()?.changes.find((c) => c.productId === 'p_milk')?.delta === -1,
    4000,
    'live changes',
  )
  expect(session()?.changes.find((c) => c.productId === 'p_chips')).toMatchObject({
    before: 0,
    delta: 3,
    after: 3,
  })
  // Shoppers are kept out while the door is open in restock mode.
  expect(h.cloud.getCabinetLanding('u_happy', 'GZ0001A').gate.reasons[0]?.code).toBe('DEVICE_RESTOCKING')

  h.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
  await waitFor(() => session()?.state === 'closed', 4000, 'closed')
  h.store.getState().setRestockCount('p_chips', 4)
  expect(h.store.getState().confirmRestock()).toBeNull()
  expect(h.store.getState().confirmRestock()).toBeNull() // a double tap sends nothing more
  await waitFor(() => h.store.getState().restock.result !== null, 4000, 'the confirmation')
  expect(h.store.getState().outbox).toEqual([])
  expect([stockOf('GZ0001A', 'p_chips'), stockOf('GZ0001A', 'p_milk')]).toEqual([4, 1])
  const events = h.cloud.listRestockSessionEvents('u_staff', session()!.id).items.map((e) => e.kind)
  expect(events.filter((k) => k === 'confirmed')).toHaveLength(1)
  expect(h.store.getState().restock.result?.changes.find((c) => c.productId === 'p_chips')).toMatchObject({
    before: 0,
    after: 4,
    delta: 4,
  })
  // The shopper's cabinet page shows the new stock.
  const goods = h.cloud.getCabinetLanding('u_happy', 'GZ0001A').goods
  expect(goods.find((g) => g.productId === 'p_chips')).toMatchObject({ stock: 4, stockState: 'in_stock' })
})

test('over the socket, events that arrive out of order and twice are applied once each, in order', async () => {
  h = staffHarness('restocker')
  await openFree()
  h.stream.setStatus('open')
  const id = session()!.id
  const from = session()!.seq
  h.control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_chips', qty: 1 })
  h.control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_chips', qty: 1 })
  h.control.take({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_milk', qty: 1 })
  const [a, b, c] = h.cloud.listRestockSessionEvents('u_staff', id, from).items as RestockSessionEvent[]
  for (const e of [c!, a!, a!, b!, c!]) h.stream.push({ ...e, sessionId: id })
  const log = h.store.getState().restock.log!
  expect(log.events.filter((e) => e.seq > from).map((e) => e.kind)).toEqual(['loaded', 'loaded', 'removed'])
  expect(log.session.changes.find((ch) => ch.productId === 'p_chips')?.after).toBe(2)
  expect(h.stream.subscriptions.get(id)).toBe(log.session.seq)
})

test('restock by 补货单: planned vs actual, the discrepancy needs a reason, confirm closes the order', async () => {
  h = staffHarness('restocker')
  await h.store.getState().prepareRestock('GZ0001A')
  const order = h.store.getState().restockOrders.items.find((o) => o.state === 'open')!
  expect(order.lines.map((l) => [l.productId, l.plannedQty])).toEqual([
    ['p_chips', 10],
    ['p_milk', 8],
  ])
  await h.store.getState().openRestock({ doorNo: 1, restockOrderId: order.id })
  await waitFor(() => session()?.state === 'open', 4000, 'open')
  h.control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_chips', qty: 10 })
  h.control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_milk', qty: 6 })
  h.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
  await waitFor(() => session()?.state === 'closed', 4000, 'closed')
  expect(session()?.changes.find((c) => c.productId === 'p_milk')).toMatchObject({ plannedQty: 8, delta: 6 })
  expect(h.store.getState().confirmRestock()?.code).toBe('REASON_REQUIRED')
  expect(h.store.getState().outbox).toEqual([])
  h.store.getState().setRestockReason('p_milk', 'lost')
  expect(h.store.getState().confirmRestock()).toBeNull()
  await waitFor(() => h.store.getState().restock.result !== null, 4000, 'confirmed')
  const done = h.cloud.listRestockOrders('u_staff', 'GZ0001A').items.find((o) => o.id === order.id)
  expect(done).toMatchObject({
    state: 'done',
    lines: [
      { productId: 'p_chips', plannedQty: 10, actualQty: 10 },
      { productId: 'p_milk', plannedQty: 8, actualQty: 6, reason: 'lost' },
    ],
  })
})

test('a vision cabinet asks for a count of every product instead of measuring', async () => {
  h = staffHarness('restocker')
  await openFree('SJ0001V')
  expect(session()?.counting).toBe('manual')
  h.control.close({ deviceCode: 'SJ0001V', doorNo: 1 })
  await waitFor(() => session()?.state === 'closed', 4000, 'closed')
  expect(h.store.getState().confirmRestock()?.code).toBe('COUNT_REQUIRED')
  for (const c of session()!.changes)
    h.store.getState().setRestockCount(c.productId, c.productId === 'p_chips' ? 9 : c.before)
  expect(h.store.getState().confirmRestock()).toBeNull()
  await waitFor(() => h.store.getState().restock.result !== null, 4000, 'confirmed')
  expect(stockOf('SJ0001V', 'p_chips')).toBe(9)
})

test('negative, absurd and above-capacity counts are refused by the app, and by the cloud if sent anyway', async () => {
  h = staffHarness('restocker')
  await openFree()
  h.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
  await waitFor(() => session()?.state === 'closed', 4000, 'closed')
  h.store.getState().setRestockCount('p_chips', -1)
  expect(h.store.getState().confirmRestock()?.code).toBe('COUNT_INVALID')
  h.store.getState().setRestockCount('p_chips', 11) // the chips shelf holds 10
  expect(h.store.getState().confirmRestock()?.code).toBe('COUNT_ABOVE_CAPACITY')
  h.store.getState().setRestockCount('p_chips', Number.NaN)
  expect(h.store.getState().confirmRestock()?.code).toBe('COUNT_INVALID')
  expect(h.store.getState().outbox).toEqual([])
  const id = session()!.id
  const absurd = await callApi('confirmRestockSession', {
    path: { sessionId: id },
    body: { lines: [{ productId: 'p_chips', after: 1_000_000 }] },
  })
  expect(!absurd.ok && absurd.error.code).toBe('COUNT_ABOVE_CAPACITY')
  const negative = await callApi('confirmRestockSession', {
    path: { sessionId: id },
    body: { lines: [{ productId: 'p_chips', after: -5 }] },
  })
  expect(!negative.ok && negative.error.code).toBe('COUNT_INVALID')
  expect(stockOf('GZ0001A', 'p_chips')).toBe(0)
})

test('confirming twice: the second confirm is refused by the cloud and the stock moves once', async () => {
  h = staffHarness('restocker')
  await openFree()
  h.control.putBack({ deviceCode: 'GZ0001A', doorNo: 1, productId: 'p_chips', qty: 2 })
  h.control.close({ deviceCode: 'GZ0001A', doorNo: 1 })
  await waitFor(() => session()?.state === 'closed', 4000, 'closed')
  expect(h.store.getState().confirmRestock()).toBeNull()
  await waitFor(() => h.store.getState().restock.result !== null, 4000, 'confirmed')
  const again = await callApi('confirmRestockSession', {
    path: { sessionId: session()!.id },
    body: { lines: [{ productId: 'p_chips', after: 5 }] },
  })
  expect(!again.ok && again.error.code).toBe('RESTOCK_ALREADY_CONFIRMED')
  expect(stockOf('GZ0001A', 'p_chips')).toBe(2)
})

test('a restocker not bound to the cabinet gets the manual’s explanation and no session', async () => {
  h = staffHarness('restocker')
  await h.store.getState().prepareRestock('GZ0099Z')
  expect(h.store.getState().device.error?.code).toBe('STAFF_NOT_BOUND')
  await h.store.getState().openRestock({ doorNo: 1, restockOrderId: null })
  expect(h.store.getState().restock.error?.code).toBe('STAFF_NOT_BOUND')
  expect([...h.cloud.inspect().restockSessions.values()].some((s) => s.deviceCode === 'GZ0099Z')).toBe(false)
})
