import type { CartLine } from '@/api/types'
import { keepPutBack, type ShownLine } from '../liveCart'

const line = (productId: string, qty: number, lineTotalFen = qty * 300): CartLine => ({
  productId,
  name: productId,
  qty,
  unitPriceFen: 300,
  paidUnitPriceFen: 300,
  discounts: [],
  lineTotalFen,
  objected: false,
})
const ids = (shown: ShownLine[]) =>
  shown.map((s) => `${s.line.productId}${s.putBack ? ' 已放回' : ` ×${s.line.qty}`}`)

test('lines come in the order first taken, each new one at the end', () => {
  let shown = keepPutBack([], [line('cola', 1)])
  shown = keepPutBack(shown, [line('cola', 1), line('water', 1)])
  expect(ids(shown)).toEqual(['cola ×1', 'water ×1'])
})

test('a product put back stays where it was, marked, with the last line the cloud sent', () => {
  let shown = keepPutBack([], [line('cola', 2), line('water', 1), line('chips', 1)])
  shown = keepPutBack(shown, [line('cola', 2), line('chips', 1)])
  expect(ids(shown)).toEqual(['cola ×2', 'water 已放回', 'chips ×1'])
  expect(shown[1]!.line).toEqual(line('water', 1))
})

test('taken again after being put back: back in its place, not at the end (the cloud may list it last)', () => {
  let shown = keepPutBack([], [line('cola', 1), line('water', 1)])
  shown = keepPutBack(shown, [line('water', 1)])
  shown = keepPutBack(shown, [line('water', 1), line('cola', 3)])
  expect(ids(shown)).toEqual(['cola ×3', 'water ×1'])
})

test('every line is the current one: prices and quantities follow the cloud', () => {
  let shown = keepPutBack([], [line('cola', 1, 300)])
  shown = keepPutBack(shown, [line('cola', 2, 510)])
  expect(shown).toEqual([{ line: line('cola', 2, 510), putBack: false }])
})

test('everything put back: every line marked; nothing ever taken: nothing listed', () => {
  const shown = keepPutBack(keepPutBack([], [line('cola', 1)]), [])
  expect(ids(shown)).toEqual(['cola 已放回'])
  expect(keepPutBack([], [])).toEqual([])
})
