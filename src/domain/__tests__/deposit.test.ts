import { depositLines } from '../deposit'

const base = { heldFen: 5000, chargedFen: 0, returnedFen: 0, remainderFen: 0, returnState: 'none' as const }

test('a deposit still held says so', () => {
  expect(depositLines({ ...base, kind: 'deposit' })).toEqual([
    { label: '押金', value: '¥50.00' },
    { label: '状态', value: '已支付', note: '关门结算后按实际消费扣款' },
  ])
})

test('after settlement: 押金 / 实付 / 退回 with the refund under way, then arrived', () => {
  const settled = { ...base, kind: 'deposit' as const, chargedFen: 400, returnedFen: 4600 }
  expect(depositLines({ ...settled, returnState: 'processing' }).map((l) => [l.label, l.value])).toEqual([
    ['押金', '¥50.00'],
    ['实付', '¥4.00'],
    ['退回', '¥46.00'],
  ])
  expect(depositLines({ ...settled, returnState: 'processing' })[2]?.note).toMatch(/原路退回中/)
  expect(depositLines({ ...settled, returnState: 'succeeded' })[2]?.note).toBe('已退回')
})

test('an Alipay freeze says 预授权 and 解冻', () => {
  const lines = depositLines({
    ...base,
    kind: 'preauth',
    chargedFen: 1290,
    returnedFen: 3710,
    returnState: 'succeeded',
  })
  expect(lines.map((l) => l.label)).toEqual(['预授权冻结', '实付', '解冻'])
  expect(lines[2]).toEqual({ label: '解冻', value: '¥37.10', note: '已解冻' })
})

test('a cart above the deposit shows nothing back and what is still to pay', () => {
  const lines = depositLines({
    ...base,
    kind: 'deposit',
    heldFen: 1000,
    chargedFen: 1000,
    remainderFen: 97,
    returnState: 'succeeded',
  })
  expect(lines.map((l) => [l.label, l.value])).toEqual([
    ['押金', '¥10.00'],
    ['实付', '¥10.00'],
    ['待支付', '¥0.97'],
  ])
})
