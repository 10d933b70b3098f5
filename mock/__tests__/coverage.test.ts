/**
 * @jest-environment node
 */
import { getResponse } from 'msw'
import { createHandlers } from '../handlers'
import { loadContract } from '../handlers/contract'
import { OPERATIONS } from '../handlers/operations'
import { Runtime } from '../handlers/runtime'
import { check, describeViolations, type Violation } from '../../conformance/lib/answers'

// Every operation of the contract must be answered by its own handler (the stream is covered by the
// WebSocket tests), with a status the contract declares for it.
const contract = loadContract()
const runtime = new Runtime({ scenario: 'happy', log: () => undefined })
const handlers = createHandlers(runtime)
const tokenOf = (userId: string) => runtime.cloud.login({ platform: 'weapp', code: `code:${userId}` }).token
const token = tokenOf('u_happy')
const staffToken = tokenOf('u_staff')
const merchantToken = tokenOf('u_merchant')
const operations = contract.operations.filter((op) => op.operationId !== 'openStream')
type Operation = (typeof operations)[number]

/** A caller with the operation's role, so what is checked is the input, not who sent it. */
function entitled(op: Operation): string {
  if (op.path.startsWith('/v1/merchant/')) return merchantToken
  if (op.path.startsWith('/v1/staff/') && op.operationId !== 'bindStaff') return staffToken
  return token
}

const SAMPLE_PARAMS: Record<string, string> = {
  deviceCode: 'GZ0001A',
  sessionId: 'sess_9999',
  orderId: 'O_UNKNOWN',
  authorizationId: 'cra_9999',
  paymentId: 'pay_9999',
  complaintId: 'cmp_9999',
  alarmId: 'alm_9999',
  commandId: 'cmd_9999',
}

function urlOf(template: string): string {
  return `http://cloud.test${template.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x')}`
}

async function send(
  op: Operation,
  init: { auth?: boolean; token?: string; key?: string; body?: string; contentType?: string; url?: string },
) {
  const headers: Record<string, string> = {
    'X-Request-Id': `cov-${op.operationId}`,
    Origin: 'http://localhost:10086',
  }
  if (init.auth !== false) headers.Authorization = `Bearer ${init.token ?? entitled(op)}`
  if (init.key) headers['Idempotency-Key'] = init.key
  if (init.body !== undefined) headers['Content-Type'] = init.contentType ?? 'application/json'
  const request = new Request(init.url ?? urlOf(op.path), { method: op.method, headers, body: init.body })
  return getResponse(handlers, request)
}

describe('contract coverage', () => {
  it('has a handler for every operation of the contract and none beyond it', () => {
    const inContract = new Set(operations.map((op) => op.operationId))
    expect(Object.keys(OPERATIONS).sort()).toEqual([...inContract].sort())
  })

  it.each(operations.map((op) => [op.operationId, op] as const))(
    '%s is answered by its own handler',
    async (operationId, op) => {
      const response = await send(op, {
        key: op.method === 'GET' ? undefined : `cov-key-${operationId}`,
        body: op.bodyType === 'application/json' ? '{}' : undefined,
      })
      expect(response).toBeDefined()
      expect(response?.headers.get('X-Emulator-Operation')).toBe(operationId)
      expect(response?.headers.get('X-Request-Id')).toBe(`cov-${operationId}`)
      expect(response?.status).toBeGreaterThanOrEqual(200)
    },
  )

  it('refuses a missing token with 401 AUTH_REQUIRED where the contract requires one', async () => {
    const violations: Violation[] = []
    for (const op of operations.filter((o) => o.auth === 'required')) {
      const response = await send(op, {
        auth: false,
        key: op.method === 'GET' ? undefined : 'cov-noauth-0001',
        body: op.bodyType === 'application/json' ? '{}' : undefined,
      })
      const body = (await response?.json()) as { code?: string }
      expect([op.operationId, response?.status, body.code]).toEqual([op.operationId, 401, 'AUTH_REQUIRED'])
      violations.push(...check({ operationId: op.operationId, status: 401, body, label: 'no token' }))
    }
    expect(describeViolations(violations)).toBe('')
  })

  it('requires an Idempotency-Key on every POST (422 VALIDATION_FAILED naming the header)', async () => {
    for (const op of operations.filter((o) => o.method === 'POST')) {
      const response = await send(op, { body: op.bodyType === 'application/json' ? '{}' : undefined })
      const body = (await response?.json()) as { code?: string; fields?: Record<string, string> }
      expect([op.operationId, response?.status, body.code]).toEqual([
        op.operationId,
        422,
        'VALIDATION_FAILED',
      ])
      expect(body.fields).toHaveProperty('Idempotency-Key')
    }
  })

  it('answers bad JSON with 422 VALIDATION_FAILED on every JSON operation', async () => {
    for (const op of operations.filter((o) => o.bodyType === 'application/json')) {
      const response = await send(op, { key: 'cov-badjson-0001', body: '{"broken": ' })
      const body = (await response?.json()) as { code?: string }
      expect([op.operationId, response?.status, body.code]).toEqual([
        op.operationId,
        422,
        'VALIDATION_FAILED',
      ])
    }
  })

  it('answers an unexpected failure with 500 SERVER_ERROR, not a crash', async () => {
    const original = runtime.cloud.getMe
    runtime.cloud.getMe = () => {
      throw new TypeError('a bug in the model')
    }
    try {
      const response = await send(operations.find((o) => o.operationId === 'getMe') as Operation, {})
      expect(response?.status).toBe(500)
      expect(await response?.json()).toEqual({ code: 'SERVER_ERROR', message: expect.any(String) })
    } finally {
      runtime.cloud.getMe = original
    }
  })

  it('answers an unknown API path with the contract’s error body', async () => {
    const response = await getResponse(handlers, new Request('http://cloud.test/v1/no-such-thing'))
    expect(response?.status).toBe(404)
    expect(await response?.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String) })
  })

  it('answers CORS preflight for any API path', async () => {
    const response = await getResponse(
      handlers,
      new Request('http://cloud.test/v1/door-sessions', {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:10086',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key,x-request-id',
        },
      }),
    )
    expect(response?.status).toBe(204)
    expect(response?.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:10086')
    expect(response?.headers.get('Access-Control-Allow-Headers')).toContain('idempotency-key')
  })
})

describe('requests the app never sends', () => {
  const withParams = operations.filter((op) => /\{\w+\}/.test(op.path))

  it('answers a malformed percent-escape in any path parameter with 404, the operation’s own not-found code and CORS', async () => {
    expect(withParams.length).toBeGreaterThanOrEqual(22)
    const violations: Violation[] = []
    const misses: string[] = []
    for (const op of withParams) {
      for (const bad of ['abc%', '%E4%B8', '%zz']) {
        for (const auth of [true, false]) {
          const url = `http://cloud.test${op.path.replace(/\{\w+\}/g, bad)}`
          const response = await send(op, {
            auth,
            url,
            key: op.method === 'GET' ? undefined : 'cov-malformed-0001',
            body: op.bodyType === 'application/json' ? '{}' : undefined,
          })
          const body = (await response?.json()) as { code?: string; message?: string }
          const listed = op.errorCodes.get(404) ?? []
          const seen = [
            response?.status,
            listed.includes(body.code ?? ''),
            typeof body.message === 'string' && body.message !== '',
            response?.headers.get('Access-Control-Allow-Origin'),
            response?.headers.get('X-Emulator-Operation'),
          ]
          const want = [404, true, true, 'http://localhost:10086', op.operationId]
          if (JSON.stringify(seen) !== JSON.stringify(want))
            misses.push(`${op.method} ${url} ${auth ? 'token' : 'no token'} → ${JSON.stringify(seen)}`)
          violations.push(...check({ operationId: op.operationId, status: 404, body, label: url }))
        }
      }
    }
    expect(misses).toEqual([])
    expect(describeViolations(violations)).toBe('')
  })

  it('names the parameter that cannot be decoded: a good device with a bad command id is NOT_FOUND', async () => {
    const op = operations.find((o) => o.operationId === 'getDeviceCommand') as Operation
    const response = await send(op, { url: 'http://cloud.test/v1/staff/devices/GZ0001A/commands/cmd%zz' })
    expect([response?.status, ((await response?.json()) as { code: string }).code]).toEqual([
      404,
      'NOT_FOUND',
    ])
  })

  it('answers a malformed escape outside any operation with the error body, not an exception', async () => {
    for (const url of ['http://cloud.test/v1/no%zz-such', 'http://cloud.test/v1/devices/%E4%B8/nothing']) {
      const response = await getResponse(handlers, new Request(url, { headers: { Origin: 'http://x.test' } }))
      expect(response?.status).toBe(404)
      expect(await response?.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String) })
      expect(response?.headers.get('Access-Control-Allow-Origin')).toBe('http://x.test')
    }
  })

  it('refuses a body that is not application/json on every JSON operation with 415 and the error body', async () => {
    const jsonOps = operations.filter((o) => o.bodyType === 'application/json')
    expect(jsonOps.length).toBeGreaterThanOrEqual(19)
    for (const op of jsonOps) {
      for (const contentType of [
        'text/plain',
        'text/plain;charset=UTF-8',
        'application/x-www-form-urlencoded',
      ]) {
        const response = await send(op, {
          key: 'cov-plain-0001',
          body: JSON.stringify({ platform: 'weapp', code: 'code:u_happy' }),
          contentType,
        })
        const body = (await response?.json()) as { code?: string; fields?: Record<string, string> }
        expect([op.operationId, contentType, response?.status, body.code]).toEqual([
          op.operationId,
          contentType,
          415,
          'VALIDATION_FAILED',
        ])
        expect(body.fields).toHaveProperty('Content-Type')
        expect(response?.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:10086')
      }
    }
    const login = operations.find((o) => o.operationId === 'login') as Operation
    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
      const response = await send(login, {
        key: `cov-json-${contentType.length}-0001`,
        body: JSON.stringify({ platform: 'weapp', code: 'code:u_happy' }),
        contentType,
      })
      expect([contentType, response?.status]).toEqual([contentType, 200])
    }
  })

  it('checks the role before the input: shoppers get 403 from every staff and merchant operation, staff from every merchant one', async () => {
    const staffOps = operations.filter(
      (o) => o.path.startsWith('/v1/staff/') && o.operationId !== 'bindStaff',
    )
    const merchantOps = operations.filter((o) => o.path.startsWith('/v1/merchant/'))
    const misses: string[] = []
    const sweep = async (ops: Operation[], who: string, callerToken: string) => {
      for (const op of ops) {
        // No query, an empty body and no key: every input check would fail, so only the role can answer 403.
        const response = await send(op, {
          token: callerToken,
          url: urlOf(op.path),
          body: op.bodyType === 'application/json' ? '{}' : undefined,
        })
        const body = (await response?.json()) as { code?: string }
        if (response?.status !== 403)
          misses.push(`${who} → ${op.operationId}: ${response?.status} ${body.code}`)
      }
    }
    await sweep(staffOps, 'shopper', token)
    await sweep(merchantOps, 'shopper', token)
    await sweep(merchantOps, 'staff', staffToken)
    expect(misses).toEqual([])
    const receipts = operations.find((o) => o.operationId === 'listReceipts') as Operation
    const response = await send(receipts, { token })
    expect(await response?.json()).toEqual({ code: 'FORBIDDEN', message: expect.any(String) })
  })
})
