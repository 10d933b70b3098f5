import { countInput, countProblem, parseCountText, stepCount } from '../counts'

describe('counts a restocker enters', () => {
  test('whole units from 0 up to the shelf capacity are fine', () => {
    expect(countProblem(0, 10)).toBeNull()
    expect(countProblem(10, 10)).toBeNull()
    expect(countProblem(3, null)).toBeNull()
  })

  test('negative, fractional or unreadable counts are COUNT_INVALID; above the shelf is COUNT_ABOVE_CAPACITY', () => {
    expect(countProblem(-1, 10)).toBe('COUNT_INVALID')
    expect(countProblem(1.5, 10)).toBe('COUNT_INVALID')
    expect(countProblem(Number.NaN, 10)).toBe('COUNT_INVALID')
    expect(countProblem(11, 10)).toBe('COUNT_ABOVE_CAPACITY')
    expect(countProblem(999999, 10)).toBe('COUNT_ABOVE_CAPACITY')
  })

  test('typed text: digits are a count, a minus sign is kept to be refused, anything else is unreadable', () => {
    expect(parseCountText(' 12 ')).toBe(12)
    expect(parseCountText('-3')).toBe(-3)
    expect(parseCountText('1.5')).toBeNaN()
    expect(parseCountText('三')).toBeNaN()
    expect(parseCountText('')).toBeNaN()
    expect(parseCountText('123456789')).toBeNaN()
  })

  test('the stepper never leaves [0, capacity]', () => {
    expect(stepCount(0, -1, 10)).toBe(0)
    expect(stepCount(10, 1, 10)).toBe(10)
    expect(stepCount(4, 1, 10)).toBe(5)
    expect(stepCount(4, -1, 10)).toBe(3)
    expect(stepCount(Number.NaN, 1, 10)).toBe(1)
    expect(stepCount(15, 1, 10)).toBe(10)
  })
})

test('a stepper on a shelf of 10 at 10: + keeps 10, − gives 9, typed text is handed over as read', () => {
  const seen: number[] = []
  const input = countInput(10, 10, (n) => seen.push(n))
  input.onStep(1)
  input.onStep(-1)
  input.onType('12')
  input.onType('x')
  expect(seen).toEqual([10, 9, 12, Number.NaN])
})
