import { SystemClock } from '../clock'
import { createCloud } from '../cloud'
import { CloudError } from '../errors'
import { DEFAULT_FIXTURE_TIME, type ScenarioName } from '../fixtures'
import { cloudErrorOf, cloudFor, intent, loginAs } from './helpers'

describe('createCloud', () => {
  test('without options it loads the happy scenario on a manual clock at the default fixture time', () => {
    const cloud = createCloud()
    expect(cloud.scenario).toMatchObject({
      name: 'happy',
      userId: 'u_happy',
      loginCode: 'code:u_happy',
      deviceCode: 'GZ0001A',
    })
    expect(new Date(cloud.clock.now()).toISOString()).toBe(new Date(DEFAULT_FIXTURE_TIME).toISOString())
  })

  test('an unknown scenario is a programming error', () => {
    expect(() => createCloud({ scenario: 'nope' as ScenarioName })).toThrow('unknown scenario')
  })

  test('on a system clock travelled to the fixture time, the dev server sees the same promotions', () => {
    const clock = new SystemClock()
    clock.travelTo(DEFAULT_FIXTURE_TIME)
    const cloud = createCloud({ scenario: 'happy', clock })
    expect(cloud.getCabinetLanding(null, 'GZ0001A').promotions.filter((p) => p.activeNow)).toHaveLength(4)
  })

  test('a failing subscriber does not stop the cabinet', () => {
    const { cloud, clock } = cloudFor('happy')
    cloud.subscribe(() => {
      throw new Error('socket closed')
    })
    const me = loginAs(cloud, 'u_happy')
    const s = cloud.openDoor(me, { deviceCode: 'GZ0001A', intentId: intent(), mode: 'shop' })
    clock.advance(300)
    expect(cloud.getDoorSession(me, s.id).state).toBe('open')
  })

  test('errors carry the status and the contract’s body', () => {
    const { cloud } = cloudFor('happy')
    const err = cloudErrorOf(() => cloud.listOrders('u_happy', { limit: 0 }), 'VALIDATION_FAILED', 422)
    expect(err).toBeInstanceOf(CloudError)
    expect(err.toBody()).toEqual({
      code: 'VALIDATION_FAILED',
      message: '填写的内容有误',
      fields: { limit: expect.any(String) },
    })
  })

  test('settings can be read and changed at run time', () => {
    const { cloud } = cloudFor('happy')
    expect(cloud.settings()).toMatchObject({ doorDelayMs: 300, settlementDelayMs: 500 })
    expect(cloud.configure({ settlementDelayMs: 50 }).settlementDelayMs).toBe(50)
  })
})

describe('the simulator’s view', () => {
  test('it lists every cabinet with its faults, goods and who has a door open', () => {
    const { cloud } = cloudFor('in_use')
    cloud.injectFault('SM0002D', 'payment_failure')
    const overview = cloud.devicesOverview()
    expect(overview.map((d) => d.device.code)).toEqual(['GZ0001A', 'SM0002D', 'SJ0001V', 'GZ0099Z'])
    expect(overview[0]?.activeSession).toMatchObject({
      kind: 'shop',
      userId: 'u_other',
      state: 'open',
      doorNo: 1,
    })
    expect(overview[1]?.faults).toEqual(['payment_failure'])
    expect(overview[2]?.recognitionQuota).toBe(500)
    expect(overview[0]?.goods).toHaveLength(8)
  })

  test('clearing every fault of a cabinet brings it back', () => {
    const { cloud } = cloudFor('lock_fault')
    cloud.injectFault('GZ0001A', 'offline')
    expect(cloud.faults('GZ0001A').sort()).toEqual(['lock_fault', 'offline'])
    cloud.clearFault('GZ0001A')
    expect(cloud.getCabinetLanding('u_happy', 'GZ0001A').gate.mayOpen).toBe(true)
  })

  test('seeded history stays as seeded when time runs', () => {
    const { cloud, clock } = cloudFor('merchant')
    const orderId = cloud.scenario.refs.refundedOrderId ?? ''
    const owner = cloud.inspect().orders.get(orderId)?.userId ?? ''
    const before = cloud.getOrder(owner, orderId).refunds
    expect(before).toEqual([expect.objectContaining({ amountFen: 100, state: 'succeeded' })])
    clock.advance(5_000)
    expect(cloud.getOrder(owner, orderId).refunds).toEqual(before)
  })
})
