import {
  applyPercentOff,
  fullReductionFor,
  isPromotionActive,
  priceCart,
  unitPriceAt,
  windowActive,
  zheLabel,
  type CatalogItem,
  type PromotionRule,
} from '../pricing'
import { parseIso } from '../time'

const at = (iso: string): number => parseIso(iso)

const cola: CatalogItem = { productId: 'cola', name: '可口可乐', priceFen: 350 }
const yogurt: CatalogItem = { productId: 'yogurt', name: '酸奶', priceFen: 299 }
const chips: CatalogItem = { productId: 'chips', name: '薯片', priceFen: 790 }
const catalog = [cola, yogurt, chips]

const night: PromotionRule = {
  id: 'night',
  kind: 'time_slot',
  label: '夜间7折',
  productIds: null,
  window: { from: '22:00', to: '02:00', weekdays: [7] },
  percentOff: 30,
}

describe('percent off is applied to the unit price and rounded half-up to the fen', () => {
  test('8.5% off 299 fen: 273.585 → 274', () => {
    expect(applyPercentOff(299, 8.5)).toBe(274)
  })
  test('an exact half fen rounds up: 10% off 5 fen is 4.5 → 5', () => {
    expect(applyPercentOff(5, 10)).toBe(5)
  })
  test('15% off 299 fen: 254.15 → 254', () => {
    expect(applyPercentOff(299, 15)).toBe(254)
  })
  test('25% off 2 fen: 1.5 → 2; 50% off 3 fen: 1.5 → 2', () => {
    expect(applyPercentOff(2, 25)).toBe(2)
    expect(applyPercentOff(3, 50)).toBe(2)
  })
  test('0% changes nothing, 100% makes it free', () => {
    expect(applyPercentOff(350, 0)).toBe(350)
    expect(applyPercentOff(350, 100)).toBe(0)
  })
  test('labels read as 折', () => {
    expect(zheLabel(20)).toBe('8折')
    expect(zheLabel(15)).toBe('85折')
    expect(zheLabel(8.5)).toBe('91.5折')
  })
})

describe('限时折扣 (limited-time)', () => {
  const fixed: PromotionRule = {
    id: 'lt-fixed',
    kind: 'limited_time',
    label: '限时特价2.5元',
    productIds: ['cola'],
    startsAt: at('2026-11-20T10:00:00+08:00'),
    endsAt: at('2026-11-20T14:00:00+08:00'),
    fixedPriceFen: 250,
  }

  test('given a fixed-price discount on cola, when the cabinet is opened inside it, cola costs the fixed price', () => {
    expect(unitPriceAt(cola, [fixed], at('2026-11-20T12:00:00+08:00'))).toEqual({
      paidUnitPriceFen: 250,
      promotion: fixed,
    })
  })
  test('it starts at its start instant and is over at its end instant', () => {
    expect(isPromotionActive(fixed, at('2026-11-20T10:00:00+08:00'))).toBe(true)
    expect(isPromotionActive(fixed, at('2026-11-20T09:59:59+08:00'))).toBe(false)
    expect(isPromotionActive(fixed, at('2026-11-20T14:00:00+08:00'))).toBe(false)
  })
  test('other products are not discounted', () => {
    expect(unitPriceAt(chips, [fixed], at('2026-11-20T12:00:00+08:00')).paidUnitPriceFen).toBe(790)
  })
  test('a fixed price above the list price never raises it', () => {
    const silly: PromotionRule = { ...fixed, fixedPriceFen: 500 }
    expect(unitPriceAt(cola, [silly], at('2026-11-20T12:00:00+08:00'))).toEqual({
      paidUnitPriceFen: 350,
      promotion: null,
    })
  })
  test('a percentage limited-time discount', () => {
    const pct: PromotionRule = {
      ...fixed,
      id: 'lt-pct',
      productIds: ['yogurt'],
      fixedPriceFen: undefined,
      percentOff: 20,
    }
    // 299 × 0.8 = 239.2 → 239
    expect(unitPriceAt(yogurt, [pct], at('2026-11-20T12:00:00+08:00')).paidUnitPriceFen).toBe(239)
  })
})

describe('分时段折扣 (time-slot) windows', () => {
  const lunch = { from: '11:00', to: '14:00', weekdays: [1, 2, 3, 4, 5] }

  test('a weekday window is on from `from` up to, not including, `to`', () => {
    expect(windowActive(lunch, at('2026-11-20T11:00:00+08:00'))).toBe(true)
    expect(windowActive(lunch, at('2026-11-20T13:59:59+08:00'))).toBe(true)
    expect(windowActive(lunch, at('2026-11-20T14:00:00+08:00'))).toBe(false)
    expect(windowActive(lunch, at('2026-11-20T10:59:59+08:00'))).toBe(false)
  })
  test('it is off on weekdays not chosen (Saturday)', () => {
    expect(windowActive(lunch, at('2026-11-21T12:00:00+08:00'))).toBe(false)
  })
  test('given a Sunday 22:00–02:00 window, Sunday 23:00 and Monday 01:59 are inside it', () => {
    expect(windowActive(night.window, at('2026-11-22T23:00:00+08:00'))).toBe(true)
    expect(windowActive(night.window, at('2026-11-23T01:59:00+08:00'))).toBe(true)
  })
  test('…but Monday 02:00 (exactly `to`) is not', () => {
    expect(windowActive(night.window, at('2026-11-23T02:00:00+08:00'))).toBe(false)
  })
  test('…and Sunday 01:00 is not: that early morning belongs to Saturday night, which is not chosen', () => {
    expect(windowActive(night.window, at('2026-11-22T01:00:00+08:00'))).toBe(false)
  })
  test('…and Monday 22:30 is not: Monday is not a chosen start day', () => {
    expect(windowActive(night.window, at('2026-11-23T22:30:00+08:00'))).toBe(false)
  })
  test('a Friday window crossing midnight covers Saturday 00:30', () => {
    const fri = { from: '22:00', to: '02:00', weekdays: [5] }
    expect(windowActive(fri, at('2026-11-21T00:30:00+08:00'))).toBe(true)
    expect(windowActive(fri, at('2026-11-20T00:30:00+08:00'))).toBe(false)
  })
  test('a whole-device window discounts every product', () => {
    const sundayNight = at('2026-11-22T23:00:00+08:00')
    expect(unitPriceAt(cola, [night], sundayNight).paidUnitPriceFen).toBe(245)
    expect(unitPriceAt(chips, [night], sundayNight).paidUnitPriceFen).toBe(553)
  })
  test('a window with a validity period is off outside it', () => {
    const bounded: PromotionRule = { ...night, endsAt: at('2026-11-22T00:00:00+08:00') }
    expect(isPromotionActive(bounded, at('2026-11-22T23:00:00+08:00'))).toBe(false)
  })
})

describe('limited-time and time-slot do not stack: the lower unit price wins', () => {
  const sundayNight = at('2026-11-22T23:00:00+08:00')
  const lt = (percentOff: number): PromotionRule => ({
    id: `lt${percentOff}`,
    kind: 'limited_time',
    label: `限时${zheLabel(percentOff)}`,
    productIds: ['chips'],
    startsAt: at('2026-11-01T00:00:00+08:00'),
    endsAt: at('2026-12-01T00:00:00+08:00'),
    percentOff,
  })

  test('the time-slot 30% beats a limited-time 10%', () => {
    const r = unitPriceAt(chips, [lt(10), night], sundayNight)
    expect(r).toEqual({ paidUnitPriceFen: 553, promotion: night })
  })
  test('a limited-time 40% beats the time-slot 30%', () => {
    const r = unitPriceAt(chips, [night, lt(40)], sundayNight)
    expect(r.paidUnitPriceFen).toBe(474)
    expect(r.promotion?.id).toBe('lt40')
  })
  test('on a tie the price is the same and the limited-time discount is the one shown', () => {
    const cart = priceCart([{ productId: 'chips', qty: 1 }], catalog, [night, lt(30)], sundayNight)
    expect(cart.lines[0]?.paidUnitPriceFen).toBe(553)
    expect(cart.lines[0]?.discounts).toEqual([
      { promotionId: 'lt30', kind: 'limited_time', label: '限时7折', amountFen: 237 },
    ])
  })
})

describe('满减 (spend threshold)', () => {
  const tiers: PromotionRule = {
    id: 'fr',
    kind: 'full_reduction',
    label: '满20减3，满50减10',
    tiers: [
      { thresholdFen: 5000, minusFen: 1000 },
      { thresholdFen: 2000, minusFen: 300 },
    ],
  }
  const noon = at('2026-11-20T12:00:00+08:00')

  test('below the lowest threshold nothing is taken off', () => {
    expect(fullReductionFor(1999, [tiers], noon)).toBeNull()
  })
  test('exactly at a threshold the tier applies', () => {
    expect(fullReductionFor(2000, [tiers], noon)?.minusFen).toBe(300)
    expect(fullReductionFor(5000, [tiers], noon)?.minusFen).toBe(1000)
  })
  test('only the highest tier reached applies, once', () => {
    expect(fullReductionFor(12000, [tiers], noon)?.minusFen).toBe(1000)
  })
  test('the threshold is compared with the subtotal after item discounts', () => {
    const lt: PromotionRule = {
      id: 'lt',
      kind: 'limited_time',
      label: '限时特价',
      productIds: ['chips'],
      startsAt: noon - 1000,
      endsAt: noon + 1000,
      fixedPriceFen: 700,
    }
    // 3 × 790 = 2370 before, 3 × 700 = 2100 after the item discount: still ≥ 2000
    const reached = priceCart([{ productId: 'chips', qty: 3 }], catalog, [lt, tiers], noon)
    expect(reached.promotions).toEqual([
      { promotionId: 'fr', kind: 'full_reduction', label: '满20减3，满50减10', amountFen: 300 },
    ])
    // 6 colas: 2100 before the item discount, 1500 after it: the 20-yuan tier is not reached
    const cheap: PromotionRule = { ...lt, productIds: ['cola'], fixedPriceFen: 250 }
    const notReached = priceCart([{ productId: 'cola', qty: 6 }], catalog, [cheap, tiers], noon)
    expect(notReached.subtotalFen).toBe(2100)
    expect(notReached.itemsTotalFen).toBe(1500)
    expect(notReached.promotions).toEqual([])
    expect(notReached.totalFen).toBe(1500)
  })
  test('a total never goes below 0', () => {
    const generous: PromotionRule = {
      id: 'g',
      kind: 'full_reduction',
      label: '满1减100',
      tiers: [{ thresholdFen: 1, minusFen: 10000 }],
    }
    const cart = priceCart([{ productId: 'cola', qty: 1 }], catalog, [generous], noon)
    expect(cart.totalFen).toBe(0)
    expect(cart.promotions[0]?.amountFen).toBe(350)
    expect(cart.discountFen).toBe(350)
  })
  test('an inactive 满减 does not apply', () => {
    const past: PromotionRule = { ...tiers, endsAt: noon }
    expect(fullReductionFor(9000, [past], noon)).toBeNull()
  })
})

describe('a whole cart', () => {
  const noon = at('2026-11-20T12:00:00+08:00')
  const rules: PromotionRule[] = [
    {
      id: 'cola-special',
      kind: 'limited_time',
      label: '限时特价2.5元',
      productIds: ['cola'],
      startsAt: noon - 3_600_000,
      endsAt: noon + 3_600_000,
      fixedPriceFen: 250,
    },
    {
      id: 'lunch',
      kind: 'time_slot',
      label: '午间85折',
      productIds: ['yogurt'],
      window: { from: '11:00', to: '14:00', weekdays: [1, 2, 3, 4, 5] },
      percentOff: 15,
    },
    { id: 'fr', kind: 'full_reduction', label: '满20减3', tiers: [{ thresholdFen: 2000, minusFen: 300 }] },
  ]

  test('given cola, yogurt and chips taken on a Friday noon, the receipt shows each discount and the 满减', () => {
    const cart = priceCart(
      [
        { productId: 'cola', qty: 2 },
        { productId: 'yogurt', qty: 3 },
        { productId: 'chips', qty: 1 },
      ],
      catalog,
      rules,
      noon,
    )
    expect(cart.lines).toEqual([
      {
        productId: 'cola',
        name: '可口可乐',
        qty: 2,
        unitPriceFen: 350,
        paidUnitPriceFen: 250,
        discounts: [
          { promotionId: 'cola-special', kind: 'limited_time', label: '限时特价2.5元', amountFen: 200 },
        ],
        lineTotalFen: 500,
        objected: false,
      },
      {
        productId: 'yogurt',
        name: '酸奶',
        qty: 3,
        unitPriceFen: 299,
        paidUnitPriceFen: 254,
        discounts: [{ promotionId: 'lunch', kind: 'time_slot', label: '午间85折', amountFen: 135 }],
        lineTotalFen: 762,
        objected: false,
      },
      {
        productId: 'chips',
        name: '薯片',
        qty: 1,
        unitPriceFen: 790,
        paidUnitPriceFen: 790,
        discounts: [],
        lineTotalFen: 790,
        objected: false,
      },
    ])
    expect(cart.subtotalFen).toBe(700 + 897 + 790)
    expect(cart.itemsTotalFen).toBe(2052)
    expect(cart.promotions).toEqual([
      { promotionId: 'fr', kind: 'full_reduction', label: '满20减3', amountFen: 300 },
    ])
    expect(cart.totalFen).toBe(1752)
    expect(cart.discountFen).toBe(cart.subtotalFen - cart.totalFen)
  })
  test('the same cart opened on Saturday noon loses the weekday lunch discount', () => {
    const cart = priceCart([{ productId: 'yogurt', qty: 1 }], catalog, rules, at('2026-11-21T12:00:00+08:00'))
    expect(cart.lines[0]?.paidUnitPriceFen).toBe(299)
  })
  test('takes and returns of one product merge into one line; a line back to 0 disappears', () => {
    const cart = priceCart(
      [
        { productId: 'chips', qty: 2 },
        { productId: 'chips', qty: -1 },
        { productId: 'cola', qty: 1 },
        { productId: 'cola', qty: -1 },
      ],
      catalog,
      [],
      noon,
    )
    expect(cart.lines.map((l) => [l.productId, l.qty])).toEqual([['chips', 1]])
  })
  test('an empty cart is free', () => {
    expect(priceCart([], catalog, rules, noon)).toMatchObject({
      lines: [],
      subtotalFen: 0,
      discountFen: 0,
      totalFen: 0,
    })
  })
})
