import { loadContract } from '../../mock/handlers/contract'
import { check as checkAnswer } from '../lib/answers'
import type { Exchange } from '../lib/client'
import { expect, short, type Check, type Context } from '../lib/suite'

/**
 * Checks over every answer the other checks received, so they run last: each answer is what its operation
 * declares (status, schema, listed error code); every error is a JSON `{code, message}` with a code of the
 * contract's catalogue; every money field is integer fen.
 */
const contract = loadContract()
const schemas = (contract.document.components as { schemas: Record<string, { enum?: string[] }> }).schemas
const ERROR_CODES = new Set(schemas.ErrorCode?.enum ?? [])

function listed(misses: string[], total: number, what: string): void {
  expect(misses.length === 0, `${misses.length} of ${total} ${what}:\n${misses.slice(0, 12).join('\n')}`)
}

const where = (e: Exchange) => `${e.method} ${e.path} → ${e.status}${e.label ? ` (${e.label})` : ''}`

/** Paths of every number field named …Fen in a body that is not an integer. */
export function fenMisses(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => fenMisses(v, `${at}[${i}]`))
  if (!value || typeof value !== 'object') return []
  const isError = 'code' in value && 'message' in value
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
    // An error's `fields` are messages keyed by the request's field names (`amountFen: 必填`), not money.
    if (isError && key === 'fields') return []
    const path = at ? `${at}.${key}` : key
    if (/Fen$/.test(key) && v !== null && !Number.isSafeInteger(v)) return [`${path} = ${JSON.stringify(v)}`]
    return fenMisses(v, path)
  })
}

export const answerChecks: Check[] = [
  {
    group: 'schemas',
    name: 'every answer has a status its operation declares and matches that status schema',
    async run({ client }: Context) {
      const seen = client.exchanges.filter((e) => e.operationId)
      const misses = seen.flatMap((e) =>
        checkAnswer({ operationId: e.operationId!, status: e.status, body: e.body, label: e.label }).map(
          (v) => `${where(e)}: ${v.problem}`,
        ),
      )
      expect(seen.length > 0, 'no answers were seen')
      listed(misses, seen.length, 'answers break the contract')
    },
  },
  {
    group: 'errors',
    name: 'every 4xx/5xx is JSON {code, message} with a catalogue code',
    async run({ client }: Context) {
      const errors = client.exchanges.filter((e) => e.status >= 400)
      const misses = errors.flatMap((e) => {
        const body = e.body as { code?: unknown; message?: unknown } | null
        if (!e.contentType.includes('application/json')) return [`${where(e)}: content-type ${e.contentType}`]
        if (!body || typeof body !== 'object') return [`${where(e)}: body ${short(e.body)}`]
        if (typeof body.code !== 'string' || !ERROR_CODES.has(body.code))
          return [`${where(e)}: code ${short(body.code)} is not in the catalogue`]
        if (typeof body.message !== 'string' || body.message.length === 0) return [`${where(e)}: no message`]
        return []
      })
      expect(errors.length > 0, 'no error answers were seen')
      listed(misses, errors.length, 'error answers lack the error body')
    },
  },
  {
    group: 'money',
    name: 'every …Fen field of every answer is an integer number of fen',
    async run({ client }: Context) {
      const misses = client.exchanges.flatMap((e) => fenMisses(e.body).map((m) => `${where(e)}: ${m}`))
      listed(misses, client.exchanges.length, 'answers carry money that is not integer fen')
    },
  },
]
