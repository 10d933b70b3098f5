import type { Complaint, Receipt } from '@/api/types'
import { approvalBody, replyProblem, suggestedCorrection, withQty } from '../correction'

const order = {
  lines: [
    { productId: 'p_cola', name: '可口可乐', qty: 2 },
    { productId: 'p_chips', name: '薯片', qty: 1 },
    { productId: 'p_milk', name: '牛奶', qty: 1 },
  ],
} as unknown as Receipt

const complaint = (items: Complaint['items']) => ({ items }) as Complaint

describe('the correction a merchant starts from', () => {
  test('applies what the shopper says, line by line', () => {
    const lines = suggestedCorrection(
      complaint([
        { productId: 'p_cola', kind: 'wrong_quantity', actualQty: 1 },
        { productId: 'p_chips', kind: 'not_taken' },
        { productId: 'p_milk', kind: 'wrong_price' },
      ]),
      order,
    )
    expect(lines.map((l) => [l.productId, l.chargedQty, l.qty])).toEqual([
      ['p_cola', 2, 1],
      ['p_chips', 1, 0],
      ['p_milk', 1, 1],
    ])
  })

  test('a misrecognized line moves its quantity to what was really taken', () => {
    const lines = suggestedCorrection(
      complaint([{ productId: 'p_cola', kind: 'misrecognized', actualProductId: 'p_water' }]),
      order,
    )
    expect(lines.map((l) => [l.productId, l.chargedQty, l.qty])).toEqual([
      ['p_cola', 2, 0],
      ['p_chips', 1, 1],
      ['p_milk', 1, 1],
      ['p_water', 0, 2],
    ])
  })

  test('the merchant’s edits keep whole non-negative quantities; the body is the whole corrected cart', () => {
    let lines = suggestedCorrection(complaint([{ productId: 'p_cola', kind: 'duplicate_charge' }]), order)
    lines = withQty(lines, 'p_cola', 1)
    lines = withQty(lines, 'p_chips', -3)
    lines = withQty(lines, 'p_milk', 1.5)
    expect(approvalBody(lines, '  已核实，退一瓶  ')).toEqual({
      lines: [
        { productId: 'p_cola', qty: 1 },
        { productId: 'p_chips', qty: 0 },
        { productId: 'p_milk', qty: 0 },
      ],
      reply: '已核实，退一瓶',
    })
    expect(approvalBody(lines, '   ')).not.toHaveProperty('reply')
  })

  test('a rejection needs a reply the shopper can read; no reply is longer than 200 characters', () => {
    expect(replyProblem('  ', true)).toMatch(/驳回理由/)
    expect(replyProblem('', false)).toBeNull()
    expect(replyProblem('监控显示拿了两瓶', true)).toBeNull()
    expect(replyProblem('字'.repeat(201), false)).toMatch(/200/)
    expect(replyProblem('字'.repeat(200), true)).toBeNull()
  })
})
