import { expect, short, type Check } from '../lib/suite'

/** Cursor pagination as the contract states it: `{ items, nextCursor }`, `limit` 1–100, no repeats, no gaps. */
interface Page {
  items: { id: string; createdAt: string }[]
  nextCursor: string | null
}

const PAGES = 30

export const listChecks: Check[] = [
  {
    group: 'pagination',
    name: 'listOrders walked by cursor: newest first, no order twice, the pages join up, the last has no cursor',
    async run(ctx) {
      const token = ctx.users.shopper.token
      const seen = new Set<string>()
      const times: number[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const answer = await ctx.client.call('listOrders', {
          token,
          query: cursor ? { limit: 7, cursor } : { limit: 7 },
        })
        expect(answer.status === 200, `page ${pages + 1} → ${answer.status} ${short(answer.body)}`)
        const page = answer.body as Page
        expect(page.items.length <= 7, `a page of limit 7 held ${page.items.length}`)
        expect(page.nextCursor === null || page.items.length > 0, 'an empty page with a next cursor')
        for (const order of page.items) {
          expect(!seen.has(order.id), `order ${order.id} came twice`)
          seen.add(order.id)
          times.push(Date.parse(order.createdAt))
        }
        cursor = page.nextCursor
        pages += 1
      } while (cursor && pages < PAGES)
      expect(seen.size > 7, `the shopper needs more than one page of orders (has ${seen.size})`)
      expect(
        times.every((t, i) => i === 0 || t <= times[i - 1]!),
        'orders are not newest first',
      )
      if (!cursor) {
        // The whole list was walked: one page of the largest size says the same count.
        let total = 0
        let next: string | null = null
        do {
          const answer = await ctx.client.call('listOrders', {
            token,
            query: next ? { limit: 100, cursor: next } : { limit: 100 },
          })
          const page = answer.body as Page
          total += page.items.length
          next = page.nextCursor
        } while (next)
        expect(total === seen.size, `pages of 7 gave ${seen.size} orders, pages of 100 gave ${total}`)
      }
    },
  },
  {
    group: 'pagination',
    name: 'a limit outside 1–100 or a cursor the server never issued is a 4xx with the error body',
    async run(ctx) {
      const token = ctx.users.shopper.token
      const misses: string[] = []
      const queries: Record<string, string | number>[] = [
        { limit: 0 },
        { limit: 101 },
        { limit: 'many' },
        { cursor: 'conformance-not-a-cursor' },
      ]
      for (const query of queries) {
        const answer = await ctx.client.call('listOrders', {
          token,
          query,
          label: `listOrders ${JSON.stringify(query)}`,
        })
        if (answer.status < 400 || answer.status >= 500)
          misses.push(`${JSON.stringify(query)} → ${answer.status}`)
      }
      expect(misses.length === 0, misses.join('\n'))
    },
  },
]
