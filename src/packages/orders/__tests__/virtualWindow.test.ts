import { nearEnd, rowWindow } from '../domain/virtualWindow'

const base = { viewportHeight: 800, listTop: 120, rowHeight: 100, count: 1000, overscan: 5 }

test('at the top: the rows on screen and the margin below, a spacer for the other 980-odd', () => {
  const w = rowWindow({ ...base, scrollTop: 0 })
  expect(w).toEqual({ start: 0, end: 14, padTop: 0, padBottom: 986 * 100 })
})

test('deep in the list only the rows around the screen are kept, whatever the length', () => {
  const w = rowWindow({ ...base, scrollTop: 120 + 50_000 })
  expect(w.start).toBe(495)
  expect(w.end - w.start).toBeLessThanOrEqual(20)
  expect(w.padTop + (w.end - w.start) * 100 + w.padBottom).toBe(1000 * 100)
  expect(rowWindow({ ...base, count: 100_000, scrollTop: 120 + 5_000_000 }).end).toBe(50_014)
})

test('at the end the window stops at the last row; past it (overscroll) it stays there', () => {
  for (const scrollTop of [120 + 99_200, 10_000_000]) {
    const w = rowWindow({ ...base, scrollTop })
    expect(w.end).toBe(1000)
    expect(w.padBottom).toBe(0)
    expect(w.start).toBeGreaterThan(980)
  }
})

test('nothing to show, or no row height measured yet, renders nothing', () => {
  expect(rowWindow({ ...base, count: 0, scrollTop: 0 })).toEqual({
    start: 0,
    end: 0,
    padTop: 0,
    padBottom: 0,
  })
  expect(rowWindow({ ...base, rowHeight: 0, scrollTop: 0 }).end).toBe(0)
})

test('the next page is wanted when the window comes within a few rows of the last loaded one', () => {
  expect(nearEnd(rowWindow({ ...base, count: 50, scrollTop: 0 }), 50, 10)).toBe(false)
  expect(nearEnd(rowWindow({ ...base, count: 50, scrollTop: 120 + 3000 }), 50, 10)).toBe(true)
})
