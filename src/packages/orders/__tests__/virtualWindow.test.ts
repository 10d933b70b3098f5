import { nearEnd, rowsBySlot, rowWindow } from '../domain/virtualWindow'

const base = { viewportHeight: 800, listTop: 120, rowHeight: 100, count: 1000, overscan: 5 }
/** 9 rows on an 800 px screen (one more for a row cut at each edge) and 5 beyond each edge. */
const SIZE = 19

test('at the top: the rows on screen and a margin below, the size it keeps everywhere', () => {
  expect(rowWindow({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: SIZE })
})

test('deep in the list only the rows around the screen are kept, whatever the length', () => {
  const w = rowWindow({ ...base, scrollTop: 120 + 50_000 })
  expect(w).toEqual({ start: 495, end: 495 + SIZE })
  expect(rowWindow({ ...base, count: 100_000, scrollTop: 120 + 5_000_000 })).toEqual({
    start: 49_995,
    end: 49_995 + SIZE,
  })
})

test('at the end the window stops at the last row; past it (overscroll) it stays there', () => {
  for (const scrollTop of [120 + 99_200, 10_000_000]) {
    expect(rowWindow({ ...base, scrollTop })).toEqual({ start: 1000 - SIZE, end: 1000 })
  }
})

test('a list shorter than the window is rendered whole', () => {
  expect(rowWindow({ ...base, count: 7, scrollTop: 300 })).toEqual({ start: 0, end: 7 })
})

test('the window keeps its size as it scrolls, so the rendered slots never come or go', () => {
  for (let scrollTop = 0; scrollTop < 100_500; scrollTop += 37) {
    const w = rowWindow({ ...base, scrollTop })
    expect(w.end - w.start).toBe(SIZE)
  }
})

test('one step of the window gives one slot a new row; every other slot keeps its row', () => {
  const before = rowsBySlot({ start: 40, end: 40 + SIZE })
  const after = rowsBySlot({ start: 41, end: 41 + SIZE })
  expect([...before].sort((a, b) => a - b)).toEqual(Array.from({ length: SIZE }, (_, i) => 40 + i))
  const changed = before.map((row, slot) => (row === after[slot] ? null : slot)).filter((s) => s !== null)
  expect(changed).toEqual([40 % SIZE])
  expect(after[40 % SIZE]).toBe(40 + SIZE)
})

test('nothing to show, or no row height measured yet, renders nothing', () => {
  expect(rowWindow({ ...base, count: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0 })
  expect(rowWindow({ ...base, rowHeight: 0, scrollTop: 0 }).end).toBe(0)
  expect(rowsBySlot({ start: 0, end: 0 })).toEqual([])
})

test('the next page is wanted when the window comes within a few rows of the last loaded one', () => {
  expect(nearEnd(rowWindow({ ...base, count: 50, scrollTop: 0 }), 50, 10)).toBe(false)
  expect(nearEnd(rowWindow({ ...base, count: 50, scrollTop: 120 + 3000 }), 50, 10)).toBe(true)
})
