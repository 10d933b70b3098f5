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
const token = runtime.cloud.login({ platform: 'weapp', code: 'code:u_happy' }).token
const operations = contract.operations.filter((op) => op.operationId !== 'openStream')

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

async function send(op: (typeof operations)[number], init: { auth?: boolean; key?: string; body?: string }) {
  const headers: Record<string, string> = { 'X-Request-Id': `cov-${op.operationId}` }
  if (init.auth !== false) headers.Authorization = `Bearer ${token}`
  if (init.key) headers['Idempotency-Key'] = init.key
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  const request = new Request(urlOf(op.path), { method: op.method, headers, body: init.body })
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
      const response = await send(
        operations.find((o) => o.operationId === 'getMe') as (typeof operations)[number],
        {},
      )
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
