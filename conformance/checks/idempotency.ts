import { randomUUID } from 'node:crypto'
import type { Answer } from '../lib/client'
import { expect, short, type Check, type Context } from '../lib/suite'

/**
 * Idempotency as the contract states it: the same Idempotency-Key with the same body replays the first
 * answer; with another body it is 409 IDEMPOTENCY_CONFLICT; duplicates sent at once have one effect.
 */
const codeOf = (a: Answer) => (a.body as { code?: string } | null)?.code
const idOf = (a: Answer) => (a.body as { id?: string } | null)?.id

function sameAnswer(first: Answer, again: Answer, what: string): void {
  expect(
    first.status === again.status && JSON.stringify(first.body) === JSON.stringify(again.body),
    `${what}: the replay answered ${again.status} ${short(again.body)}, the first ${first.status} ${short(first.body)}`,
  )
}

function conflict(answer: Answer, what: string): void {
  expect(
    answer.status === 409 && codeOf(answer) === 'IDEMPOTENCY_CONFLICT',
    `${what}: the same key with another body answered ${answer.status} ${short(answer.body)}, not 409 IDEMPOTENCY_CONFLICT`,
  )
}

const faultReport = (ctx: Context, description: string) => ({
  deviceCode: ctx.deviceCode,
  kind: 'other',
  description,
})

/** The shopper's newest paid order with no complaint (newest: still within the complaint window). */
async function complainableOrder(ctx: Context): Promise<{ orderId: string; productId: string }> {
  const token = ctx.users.shopper.token
  const list = await ctx.client.call('listOrders', { token, query: { limit: 20 } })
  const items = (list.body as { items?: { id: string; status: string; hasComplaint: boolean }[] }).items ?? []
  const order = items.find((o) => o.status === 'paid' && !o.hasComplaint)
  expect(order, 'the shopper needs a recent paid order without a complaint')
  const detail = await ctx.client.call('getOrder', { token, params: { orderId: order.id } })
  const productId = (detail.body as { lines?: { productId: string }[] }).lines?.[0]?.productId
  expect(detail.status === 200 && productId, `getOrder ${order.id} → ${detail.status} ${short(detail.body)}`)
  return { orderId: order.id, productId }
}

export const idempotencyChecks: Check[] = [
  {
    group: 'idempotency',
    name: 'login: the same key and body replay the first answer, and the replayed token works',
    async run(ctx) {
      const key = randomUUID()
      const body = { platform: ctx.platform, code: ctx.codes.shopper }
      const first = await ctx.client.call('login', { body, idempotencyKey: key, label: 'login' })
      const again = await ctx.client.call('login', { body, idempotencyKey: key, label: 'login replayed' })
      expect(first.status === 200, `login answered ${first.status} ${short(first.body)}`)
      sameAnswer(first, again, 'login')
      const token = (again.body as { token: string }).token
      const me = await ctx.client.call('getMe', { token, label: 'the replayed token' })
      expect(
        me.status === 200,
        `the replayed login's token is refused: getMe → ${me.status} ${short(me.body)}`,
      )
    },
  },
  {
    group: 'idempotency',
    name: 'login: the same key with another body → 409 IDEMPOTENCY_CONFLICT',
    async run(ctx) {
      const key = randomUUID()
      await ctx.client.call('login', {
        body: { platform: ctx.platform, code: ctx.codes.shopper },
        idempotencyKey: key,
      })
      conflict(
        await ctx.client.call('login', {
          body: { platform: ctx.platform, code: ctx.codes.other },
          idempotencyKey: key,
        }),
        'login',
      )
    },
  },
  {
    group: 'idempotency',
    name: 'fault report: replayed by key, a conflict with another body, five at once make one report',
    async run(ctx) {
      const token = ctx.users.shopper.token
      const key = randomUUID()
      const body = faultReport(ctx, '一致性检查：门关不上')
      const first = await ctx.client.call('createFaultReport', { token, body, idempotencyKey: key })
      expect(
        first.status === 201 && idOf(first),
        `createFaultReport answered ${first.status} ${short(first.body)}`,
      )
      sameAnswer(
        first,
        await ctx.client.call('createFaultReport', { token, body, idempotencyKey: key }),
        'fault report',
      )
      conflict(
        await ctx.client.call('createFaultReport', {
          token,
          body: faultReport(ctx, '一致性检查：另一件事'),
          idempotencyKey: key,
        }),
        'fault report',
      )
      const burstKey = randomUUID()
      const burstBody = faultReport(ctx, '一致性检查：同时提交')
      const burst = await Promise.all(
        Array.from({ length: 5 }, () =>
          ctx.client.call('createFaultReport', { token, body: burstBody, idempotencyKey: burstKey }),
        ),
      )
      const ids = new Set(burst.map(idOf))
      expect(
        burst.every((a) => a.status === 201) && ids.size === 1,
        `five reports sent at once with one key answered ${burst.map((a) => `${a.status} ${idOf(a)}`).join(', ')}`,
      )
    },
  },
  {
    group: 'idempotency',
    name: 'complaint: replayed by key, 409 on another body, one at once, COMPLAINT_ALREADY_OPEN for a new key',
    async run(ctx) {
      const token = ctx.users.shopper.token
      const { orderId, productId } = await complainableOrder(ctx)
      const body = {
        orderId,
        items: [{ productId, kind: 'not_taken' }],
        description: '一致性检查：没有拿这件商品',
        photoUploadIds: [],
      }
      const key = randomUUID()
      const burst = await Promise.all(
        Array.from({ length: 3 }, () =>
          ctx.client.call('createComplaint', { token, body, idempotencyKey: key }),
        ),
      )
      const ids = new Set(burst.map(idOf))
      expect(
        burst.every((a) => a.status === 201) && ids.size === 1,
        `three complaints sent at once with one key answered ${burst.map((a) => `${a.status} ${idOf(a)}`).join(', ')}`,
      )
      sameAnswer(
        burst[0]!,
        await ctx.client.call('createComplaint', { token, body, idempotencyKey: key }),
        'complaint',
      )
      conflict(
        await ctx.client.call('createComplaint', {
          token,
          body: { ...body, description: '一致性检查：换了说法' },
          idempotencyKey: key,
        }),
        'complaint',
      )
      const fresh = await ctx.client.call('createComplaint', { token, body, idempotencyKey: randomUUID() })
      expect(
        fresh.status === 409 && codeOf(fresh) === 'COMPLAINT_ALREADY_OPEN',
        `a new key for an order with an open complaint answered ${fresh.status} ${short(fresh.body)}, not 409 COMPLAINT_ALREADY_OPEN`,
      )
      const list = await ctx.client.call('listComplaints', { token })
      const mine = ((list.body as { items?: { orderId: string }[] }).items ?? []).filter(
        (c) => c.orderId === orderId,
      )
      expect(mine.length === 1, `the order has ${mine.length} complaints after all that, not 1`)
    },
  },
]
