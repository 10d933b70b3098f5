// The cloud's pricing rules (DESIGN §5), in integer fen, evaluated at one instant: the session's door-open
// time. Pure functions: the same inputs always price the same, which is what lets a corrected order be
// re-priced exactly as the original was.
import { chinaParts, DAY_MS, MINUTE_MS, parseHhMm, startOfChinaDay, toIso } from './time'
import type { CartLine, LineDiscount, Promotion, PromotionKind, Tier } from './types'

export interface TimeWindow {
  /** 'HH:mm', inclusive */
  from: string
  /** 'HH:mm', exclusive; to ≤ from means the window crosses midnight */
  to: string
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which the window STARTS */
  weekdays: number[]
}

interface RuleBase {
  id: string
  label: string
  /** Optional validity period [startsAt, endsAt) in ms; limited-time discounts always have one. */
  startsAt?: number
  endsAt?: number
}

export interface LimitedTimeRule extends RuleBase {
  kind: 'limited_time'
  productIds: string[]
  startsAt: number
  endsAt: number
  percentOff?: number
  fixedPriceFen?: number
}

export interface TimeSlotRule extends RuleBase {
  kind: 'time_slot'
  /** null = every product of the device */
  productIds: string[] | null
  window: TimeWindow
  percentOff: number
}

export interface FullReductionRule extends RuleBase {
  kind: 'full_reduction'
  tiers: Tier[]
}

export type PromotionRule = LimitedTimeRule | TimeSlotRule | FullReductionRule

export interface CatalogItem {
  productId: string
  name: string
  priceFen: number
}

export interface CartItem {
  productId: string
  qty: number
  objected?: boolean
}

export interface PricedCart {
  lines: CartLine[]
  /** the 满减 discount as its own line (empty when no tier is reached) */
  promotions: LineDiscount[]
  /** Σ original unit price × qty */
  subtotalFen: number
  /** Σ paid unit price × qty: what 满减 thresholds are compared with */
  itemsTotalFen: number
  /** item discounts + 满减 */
  discountFen: number
  totalFen: number
}

/** Round half up for a non-negative rational num/den with integer parts. */
function divRoundHalfUp(num: number, den: number): number {
  const q = Math.floor(num / den)
  const r = num - q * den
  return r * 2 >= den ? q + 1 : q
}

/**
 * The unit price after `percentOff` percent off (e.g. 20 → 8折, 8.5 → 91.5折), rounded half-up to the fen.
 * Percentages carry at most two decimals, so the arithmetic is done in basis points to stay exact.
 */
export function applyPercentOff(priceFen: number, percentOff: number): number {
  const bp = Math.round(percentOff * 100)
  if (bp <= 0) return priceFen
  if (bp >= 10_000) return 0
  return divRoundHalfUp(priceFen * (10_000 - bp), 10_000)
}

function inPeriod(rule: RuleBase, at: number): boolean {
  if (rule.startsAt !== undefined && at < rule.startsAt) return false
  if (rule.endsAt !== undefined && at >= rule.endsAt) return false
  return true
}

/**
 * Whether a daily window is on at `at` (China time). A window crossing midnight (22:00–02:00) belongs to the
 * weekday it starts on: Sunday 22:00–02:00 covers Monday 01:00 but not Sunday 01:00.
 */
export function windowActive(window: TimeWindow, at: number): boolean {
  const from = parseHhMm(window.from)
  const to = parseHhMm(window.to)
  if (from === null || to === null) return false
  const { minuteOfDay, weekday } = chinaParts(at)
  const startsOn = (day: number): boolean => window.weekdays.includes(day)
  if (from < to) return startsOn(weekday) && minuteOfDay >= from && minuteOfDay < to
  // Crossing midnight (or a full day when from === to): the early-morning part belongs to yesterday.
  const yesterday = weekday === 1 ? 7 : weekday - 1
  return (minuteOfDay >= from && startsOn(weekday)) || (minuteOfDay < to && startsOn(yesterday))
}

export function isPromotionActive(rule: PromotionRule, at: number): boolean {
  if (!inPeriod(rule, at)) return false
  if (rule.kind === 'time_slot') return windowActive(rule.window, at)
  return true
}

/** Whether a promotion that is off now comes on later today (the cabinet page announces it). */
export function startsLaterToday(rule: PromotionRule, now: number): boolean {
  const endOfDay = startOfChinaDay(now) + DAY_MS
  if (rule.kind === 'time_slot') {
    const from = parseHhMm(rule.window.from)
    if (from === null) return false
    const start = startOfChinaDay(now) + from * MINUTE_MS
    return start > now && start < endOfDay && isPromotionActive(rule, start)
  }
  return rule.startsAt !== undefined && rule.startsAt > now && rule.startsAt < endOfDay
}

function appliesTo(rule: LimitedTimeRule | TimeSlotRule, productId: string): boolean {
  return rule.productIds === null || rule.productIds.includes(productId)
}

/** The discounted unit price a single item rule gives (never above the original price). */
function ruleUnitPrice(rule: LimitedTimeRule | TimeSlotRule, priceFen: number): number {
  if (rule.kind === 'limited_time' && rule.fixedPriceFen !== undefined) {
    return Math.min(priceFen, Math.max(0, rule.fixedPriceFen))
  }
  return rule.percentOff === undefined ? priceFen : applyPercentOff(priceFen, rule.percentOff)
}

export interface UnitPrice {
  paidUnitPriceFen: number
  /** the promotion that gave the price, null when none lowers it */
  promotion: LimitedTimeRule | TimeSlotRule | null
}

/**
 * Item discounts do not stack: of every limited-time and time-slot rule active for the product, the lowest
 * unit price wins. On a tie the limited-time discount is credited (it is the more specific promotion), then
 * the earlier rule in the list.
 */
export function unitPriceAt(item: CatalogItem, rules: PromotionRule[], at: number): UnitPrice {
  let best: UnitPrice = { paidUnitPriceFen: item.priceFen, promotion: null }
  const candidates = rules
    .filter((r): r is LimitedTimeRule | TimeSlotRule => r.kind !== 'full_reduction')
    .filter((r) => appliesTo(r, item.productId) && isPromotionActive(r, at))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'limited_time' ? -1 : 1))
  for (const rule of candidates) {
    const price = ruleUnitPrice(rule, item.priceFen)
    if (price < best.paidUnitPriceFen) best = { paidUnitPriceFen: price, promotion: rule }
  }
  return best
}

/** The 满减 that applies to an items total: the highest tier reached, of the best active rule, once. */
export function fullReductionFor(
  itemsTotalFen: number,
  rules: PromotionRule[],
  at: number,
): { rule: FullReductionRule; minusFen: number } | null {
  let best: { rule: FullReductionRule; minusFen: number } | null = null
  for (const rule of rules) {
    if (rule.kind !== 'full_reduction' || !isPromotionActive(rule, at)) continue
    let reached: Tier | null = null
    for (const tier of rule.tiers) {
      if (itemsTotalFen >= tier.thresholdFen && (!reached || tier.thresholdFen > reached.thresholdFen)) {
        reached = tier
      }
    }
    if (!reached) continue
    // A total never goes below 0.
    const minusFen = Math.min(reached.minusFen, itemsTotalFen)
    if (minusFen > 0 && (!best || minusFen > best.minusFen)) best = { rule, minusFen }
  }
  return best
}

/** Merges items of the same product (a take and a return are one line) and drops empty lines. */
function mergeItems(items: CartItem[]): CartItem[] {
  const merged = new Map<string, CartItem>()
  for (const item of items) {
    const prev = merged.get(item.productId)
    if (prev) {
      prev.qty += item.qty
      prev.objected = Boolean(prev.objected || item.objected)
    } else merged.set(item.productId, { ...item })
  }
  return [...merged.values()].filter((i) => i.qty > 0)
}

/** Prices a cart at an instant. Throws on a product missing from the catalog (callers validate first). */
export function priceCart(
  items: CartItem[],
  catalog: CatalogItem[],
  rules: PromotionRule[],
  at: number,
): PricedCart {
  const lines: CartLine[] = []
  let subtotalFen = 0
  let itemsTotalFen = 0
  for (const item of mergeItems(items)) {
    const product = catalog.find((c) => c.productId === item.productId)
    if (!product) throw new Error(`priceCart: unknown product ${item.productId}`)
    const { paidUnitPriceFen, promotion } = unitPriceAt(product, rules, at)
    const discounts: LineDiscount[] = []
    if (promotion && paidUnitPriceFen < product.priceFen) {
      discounts.push({
        promotionId: promotion.id,
        kind: promotion.kind,
        label: promotion.label,
        amountFen: (product.priceFen - paidUnitPriceFen) * item.qty,
      })
    }
    const lineTotalFen = paidUnitPriceFen * item.qty
    subtotalFen += product.priceFen * item.qty
    itemsTotalFen += lineTotalFen
    lines.push({
      productId: product.productId,
      name: product.name,
      qty: item.qty,
      unitPriceFen: product.priceFen,
      paidUnitPriceFen,
      discounts,
      lineTotalFen,
      objected: Boolean(item.objected),
    })
  }
  const reduction = fullReductionFor(itemsTotalFen, rules, at)
  const promotions: LineDiscount[] = reduction
    ? [
        {
          promotionId: reduction.rule.id,
          kind: 'full_reduction',
          label: reduction.rule.label,
          amountFen: reduction.minusFen,
        },
      ]
    : []
  const totalFen = itemsTotalFen - (reduction?.minusFen ?? 0)
  return { lines, promotions, subtotalFen, itemsTotalFen, discountFen: subtotalFen - totalFen, totalFen }
}

// ---- labels and the contract's Promotion shape -------------------------------------------------------

/** 20 → '8折', 15 → '85折', 8.5 → '91.5折' */
export function zheLabel(percentOff: number): string {
  const remaining = 10_000 - Math.round(percentOff * 100)
  return remaining % 1000 === 0 ? `${remaining / 1000}折` : `${remaining / 100}折`
}

export function yuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2).replace(/0$/, '')
}

export function toContractPromotion(rule: PromotionRule, at: number): Promotion {
  const out: Promotion = {
    id: rule.id,
    kind: rule.kind as PromotionKind,
    label: rule.label,
    activeNow: isPromotionActive(rule, at),
  }
  if (rule.startsAt !== undefined) out.startsAt = toIso(rule.startsAt)
  if (rule.endsAt !== undefined) out.endsAt = toIso(rule.endsAt)
  if (rule.kind === 'limited_time') {
    out.productIds = [...rule.productIds]
    if (rule.percentOff !== undefined) out.percentOff = rule.percentOff
    if (rule.fixedPriceFen !== undefined) out.fixedPriceFen = rule.fixedPriceFen
  } else if (rule.kind === 'time_slot') {
    out.productIds = rule.productIds === null ? null : [...rule.productIds]
    out.window = { from: rule.window.from, to: rule.window.to, weekdays: [...rule.window.weekdays] }
    out.percentOff = rule.percentOff
  } else {
    out.productIds = null
    out.tiers = rule.tiers.map((t) => ({ ...t }))
  }
  return out
}
