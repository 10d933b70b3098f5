import { loadContract, type ContractOperation } from '../../mock/handlers/contract'
import { placeholderPath, type Answer } from '../lib/client'
import { expect, short, type Check, type Context, type Role } from '../lib/suite'

/**
 * Who may call what: 401 without a token or with a bad one, 403 across roles, and another user's object
 * answered exactly like a missing one (404), so ids cannot be probed.
 */
const contract = loadContract()
const operations = contract.operations.filter((op) => op.operationId !== 'openStream')
const needsToken = operations.filter((op) => op.auth === 'required')
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Ids no server has: the answer must not depend on them before the caller is known. */
const NO_SUCH_ID = 'conformance-no-such-id'

/** Sends an operation with placeholder parameters (the device of the run for `{deviceCode}`). */
async function probe(
  ctx: Context,
  op: ContractOperation,
  token: string | null,
  label: string,
): Promise<Answer> {
  const rawPath = placeholderPath(op.path, ctx.deviceCode, NO_SUCH_ID)
  return ctx.client.call(op.operationId, {
    rawPath,
    token,
    body: WRITES.has(op.method) && op.bodyType === 'application/json' ? {} : undefined,
    label,
  })
}

function statusSweep(
  ops: ContractOperation[],
  expected: number,
  token: (ctx: Context) => string | null,
  what: string,
): Check['run'] {
  return async (ctx) => {
    const misses: string[] = []
    for (const op of ops) {
      const answer = await probe(ctx, op, token(ctx), what)
      if (answer.status !== expected)
        misses.push(
          `${op.method} ${op.path} (${op.operationId}) → ${answer.status} ${short(answer.body, 100)}`,
        )
    }
    expect(
      misses.length === 0,
      `${misses.length} of ${ops.length} operations did not answer ${expected}:\n${misses.join('\n')}`,
    )
  }
}

const byPrefix = (prefix: string) => needsToken.filter((op) => op.path.startsWith(prefix))
/** Staff operations a shopper may call: binding by invite is how a shopper becomes staff. */
const staffOnly = byPrefix('/v1/staff/').filter((op) => op.operationId !== 'bindStaff')
const merchantOnly = byPrefix('/v1/merchant/')

const roleSweep = (role: Role, ops: ContractOperation[], to: string): Check => ({
  group: 'access',
  name: `a ${role} calling any ${to} operation gets 403 (before any input or existence check)`,
  run: statusSweep(ops, 403, (ctx) => ctx.users[role].token, `${role} → ${to}`),
})

/** The same request for another user's object and for a missing one must be indistinguishable. */
export async function sameAsMissing(
  ask: (id: string) => Promise<Answer>,
  ownedByOther: string,
  what: string,
): Promise<void> {
  const theirs = await ask(ownedByOther)
  const missing = await ask(`${ownedByOther}-missing`)
  const codeOf = (a: Answer) => (a.body as { code?: string } | null)?.code
  expect(
    theirs.status === 404 && theirs.status === missing.status && codeOf(theirs) === codeOf(missing),
    `${what}: another user's answers ${theirs.status} ${codeOf(theirs)}, a missing one ${missing.status} ${codeOf(missing)}; both must be the same 404`,
  )
}

async function firstOrderOf(ctx: Context, role: Role): Promise<string> {
  const answer = await ctx.client.call('listOrders', { token: ctx.users[role].token, query: { limit: 5 } })
  const id = (answer.body as { items?: { id: string }[] }).items?.[0]?.id
  expect(
    answer.status === 200 && id,
    `the ${role} user needs at least one order (listOrders → ${answer.status})`,
  )
  return id
}

export const accessChecks: Check[] = [
  {
    group: 'access',
    name: 'every operation that needs a token answers 401 without one',
    run: statusSweep(needsToken, 401, () => null, 'no token'),
  },
  {
    group: 'access',
    name: 'every operation that needs a token answers 401 to a token it never issued',
    run: statusSweep(needsToken, 401, () => 'conformance-not-a-token', 'bad token'),
  },
  roleSweep('shopper', staffOnly, 'staff'),
  roleSweep('shopper', merchantOnly, 'merchant'),
  roleSweep('staff', merchantOnly, 'merchant'),
  {
    group: 'access',
    name: "another shopper's order answers like a missing order: getOrder, payOrder, createComplaint",
    async run(ctx) {
      const orderId = await firstOrderOf(ctx, 'shopper')
      const token = ctx.users.other.token
      await sameAsMissing(
        (id) => ctx.client.call('getOrder', { params: { orderId: id }, token }),
        orderId,
        'getOrder',
      )
      await sameAsMissing(
        (id) =>
          ctx.client.call('payOrder', { params: { orderId: id }, token, body: { platform: ctx.platform } }),
        orderId,
        'payOrder',
      )
      await sameAsMissing(
        (id) =>
          ctx.client.call('createComplaint', {
            token,
            body: {
              orderId: id,
              items: [{ productId: 'p_conformance', kind: 'not_taken' }],
              description: '核对订单，这不是我的订单',
              photoUploadIds: [],
            },
          }),
        orderId,
        'createComplaint',
      )
    },
  },
  {
    group: 'access',
    name: "another shopper's complaint answers like a missing complaint",
    async run(ctx) {
      const complaints = await ctx.client.call('listComplaints', { token: ctx.users.shopper.token })
      const complaintId = (complaints.body as { items?: { id: string }[] }).items?.[0]?.id
      expect(complaintId, `the shopper needs a complaint (listComplaints → ${complaints.status})`)
      const token = ctx.users.other.token
      await sameAsMissing(
        (id) => ctx.client.call('getComplaint', { params: { complaintId: id }, token }),
        complaintId,
        'getComplaint',
      )
    },
  },
  {
    group: 'access',
    name: "another user's message answers like a missing message; one's own is marked read once",
    // A message needs something to happen to the cabinet (an alarm for its staff): the emulator's control side.
    needs: 'door',
    async run(ctx) {
      const control = ctx.control!
      await control('fault', { deviceCode: ctx.deviceCode, fault: 'lock_fault', on: true })
      try {
        const staff = ctx.users.staff.token
        const list = await ctx.client.call('listMessages', { token: staff })
        const messageId = (list.body as { items?: { id: string }[] }).items?.[0]?.id
        expect(
          messageId,
          `the cabinet's staff must be told of its lock fault (listMessages → ${list.status})`,
        )
        await sameAsMissing(
          (id) =>
            ctx.client.call('markMessageRead', { params: { messageId: id }, token: ctx.users.other.token }),
          messageId,
          'markMessageRead',
        )
        const read = await ctx.client.call('markMessageRead', { params: { messageId }, token: staff })
        const again = await ctx.client.call('markMessageRead', { params: { messageId }, token: staff })
        const readAt = (a: { body: unknown }) => (a.body as { readAt?: string | null } | null)?.readAt
        expect(
          read.status === 200 && readAt(read) && readAt(again) === readAt(read),
          `markMessageRead: ${read.status} then ${again.status}, readAt ${readAt(read)} then ${readAt(again)}`,
        )
      } finally {
        await control('fault', { deviceCode: ctx.deviceCode, fault: 'lock_fault', on: false })
      }
    },
  },
]
