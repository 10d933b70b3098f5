import { formatFen, formatFenPlain, parseWithdrawalAmount, parseYuanToFen } from '../money'

describe('showing amounts the cloud computed', () => {
  test('a price in fen is shown in yuan with two decimals', () => {
    expect(formatFen(1250)).toBe('¥12.50')
    expect(formatFen(0)).toBe('¥0.00')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(100)).toBe('¥1.00')
    expect(formatFen(123456789)).toBe('¥1234567.89')
  })

  test('a discount or refund line is shown with the minus sign before the currency sign', () => {
    expect(formatFen(-100)).toBe('-¥1.00')
    expect(formatFen(-5)).toBe('-¥0.05')
    expect(formatFen(-0)).toBe('¥0.00')
  })

  test('the plain form has no currency sign (for inputs and charts)', () => {
    expect(formatFenPlain(1250)).toBe('12.50')
    expect(formatFenPlain(-1999)).toBe('-19.99')
  })

  test('a fractional fen is a bug upstream and throws rather than showing a rounded amount', () => {
    expect(() => formatFen(12.5)).toThrow(TypeError)
    expect(() => formatFen(Number.NaN)).toThrow(TypeError)
    expect(() => formatFen(Number.POSITIVE_INFINITY)).toThrow(TypeError)
    expect(() => formatFen(2 ** 53)).toThrow(TypeError)
    expect(() => formatFenPlain('100' as unknown as number)).toThrow(TypeError)
  })
})

describe('a merchant typing a withdrawal amount', () => {
  test.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.01', 1],
    ['0', 0],
    ['0.5', 50],
    [' 12.50 ', 1250],
    ['\t12.50\n', 1250],
    ['999999999.99', 99999999999],
  ])('"%s" is %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toEqual({ ok: true, fen })
  })

  test('an amount pasted with a currency sign and spaces around it is cleaned', () => {
    expect(parseYuanToFen('¥12.50')).toEqual({ ok: true, fen: 1250 })
    expect(parseYuanToFen('￥12.50')).toEqual({ ok: true, fen: 1250 })
    expect(parseYuanToFen(' ¥ 12.50 ')).toEqual({ ok: true, fen: 1250 })
    expect(parseYuanToFen('\u3000￥8\u00a0')).toEqual({ ok: true, fen: 800 })
  })

  test('full-width digits from a Chinese keyboard or a pasted statement are read as digits', () => {
    expect(parseYuanToFen('５０')).toEqual({ ok: true, fen: 5000 })
    expect(parseYuanToFen('１２．５')).toEqual({ ok: true, fen: 1250 })
    expect(parseYuanToFen('￥１２．５０')).toEqual({ ok: true, fen: 1250 })
    expect(parseYuanToFen('12。5')).toEqual({ ok: true, fen: 1250 })
    expect(parseYuanToFen('\u3000５０\u3000')).toEqual({ ok: true, fen: 5000 })
  })

  test('full-width text is held to the same rules as ASCII', () => {
    expect(parseYuanToFen('－５０')).toEqual({ ok: false, reason: '金额不能为负数' })
    expect(parseYuanToFen('１２．３４５')).toEqual({ ok: false, reason: '金额最多两位小数' })
    expect(parseYuanToFen('０１２').ok).toBe(false)
    expect(parseYuanToFen('１，０００')).toEqual({ ok: false, reason: '金额中不能有逗号' })
  })

  test('never goes through floating point (0.29 * 100 is 28.999999999999996)', () => {
    expect(parseYuanToFen('0.29')).toEqual({ ok: true, fen: 29 })
    expect(parseYuanToFen('1.15')).toEqual({ ok: true, fen: 115 })
    expect(parseYuanToFen('4.35')).toEqual({ ok: true, fen: 435 })
  })

  test.each([
    ['', '请输入金额'],
    ['   ', '请输入金额'],
    ['¥', '请输入金额'],
    ['12.345', '金额最多两位小数'],
    ['-1', '金额不能为负数'],
    ['¥-1.00', '金额不能为负数'],
    ['12 .50', '金额中不能有空格'],
    ['1 000', '金额中不能有空格'],
    ['1,000.00', '金额中不能有逗号'],
    ['1，000', '金额中不能有逗号'],
    ['1000000000', '金额过大'],
  ])('"%s" is refused: %s', (text, reason) => {
    expect(parseYuanToFen(text)).toEqual({ ok: false, reason })
  })

  test.each(['abc', '12.', '.5', '+12', '012', '00.5', '1e3', '12元', '¥¥12', 'NaN', 'Infinity', '0x10'])(
    '"%s" is refused as not an amount',
    (text) => {
      const result = parseYuanToFen(text)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/)
    },
  )

  test('a value that is not text is refused', () => {
    expect(parseYuanToFen(12)).toEqual({ ok: false, reason: '请输入金额' })
    expect(parseYuanToFen(undefined)).toEqual({ ok: false, reason: '请输入金额' })
  })

  test('what formatFenPlain shows parses back to the same fen', () => {
    for (const fen of [0, 1, 9, 10, 99, 100, 1250, 99999, 123456789]) {
      expect(parseYuanToFen(formatFenPlain(fen))).toEqual({ ok: true, fen })
      expect(parseYuanToFen(formatFen(fen))).toEqual({ ok: true, fen })
    }
  })
})

describe('a merchant withdrawing from an account with ¥10.00 minimum and ¥1,288.00 available', () => {
  const limits = { minFen: 1000, availableFen: 128_800 }

  test.each([
    ['100', 10_000],
    ['10', 1000],
    ['1288', 128_800],
    ['1288.00', 128_800],
    ['12.5', 1250],
    [' ¥ 12.50 ', 1250],
    ['￥1288', 128_800],
    ['\u300012.50\u00a0', 1250],
  ])('"%s" withdraws %i fen', (text, fen) => {
    expect(parseWithdrawalAmount(text, limits)).toEqual({ ok: true, fen })
  })

  test.each([
    ['12.345', 'WITHDRAW_AMOUNT_INVALID', '金额最多两位小数'],
    ['-50', 'WITHDRAW_AMOUNT_INVALID', '金额不能为负数'],
    ['¥-50', 'WITHDRAW_AMOUNT_INVALID', '金额不能为负数'],
    ['0', 'WITHDRAW_AMOUNT_INVALID', '提现金额须大于0'],
    ['0.00', 'WITHDRAW_AMOUNT_INVALID', '提现金额须大于0'],
    ['abc', 'WITHDRAW_AMOUNT_INVALID', '请输入正确的金额，如 12.50'],
    ['十元', 'WITHDRAW_AMOUNT_INVALID', '请输入正确的金额，如 12.50'],
    ['', 'WITHDRAW_AMOUNT_INVALID', '请输入金额'],
    ['1 288', 'WITHDRAW_AMOUNT_INVALID', '金额中不能有空格'],
    ['¥1,288.00', 'WITHDRAW_AMOUNT_INVALID', '金额中不能有逗号'],
    ['$12', 'WITHDRAW_AMOUNT_INVALID', '请输入正确的金额，如 12.50'],
    ['12.50元', 'WITHDRAW_AMOUNT_INVALID', '请输入正确的金额，如 12.50'],
    ['9.99', 'WITHDRAW_BELOW_MINIMUM', '最低提现¥10.00'],
    ['0.01', 'WITHDRAW_BELOW_MINIMUM', '最低提现¥10.00'],
    ['1288.01', 'WITHDRAW_ABOVE_AVAILABLE', '最多可提现¥1288.00'],
    ['5000', 'WITHDRAW_ABOVE_AVAILABLE', '最多可提现¥1288.00'],
  ])('"%s" is refused with %s: %s', (text, code, reason) => {
    expect(parseWithdrawalAmount(text, limits)).toEqual({ ok: false, code, reason })
  })

  test('with less available than the minimum, every amount is refused with the rule it breaks', () => {
    const low = { minFen: 1000, availableFen: 500 }
    expect(parseWithdrawalAmount('5', low)).toMatchObject({ ok: false, code: 'WITHDRAW_BELOW_MINIMUM' })
    expect(parseWithdrawalAmount('10', low)).toMatchObject({ ok: false, code: 'WITHDRAW_ABOVE_AVAILABLE' })
  })

  test('全部提现 fills the available amount, which is accepted as it is shown', () => {
    expect(parseWithdrawalAmount(formatFenPlain(limits.availableFen), limits)).toEqual({
      ok: true,
      fen: limits.availableFen,
    })
  })
})
