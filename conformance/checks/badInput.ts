import { loadContract } from '../../mock/handlers/contract'
import { placeholderPath } from '../lib/client'
import { expect, short, type Check } from '../lib/suite'

/**
 * Input the app never sends but a server meets: malformed escapes in paths, bodies of the wrong type, not
 * JSON, or far too large. Each must be a 4xx with the error body (checked with every other answer by the
 * errors check), never a 5xx or a success.
 */
const contract = loadContract()
const JSON_WRITES = contract.operations.filter(
  (op) => op.bodyType === 'application/json' && op.method !== 'GET',
)
const WITH_PARAMS = contract.operations.filter((op) => /\{\w+\}/.test(op.path))
/** Larger than any request of the contract by far (a photo goes through uploads, not JSON). */
const OVERSIZED_BYTES = 2 * 1024 * 1024

function fourHundreds(answers: { what: string; status: number; body: unknown }[]): void {
  const misses = answers.filter((a) => a.status < 400 || a.status >= 500)
  expect(
    misses.length === 0,
    `${misses.length} of ${answers.length} answered outside 4xx:\n${misses
      .slice(0, 12)
      .map((a) => `${a.what} → ${a.status} ${short(a.body, 80)}`)
      .join('\n')}`,
  )
}

export const badInputChecks: Check[] = [
  {
    group: 'bad input',
    name: 'a malformed percent-escape in any path parameter is a 4xx',
    async run(ctx) {
      const token = ctx.users.shopper.token
      const answers = []
      for (const op of WITH_PARAMS) {
        for (const bad of ['abc%', '%E4%B8', '%zz']) {
          const rawPath = op.path.replace(/\{\w+\}/g, bad)
          const answer = await ctx.client.call(op.operationId, {
            rawPath,
            token,
            body: op.bodyType === 'application/json' ? {} : undefined,
            label: 'malformed escape',
          })
          answers.push({ what: `${op.method} ${rawPath}`, ...answer })
        }
      }
      fourHundreds(answers)
    },
  },
  {
    group: 'bad input',
    name: 'a JSON operation sent text/plain, or text that is not JSON, is a 4xx',
    async run(ctx) {
      const token = ctx.users.shopper.token
      const answers = []
      for (const op of JSON_WRITES) {
        const rawPath = placeholderPath(op.path, ctx.deviceCode, 'conformance-id')
        const plain = await ctx.client.call(op.operationId, {
          rawPath,
          token: op.auth === 'none' ? null : token,
          rawBody: JSON.stringify({ platform: ctx.platform, code: ctx.codes.shopper }),
          contentType: 'text/plain',
          label: 'text/plain body',
        })
        answers.push({ what: `${op.operationId} as text/plain`, ...plain })
        const broken = await ctx.client.call(op.operationId, {
          rawPath,
          token: op.auth === 'none' ? null : token,
          rawBody: '{"deviceCode": ',
          label: 'not JSON',
        })
        answers.push({ what: `${op.operationId} not JSON`, ...broken })
      }
      fourHundreds(answers)
    },
  },
  {
    group: 'bad input',
    name: `a body of ${OVERSIZED_BYTES / 1024 / 1024} MB is a 4xx`,
    async run(ctx) {
      const description = 'x'.repeat(OVERSIZED_BYTES)
      const answer = await ctx.client.call('createFaultReport', {
        token: ctx.users.shopper.token,
        body: { deviceCode: ctx.deviceCode, kind: 'other', description },
        label: 'oversized body',
      })
      fourHundreds([{ what: 'createFaultReport with 2 MB', ...answer }])
    },
  },
]
