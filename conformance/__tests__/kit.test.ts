/**
 * @jest-environment node
 */
import { startEmulatorServer, type EmulatorServer } from '../../mock/server/start'
import { fenMisses } from '../checks/answers'
import { runKit } from '../lib/kit'
import type { Report } from '../lib/report'
import { EMULATOR_USERS, parseUsers } from '../lib/users'
import { startBrokenStub, type Breakage } from './brokenStub'

// The kit's own proof: against a cloud that breaks one promise, the checks about that promise turn red
// and the others stay green. The full run against the emulator is its own layer of `npm test`.
let emulator: EmulatorServer

beforeAll(async () => {
  emulator = await startEmulatorServer({ port: 0, scenario: 'order_history', appDir: null, quiet: true })
})

afterAll(async () => {
  await emulator.stop()
})

async function kitAgainst(breakage: Breakage, only: RegExp): Promise<Report> {
  await fetch(`${emulator.url}/__control/scenario`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'order_history' }),
  })
  const login = await fetch(`${emulator.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `stub-${breakage}` },
    body: JSON.stringify({ platform: 'weapp', code: EMULATOR_USERS.shopper }),
  })
  const { token } = (await login.json()) as { token: string }
  const stub = await startBrokenStub(emulator.url, breakage, token)
  try {
    return await runKit({
      base: stub.url,
      codes: EMULATOR_USERS,
      deviceCode: 'GZ0001A',
      platform: 'weapp',
      only,
    })
  } finally {
    await stub.stop()
  }
}

const outcomes = (report: Report) => Object.fromEntries(report.results.map((r) => [r.name, r.outcome]))

test('error answers without {code, message}: the errors check turns red', async () => {
  const report = await kitAgainst('error-body', /^(errors|pagination) /)
  expect(outcomes(report)).toEqual({
    'listOrders walked by cursor: newest first, no order twice, the pages join up, the last has no cursor':
      'passed',
    'a limit outside 1–100 or a cursor the server never issued is a 4xx with the error body': 'passed',
    'every 4xx/5xx is JSON {code, message} with a catalogue code': 'failed',
  })
}, 60_000)

test("another user's order answering 403 where a missing one answers 404: the oracle check turns red", async () => {
  const report = await kitAgainst('oracle', /^access another shopper's/)
  const failed = report.results.find((r) => r.outcome === 'failed')
  expect(failed?.name).toMatch(/another shopper's order answers like a missing order/)
  expect(failed?.detail).toMatch(/getOrder: another user's answers 403 FORBIDDEN, a missing one 404/)
  expect(report.results.find((r) => r.name.includes('complaint'))?.outcome).toBe('passed')
}, 60_000)

test('a replay that ignores the body: every "same key, other body → 409" check turns red', async () => {
  const report = await kitAgainst('replay-ignores-body', /^idempotency login/)
  expect(outcomes(report)).toEqual({
    'login: the same key and body replay the first answer, and the replayed token works': 'passed',
    'login: the same key with another body → 409 IDEMPOTENCY_CONFLICT': 'failed',
  })
  expect(report.results[1]!.detail).toMatch(/not 409 IDEMPOTENCY_CONFLICT/)
}, 60_000)

test('money: a …Fen field that is not an integer is found, wherever it is; an error’s field messages are not money', () => {
  expect(
    fenMisses({ items: [{ totalFen: 100 }, { totalFen: 1.5, lines: [{ unitPriceFen: '3' }] }] }),
  ).toEqual(['items[1].totalFen = 1.5', 'items[1].lines[0].unitPriceFen = "3"'])
  expect(
    fenMisses({ code: 'VALIDATION_FAILED', message: '填写的内容有误', fields: { amountFen: '必填' } }),
  ).toEqual([])
  expect(fenMisses({ deposit: { amountFen: null } })).toEqual([])
})

test('--users must name a login code for every role', () => {
  expect(parseUsers('shopper=a,other=b,staff=c,merchant=d')).toEqual({
    shopper: 'a',
    other: 'b',
    staff: 'c',
    merchant: 'd',
  })
  expect(() => parseUsers('shopper=a,staff=c')).toThrow('--users needs a login code for: other, merchant')
})
