import type { Receipt } from '@/api/types'
import { AppError } from '@/domain/errors'
import {
  complaintAvailability,
  fieldsFromCloud,
  formBanner,
  newDraft,
  submissionKey,
  steppedCount,
  toRequest,
  typedCount,
  validateDraft,
  type ComplaintDraft,
} from '../domain/complaintDraft'

const NOW = Date.parse('2026-11-20T12:00:00+08:00')

const receipt = (change: Partial<Receipt> = {}): Receipt =>
  ({
    id: 'O1',
    lines: [
      { productId: 'p_cola', name: '可口可乐', qty: 2 },
      { productId: 'p_chips', name: '乐事薯片', qty: 1 },
    ],
    complaint: null,
    complaintWindowEndsAt: '2026-11-25T18:20:00+08:00',
    ...change,
  }) as Receipt

function draft(change: Partial<ComplaintDraft> = {}): ComplaintDraft {
  return { ...newDraft('d1', 'O1'), ...change }
}

describe('the complaint window', () => {
  test('open until the cloud’s end, closed after it, and not offered twice or for an order that cannot take one', () => {
    expect(complaintAvailability(receipt(), NOW)).toEqual({
      state: 'open',
      endsAt: '2026-11-25T18:20:00+08:00',
    })
    expect(complaintAvailability(receipt(), Date.parse('2026-11-25T18:20:01+08:00')).state).toBe('closed')
    expect(
      complaintAvailability(receipt({ complaint: { id: 'c', state: 'pending', createdAt: '' } }), NOW).state,
    ).toBe('filed')
    expect(complaintAvailability(receipt({ complaintWindowEndsAt: undefined }), NOW).state).toBe(
      'unavailable',
    )
  })
})

describe('validateDraft', () => {
  test('a complete draft has no field errors', () => {
    const d = draft({
      lines: [
        { productId: 'p_cola', kind: 'wrong_quantity', actualQty: ' 1 ', actualProductId: null },
        { productId: 'p_chips', kind: 'misrecognized', actualQty: '', actualProductId: 'p_water' },
      ],
      description: '字'.repeat(200),
    })
    expect(validateDraft(d, receipt(), NOW)).toEqual({})
  })

  test.each([
    ['', '请填写实际拿的数量'],
    ['1.5', '请填写实际拿的数量'],
    ['-1', '请填写实际拿的数量'],
    ['2', '与扣款数量相同，请填写实际拿的数量'],
    ['3', '不能超过扣款数量2'],
  ])('数量不对 with %p is refused: %s', (actualQty, message) => {
    const d = draft({
      lines: [{ productId: 'p_cola', kind: 'wrong_quantity', actualQty, actualProductId: null }],
    })
    expect(validateDraft(d, receipt(), NOW)).toEqual({ 'line.p_cola.actualQty': message })
  })

  test('emoji count as one character each, as the cloud counts them', () => {
    const d = draft({
      lines: [{ productId: 'p_cola', kind: 'not_taken', actualQty: '', actualProductId: null }],
      description: '😀'.repeat(200),
    })
    expect(validateDraft(d, receipt(), NOW)).toEqual({})
    expect(validateDraft({ ...d, description: '😀'.repeat(201) }, receipt(), NOW)).toEqual({
      description: '说明不能超过200字',
    })
  })
})

test('the request lists lines in receipt order, with extra fields only where the kind needs them', () => {
  const d = draft({
    lines: [
      { productId: 'p_chips', kind: 'not_taken', actualQty: '7', actualProductId: 'p_water' },
      { productId: 'p_cola', kind: 'wrong_quantity', actualQty: '1', actualProductId: 'p_water' },
    ],
    description: '  拿了一瓶  ',
  })
  expect(toRequest(d, receipt())).toEqual({
    orderId: 'O1',
    items: [
      { productId: 'p_cola', kind: 'wrong_quantity', actualQty: 1 },
      { productId: 'p_chips', kind: 'not_taken' },
    ],
    description: '拿了一瓶',
    photoUploadIds: [],
  })
})

test('the cloud’s field names land on the form’s fields', () => {
  const request = toRequest(
    draft({
      lines: [
        { productId: 'p_cola', kind: 'wrong_quantity', actualQty: '1', actualProductId: null },
        { productId: 'p_chips', kind: 'misrecognized', actualQty: '', actualProductId: 'p_x' },
      ],
    }),
    receipt(),
  )
  expect(
    fieldsFromCloud(
      {
        'items.0.actualQty': 'a',
        'items.1.actualProductId': 'b',
        'items.1.productId': 'c',
        description: 'd',
        photoUploadIds: 'e',
        orderId: 'f',
      },
      request,
    ),
  ).toEqual({
    'line.p_cola.actualQty': 'a',
    'line.p_chips.actualProductId': 'b',
    items: 'c',
    description: 'd',
    photos: 'e',
    form: 'f',
  })
})

test('the same draft sent twice has one key; a corrected one gets another; a new draft never shares one', () => {
  const d = draft({
    lines: [{ productId: 'p_cola', kind: 'not_taken', actualQty: '', actualProductId: null }],
  })
  const a = toRequest(d, receipt())
  expect(submissionKey(d, a)).toBe(submissionKey(d, toRequest(d, receipt())))
  expect(submissionKey(d, { ...a, description: '改了' })).not.toBe(submissionKey(d, a))
  expect(submissionKey({ ...d, id: 'd2' }, a)).not.toBe(submissionKey(d, a))
  expect(submissionKey(d, a)).toMatch(/^cmp-d1-[0-9a-f]{8}$/)
})

describe('the banner above 提交申诉', () => {
  const invalid = new AppError('VALIDATION_FAILED')

  test('says 填写的信息有误 while a field still says what is wrong', () => {
    expect(formBanner(invalid, { items: '请选择有问题的商品' })).toBe(invalid)
  })

  test('goes once the last field message is fixed', () => {
    expect(formBanner(invalid, {})).toBeNull()
    expect(formBanner(invalid, { description: '' })).toBeNull()
  })

  test('keeps any other error until the next submit, whatever the fields say', () => {
    const network = new AppError('NETWORK')
    expect(formBanner(network, {})).toBe(network)
    expect(formBanner(null, { items: '请选择有问题的商品' })).toBeNull()
  })
})

describe('the quantity stepper', () => {
  test('reads only whole numbers; empty or half-typed text is not a count', () => {
    expect(typedCount(' 2 ')).toBe(2)
    expect(typedCount('')).toBeNaN()
    expect(typedCount('1.5')).toBeNaN()
    expect(typedCount('２')).toBeNaN()
  })

  test('steps from 0 when empty, stays within 0 … max, and may step a too-high count down', () => {
    expect(steppedCount('', 1, 2)).toBe(1)
    expect(steppedCount('', -1, 2)).toBeNull()
    expect(steppedCount('2', 1, 2)).toBeNull()
    expect(steppedCount('5', -1, 2)).toBe(4)
    expect(steppedCount('5', 1, 2)).toBeNull()
  })
})
