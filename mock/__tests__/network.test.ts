import { runControl } from '../handlers/control'
import { Network } from '../handlers/network'
import { installCloudInJest } from '../hosts/node'

// Drops aimed at one operation: the next N attempts of the app lost, counted per attempt (X-Request-Id), so a
// browser's own resend of a lost attempt is lost again without using up the count.

describe('Network drops of one operation', () => {
  it('loses the next N answers of that operation, answers the N+1th, leaves other operations alone', () => {
    const net = new Network()
    net.dropNext('openDoor', 2)
    expect(net.shouldDrop('answer', 'openDoor', 'req-1')).toBe(true)
    expect(net.shouldDrop('answer', 'getMe', 'req-2')).toBe(false)
    expect(net.shouldDrop('request', 'openDoor', 'req-3')).toBe(false)
    expect(net.view().drops).toEqual([{ operationId: 'openDoor', stage: 'answer', left: 1, dropped: 1 }])
    expect(net.shouldDrop('answer', 'openDoor', 'req-4')).toBe(true)
    expect(net.shouldDrop('answer', 'openDoor', 'req-5')).toBe(false)
    expect(net.view().drops).toEqual([{ operationId: 'openDoor', stage: 'answer', left: 0, dropped: 2 }])
  })

  it('loses a resend of a lost attempt again without counting it', () => {
    const net = new Network()
    net.dropNext('getCabinetLanding', 1, 'request')
    expect(net.shouldDrop('request', 'getCabinetLanding', 'req-1')).toBe(true)
    // The browser sends req-1 again by itself: still lost, the count untouched.
    expect(net.shouldDrop('request', 'getCabinetLanding', 'req-1')).toBe(true)
    expect(net.view().drops[0]).toMatchObject({ left: 0, dropped: 1 })
    // The app's own retry is a new attempt.
    expect(net.shouldDrop('request', 'getCabinetLanding', 'req-2')).toBe(false)
  })

  it('counts every request without an X-Request-Id as an attempt of its own', () => {
    const net = new Network()
    net.dropResponses = 1
    expect(net.shouldDrop('answer', 'getMe', null)).toBe(true)
    expect(net.shouldDrop('answer', 'getMe', null)).toBe(false)
  })

  it('forgets dropped attempts after a minute', () => {
    let now = 0
    const net = new Network(() => now)
    net.dropNext('getMe', 1)
    expect(net.shouldDrop('answer', 'getMe', 'req-1')).toBe(true)
    now += 61_000
    expect(net.shouldDrop('answer', 'getMe', 'req-1')).toBe(false)
  })

  it('replaces a drop of the same operation and stage, and takes it away with 0', () => {
    const net = new Network()
    net.dropNext('openDoor', 3)
    net.dropNext('openDoor', 1)
    net.dropNext('openDoor', 2, 'request')
    expect(net.view().drops.map((d) => [d.stage, d.left])).toEqual([
      ['answer', 1],
      ['request', 2],
    ])
    net.dropNext('openDoor', 0)
    expect(net.view().drops.map((d) => d.stage)).toEqual(['request'])
  })
})

describe('random silent loss', () => {
  const fates = (net: Network, n: number) => Array.from({ length: n }, (_, i) => net.randomLoss(`req-${i}`))

  it('loses about the share asked for, at each stage, and the same exchanges for the same seed', () => {
    const net = new Network()
    net.setLoss({ requestPct: 5, answerPct: 5, seed: 42 })
    const first = fates(net, 4_000)
    const share = (stage: string) => first.filter((f) => f === stage).length / first.length
    expect(share('request')).toBeGreaterThan(0.04)
    expect(share('request')).toBeLessThan(0.06)
    // The answer stage is drawn for the requests that arrived: 5 % of the 95 %.
    expect(share('answer')).toBeGreaterThan(0.038)
    expect(share('answer')).toBeLessThan(0.058)
    net.setLoss({ requestPct: 5, answerPct: 5, seed: 42 })
    expect(fates(net, 4_000)).toEqual(first)
    net.setLoss({ requestPct: 5, answerPct: 5, seed: 43 })
    expect(fates(net, 4_000)).not.toEqual(first)
  })

  it('gives a browser’s resend of an attempt the fate of the attempt, and loses nothing when off', () => {
    const net = new Network()
    net.setLoss({ requestPct: 30, answerPct: 30, seed: 3 })
    const first = fates(net, 200)
    expect(new Set(first).size).toBe(3) // lost on the way in, on the way back, or not at all
    // The browser resends each of them by itself: every resend meets its attempt's fate.
    expect(fates(net, 200)).toEqual(first)
    expect(net.view().loss).toEqual({ requestPct: 30, answerPct: 30, seed: 3 })
    net.setLoss({ requestPct: 0, answerPct: 0, seed: 1 })
    expect(net.view().loss).toBeNull()
    expect(fates(net, 100).every((f) => f === null)).toBe(true)
  })
})

describe('the drop control over the API', () => {
  const cloud = installCloudInJest({ scenario: 'happy' })

  afterEach(() => {
    for (const d of cloud.runtime.network.view().drops)
      cloud.runtime.network.dropNext(d.operationId, 0, d.stage)
  })

  const get = (path: string, requestId: string, token?: string) =>
    fetch(`http://cloud.test${path}`, {
      headers: { 'X-Request-Id': requestId, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    })

  it('drops N answers of the chosen operation; the N+1th and other operations are answered', async () => {
    const token = cloud.tokenFor('u_happy')
    const state = cloud.control.drop({ operationId: 'getCabinetLanding', count: 2 })
    expect(state.drops).toEqual([{ operationId: 'getCabinetLanding', stage: 'answer', left: 2, dropped: 0 }])
    await expect(get('/v1/devices/GZ0001A/landing', 'req-a1', token)).rejects.toThrow()
    expect((await get('/v1/me', 'req-b1', token)).status).toBe(200)
    await expect(get('/v1/devices/GZ0001A/landing', 'req-a1', token)).rejects.toThrow() // a resend
    await expect(get('/v1/devices/GZ0001A/landing', 'req-a2', token)).rejects.toThrow()
    expect((await get('/v1/devices/GZ0001A/landing', 'req-a3', token)).status).toBe(200)
    expect(cloud.control.state().network.drops).toEqual([
      { operationId: 'getCabinetLanding', stage: 'answer', left: 0, dropped: 2 },
    ])
  })

  it('a dropped answer of 开门 still opened the door; the retry with the same key gets that session', async () => {
    const token = cloud.tokenFor('u_happy')
    cloud.control.drop({ operationId: 'openDoor', count: 1 })
    const open = (requestId: string) =>
      fetch('http://cloud.test/v1/door-sessions', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'Idempotency-Key': 'intent-drop-n-0001',
          'X-Request-Id': requestId,
        },
        body: JSON.stringify({ deviceCode: 'GZ0001A', intentId: 'intent-drop-n-0001', mode: 'shop' }),
      })
    await expect(open('req-open-1')).rejects.toThrow()
    const sessions = () =>
      [...cloud.cloud.inspect().sessions.values()].filter((s) => s.intentId === 'intent-drop-n-0001')
    expect(sessions()).toHaveLength(1)
    const retry = await open('req-open-2')
    expect(retry.status).toBe(201)
    expect(((await retry.json()) as { id: string }).id).toBe(sessions()[0]?.id)
  })

  it('a lost exchange is silent: no answer and no reset, the phone only times out', async () => {
    const token = cloud.tokenFor('u_happy')
    runControl(cloud.control, 'network', 'POST', { lossRequestPct: 0, lossAnswerPct: 100, lossSeed: 7 })
    try {
      const outcome = await Promise.race([
        get('/v1/me', 'req-silent-1', token).then(
          () => 'answered',
          () => 'reset',
        ),
        new Promise((resolve) => setTimeout(() => resolve('silent'), 300)),
      ])
      expect(outcome).toBe('silent')
    } finally {
      runControl(cloud.control, 'network', 'POST', { lossRequestPct: 0, lossAnswerPct: 0 })
    }
    expect((await get('/v1/me', 'req-silent-2', token)).status).toBe(200)
    expect(runControl(cloud.control, 'network', 'POST', { lossRequestPct: 101 }).status).toBe(400)
  })

  it('refuses an unknown operation, a negative count and an unknown stage', () => {
    const bad = (body: Record<string, unknown>) => runControl(cloud.control, 'drop', 'POST', body).status
    expect(bad({ operationId: 'nope', count: 1 })).toBe(400)
    expect(bad({ operationId: 'openDoor', count: -1 })).toBe(400)
    expect(bad({ operationId: 'openDoor', count: 1, stage: 'both' })).toBe(400)
    expect(bad({ operationId: 'openStream', count: 1 })).toBe(400)
  })

  it('lists every operation with a Chinese name and every scenario with a label', () => {
    const state = cloud.control.state()
    expect(state.operations.length).toBeGreaterThan(40)
    for (const op of state.operations) expect(op.label).toMatch(/[\u4e00-\u9fa5]/)
    expect(state.scenarioLabels.order_history).toMatch(/[\u4e00-\u9fa5]/)
    for (const name of state.scenarios) expect(state.scenarioLabels[name]).toBeTruthy()
  })
})
