import type { StaffGoods } from '@/api/types'
import { stocktakeBody, stocktakeRows } from '../stocktake'

const goods: StaffGoods[] = [
  {
    productId: 'p_cola',
    name: '可口可乐',
    imageUrl: '',
    doorNo: 1,
    priceFen: 350,
    systemStock: 12,
    capacity: 20,
    stockState: 'in_stock',
  },
  {
    productId: 'p_milk',
    name: '蒙牛纯牛奶',
    imageUrl: '',
    doorNo: 1,
    priceFen: 450,
    systemStock: 2,
    capacity: 12,
    stockState: 'low',
  },
]

test('every product starts at the cabinet’s reading; a difference is highlighted and needs a reason', () => {
  let rows = stocktakeRows(goods, {}, {})
  expect(rows.map((r) => [r.counted, r.diff, r.problem])).toEqual([
    [12, 0, null],
    [2, 0, null],
  ])
  rows = stocktakeRows(goods, { p_cola: 11, p_milk: 3 }, { p_cola: 'damaged' })
  expect(rows.map((r) => [r.diff, r.problem])).toEqual([
    [-1, null],
    [1, 'REASON_REQUIRED'],
  ])
  rows = stocktakeRows(goods, { p_cola: 11, p_milk: 3 }, { p_cola: 'damaged', p_milk: 'other' })
  expect(stocktakeBody(rows)).toEqual([
    { productId: 'p_cola', counted: 11, reason: 'damaged' },
    { productId: 'p_milk', counted: 3, reason: 'other' },
  ])
})

test('a count above the shelf or below zero is refused, whatever the reason', () => {
  const rows = stocktakeRows(goods, { p_cola: 21, p_milk: -1 }, { p_cola: 'other', p_milk: 'lost' })
  expect(rows.map((r) => r.problem)).toEqual(['COUNT_ABOVE_CAPACITY', 'COUNT_INVALID'])
})

test('a reason left from an earlier difference is not sent once the count matches again', () => {
  const rows = stocktakeRows(goods, { p_cola: 12 }, { p_cola: 'lost' })
  expect(stocktakeBody(rows)[0]).toEqual({ productId: 'p_cola', counted: 12 })
})
