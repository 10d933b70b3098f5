import type { Cloud } from '../cloud'
import type { ManualClock } from '../clock'
import { cloudErrorOf, cloudFor, intent, loginAs } from './helpers'

// The merchant's blacklist: a merchant blocks the shopper of one of its complaints or orders; that shopper's
// gate at the merchant's cabinets says USER_BLACKLISTED until the merchant unblocks them.

function complaintOf(cloud: Cloud): string {
  const id = cloud.scenario.refs.complaintId
  if (!id) throw new Error('the merchant scenario has a complaint')
  return id
}

function block(cloud: Cloud, merchant: string, reason = '多次恶意投诉') {
  return cloud.blockShopper(merchant, { source: { kind: 'complaint', id: complaintOf(cloud) }, reason })
}

function gateCodes(cloud: Cloud, shopper: string, deviceCode: string): string[] {
  return cloud.getCabinetLanding(shopper, deviceCode).gate.reasons.map((r) => r.code)
}

/** The user buys a cola at the cabinet (authorizing Pay Score first when they have no credit); the order id. */
function buyCola(cloud: Cloud, clock: ManualClock, user: string, deviceCode = 'GZ0001A'): string {
  if (!cloud.getCabinetLanding(user, deviceCode).gate.mayOpen) {
    cloud.startCreditAuthorization(user, { deviceCode, method: 'wxpay_score_use' })
    clock.advance(cloud.settings().creditAutoCompleteMs ?? 0)
  }
  const s = cloud.openDoor(user, { deviceCode, intentId: intent(), mode: 'shop' })
  clock.advance(cloud.settings().doorDelayMs)
  cloud.take(deviceCode, 1, 'p_cola')
  cloud.closeDoor(deviceCode, 1)
  clock.advance(cloud.settings().settlementDelayMs)
  return cloud.getDoorSession(user, s.id).orderId ?? ''
}

describe('blocking a shopper', () => {
  test('given a complaint, the merchant blocks its shopper: masked phone, reason, who and since when', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const { entry, created } = block(cloud, m, '  多次恶意投诉  ')
    expect(created).toBe(true)
    expect(entry).toEqual({
      id: expect.any(String),
      shopperRef: 'u_happy',
      phoneMasked: '138****0001',
      reason: '多次恶意投诉',
      source: { kind: 'complaint', id: complaintOf(cloud) },
      blockedBy: '鲜享老板',
      createdAt: expect.any(String),
    })
    expect(Date.parse(entry.createdAt)).toBe(clock.now())
    expect(entry.createdAt).toMatch(/\+08:00$/)
    expect(cloud.listBlacklist(m)).toEqual({ items: [entry], nextCursor: null })
  })

  test('blocking an already-blocked shopper returns the first entry: one record, its reason unchanged', () => {
    const { cloud } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const first = block(cloud, m, '第一次')
    const again = block(cloud, m, '第二次')
    expect(again).toEqual({ entry: first.entry, created: false })
    // The same shopper named through their order instead of the complaint is still the same shopper.
    const orderId = cloud.scenario.refs.recentOrderId ?? ''
    const viaOrder = cloud.blockShopper(m, { source: { kind: 'order', id: orderId }, reason: '第三次' })
    expect(viaOrder.entry.id).toBe(first.entry.id)
    expect(cloud.listBlacklist(m).items).toHaveLength(1)
  })

  test('a reason is required, 1–100 characters after trimming', () => {
    const { cloud } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    for (const reason of ['', '   ', 'x'.repeat(101)]) {
      const err = cloudErrorOf(() => block(cloud, m, reason), 'VALIDATION_FAILED', 422)
      expect(Object.keys(err.fields ?? {})).toEqual(['reason'])
    }
    expect(block(cloud, m, 'x'.repeat(100)).created).toBe(true)
  })

  test('another merchant’s complaint or order is refused exactly like a missing one, naming source.id', () => {
    const { cloud } = cloudFor('merchant')
    const other = loginAs(cloud, 'u_merchant2')
    const answers = [
      { kind: 'complaint' as const, id: complaintOf(cloud) },
      { kind: 'complaint' as const, id: 'cmp_9999' },
      { kind: 'order' as const, id: cloud.scenario.refs.recentOrderId ?? '' },
      { kind: 'order' as const, id: 'O_UNKNOWN' },
    ].map((source) => {
      const err = cloudErrorOf(
        () => cloud.blockShopper(other, { source, reason: '恶意投诉' }),
        'BLACKLIST_SOURCE_INVALID',
        422,
      )
      return [source.kind, err.fields]
    })
    expect(answers[0]).toEqual(answers[1])
    expect(answers[2]).toEqual(answers[3])
    expect(answers[0]?.[1]).toEqual({ 'source.id': expect.stringContaining('投诉') })
    expect(cloud.listBlacklist(other).items).toEqual([])
  })

  test('a merchant cannot block itself through its own order at its own cabinet', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const orderId = buyCola(cloud, clock, m)
    const err = cloudErrorOf(
      () => cloud.blockShopper(m, { source: { kind: 'order', id: orderId }, reason: '试试' }),
      'BLACKLIST_SELF',
      422,
    )
    expect(err.fields).toEqual({ 'source.id': expect.any(String) })
    expect(cloud.listBlacklist(m).items).toEqual([])
  })

  test('shoppers and restockers are FORBIDDEN on every blacklist operation', () => {
    const { cloud } = cloudFor('merchant')
    const entry = block(cloud, loginAs(cloud, 'u_merchant')).entry
    for (const userId of ['u_happy', 'u_staff']) {
      const caller = loginAs(cloud, userId)
      cloudErrorOf(() => cloud.listBlacklist(caller), 'FORBIDDEN', 403)
      cloudErrorOf(() => block(cloud, caller), 'FORBIDDEN', 403)
      cloudErrorOf(() => cloud.unblockShopper(caller, entry.id), 'FORBIDDEN', 403)
    }
  })
})

describe('the gate of a blocked shopper', () => {
  test('is USER_BLACKLISTED at the blocking merchant’s cabinets only, and the door stays shut', () => {
    const { cloud } = cloudFor('merchant')
    const shopper = loginAs(cloud, 'u_happy')
    expect(cloud.getCabinetLanding(shopper, 'GZ0001A').gate.mayOpen).toBe(true)
    block(cloud, loginAs(cloud, 'u_merchant'))
    expect(gateCodes(cloud, shopper, 'GZ0001A')).toEqual(['USER_BLACKLISTED'])
    expect(gateCodes(cloud, shopper, 'GZ0099Z')).not.toContain('USER_BLACKLISTED')
    cloudErrorOf(
      () => cloud.openDoor(shopper, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' }),
      'USER_BLACKLISTED',
      403,
    )
    cloudErrorOf(
      () => cloud.startCreditAuthorization(shopper, { deviceCode: 'GZ0001A', method: 'wxpay_contract' }),
      'USER_BLACKLISTED',
      403,
    )
  })

  test('after unblocking, the shopper opens again; the entry is gone and a second removal is not found', () => {
    const { cloud, clock } = cloudFor('merchant')
    const m = loginAs(cloud, 'u_merchant')
    const shopper = loginAs(cloud, 'u_happy')
    const { entry } = block(cloud, m)
    expect(cloud.unblockShopper(m, entry.id)).toEqual(entry)
    expect(cloud.listBlacklist(m).items).toEqual([])
    cloudErrorOf(() => cloud.unblockShopper(m, entry.id), 'BLACKLIST_ENTRY_NOT_FOUND', 404)
    expect(cloud.getCabinetLanding(shopper, 'GZ0001A').gate.mayOpen).toBe(true)
    expect(buyCola(cloud, clock, shopper)).not.toBe('')
    // Blocked again later: a new entry, not the removed one.
    expect(block(cloud, m).entry.id).not.toBe(entry.id)
  })

  test('another merchant cannot remove the entry', () => {
    const { cloud } = cloudFor('merchant')
    const { entry } = block(cloud, loginAs(cloud, 'u_merchant'))
    cloudErrorOf(
      () => cloud.unblockShopper(loginAs(cloud, 'u_merchant2'), entry.id),
      'BLACKLIST_ENTRY_NOT_FOUND',
      404,
    )
    expect(gateCodes(cloud, loginAs(cloud, 'u_happy'), 'GZ0001A')).toEqual(['USER_BLACKLISTED'])
  })

  test('the platform-wide flag of the blacklisted scenario still shuts every cabinet', () => {
    const { cloud } = cloudFor('blacklisted')
    const shopper = loginAs(cloud, 'u_happy')
    expect(gateCodes(cloud, shopper, 'GZ0001A')).toContain('USER_BLACKLISTED')
    expect(gateCodes(cloud, shopper, 'GZ0099Z')).toContain('USER_BLACKLISTED')
  })
})
