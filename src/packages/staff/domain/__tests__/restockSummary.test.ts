import type { RestockSession } from '@/api/types'
import { confirmLines, firstProblem, nextDoorOf, summaryLines } from '../restockSummary'

function session(over: Partial<RestockSession> = {}): RestockSession {
  return {
    id: 'rs_0001',
    deviceCode: 'GZ0001A',
    doorNo: 1,
    state: 'closed',
    seq: 5,
    counting: 'sensors',
    changes: [
      { productId: 'p_chips', name: '乐事薯片', before: 0, delta: 3, after: 3 },
      { productId: 'p_milk', name: '蒙牛纯牛奶', before: 2, delta: -1, after: 1 },
      { productId: 'p_cola', name: '可口可乐', before: 12, delta: 0, after: 12 },
    ],
    ...over,
  }
}
const capacities = { p_chips: 10, p_milk: 12, p_cola: 20 }

describe('the free restock summary', () => {
  test('shows before → after and the change the shelves measured; nothing to send when nothing is adjusted', () => {
    const lines = summaryLines({ session: session(), counts: {}, reasons: {}, capacities })
    expect(lines.map((l) => [l.productId, l.before, l.after, l.delta, l.adjusted])).toEqual([
      ['p_chips', 0, 3, 3, false],
      ['p_milk', 2, 1, -1, false],
      ['p_cola', 12, 12, 0, false],
    ])
    expect(firstProblem(lines)).toBeNull()
    expect(confirmLines(lines)).toEqual([])
  })

  test('a count the restocker adjusts is what is confirmed; setting it back to the measurement sends nothing', () => {
    let lines = summaryLines({ session: session(), counts: { p_chips: 4 }, reasons: {}, capacities })
    expect(lines[0]).toMatchObject({ after: 4, delta: 4, adjusted: true, measured: 3 })
    expect(confirmLines(lines)).toEqual([{ productId: 'p_chips', after: 4 }])
    lines = summaryLines({ session: session(), counts: { p_chips: 3 }, reasons: {}, capacities })
    expect(confirmLines(lines)).toEqual([])
  })

  test('an absurd or negative count is refused before anything is sent', () => {
    const lines = summaryLines({
      session: session(),
      counts: { p_chips: 99, p_milk: -1 },
      reasons: {},
      capacities,
    })
    expect(lines.map((l) => l.problem)).toEqual(['COUNT_ABOVE_CAPACITY', 'COUNT_INVALID', null])
    expect(firstProblem(lines)?.productId).toBe('p_chips')
  })
})

describe('restock by 补货单', () => {
  const byOrder = session({
    restockOrderId: 'ro_0001',
    changes: [
      { productId: 'p_chips', name: '乐事薯片', before: 0, delta: 10, after: 10, plannedQty: 10 },
      { productId: 'p_milk', name: '蒙牛纯牛奶', before: 2, delta: 6, after: 8, plannedQty: 8 },
    ],
  })

  test('planned vs loaded: a discrepancy needs a reason, which is then sent with the line', () => {
    let lines = summaryLines({ session: byOrder, counts: {}, reasons: {}, capacities })
    expect(lines.map((l) => [l.productId, l.planned, l.delta, l.discrepancy, l.problem])).toEqual([
      ['p_chips', 10, 10, 0, null],
      ['p_milk', 8, 6, -2, 'REASON_REQUIRED'],
    ])
    lines = summaryLines({ session: byOrder, counts: {}, reasons: { p_milk: 'lost' }, capacities })
    expect(firstProblem(lines)).toBeNull()
    expect(confirmLines(lines)).toEqual([{ productId: 'p_milk', after: 8, reason: 'lost' }])
  })
})

describe('a vision cabinet', () => {
  test('has no measurement: every product needs a count by hand, and every count is sent', () => {
    const vision = session({
      counting: 'manual',
      changes: [
        { productId: 'p_chips', name: '乐事薯片', before: 6, delta: 0, after: 6 },
        { productId: 'p_cola', name: '可口可乐', before: 10, delta: 0, after: 10 },
      ],
    })
    let lines = summaryLines({ session: vision, counts: { p_chips: 8 }, reasons: {}, capacities })
    expect(lines.map((l) => [l.measured, l.after, l.problem])).toEqual([
      [null, 8, null],
      [null, null, 'COUNT_REQUIRED'],
    ])
    lines = summaryLines({ session: vision, counts: { p_chips: 8, p_cola: 10 }, reasons: {}, capacities })
    expect(confirmLines(lines)).toEqual([
      { productId: 'p_chips', after: 8 },
      { productId: 'p_cola', after: 10 },
    ])
  })
})

test('a 补货单 is restocked door by door: the first door with lines still to load comes next', () => {
  const lines = [
    { productId: 'a', name: 'A', doorNo: 1 as const, plannedQty: 2, actualQty: 2 },
    { productId: 'b', name: 'B', doorNo: 2 as const, plannedQty: 3 },
  ]
  expect(nextDoorOf({ lines })).toBe(2)
  expect(nextDoorOf({ lines: [lines[1]!] })).toBe(2)
  expect(nextDoorOf({ lines: [] })).toBe(1)
})
