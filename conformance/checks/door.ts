import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'
import { check as checkAnswer } from '../lib/answers'
import type { Answer } from '../lib/client'
import { expect, short, type Check, type Context } from '../lib/suite'
import { sameAsMissing } from './access'

/**
 * A shopper's door session end to end: one session per intent however often it is sent, the states in
 * the contract's order, numbered events with no gaps over HTTP and over the stream, and a stream resumed
 * after a drop from the last event seen. Goods are taken and the door closed through the emulator's
 * control side, so these checks run only against the emulator.
 */
const ORDER = ['awaiting_confirmation', 'opening', 'open', 'closed']
const ENDINGS = ['settled', 'empty', 'payment_pending', 'under_review', 'failed', 'cancelled']
const POLL_MS = 100
const WAIT_MS = 15_000

interface Session {
  id: string
  state: string
  seq: number
  doorNo: number
}
interface SessionEvent {
  seq: number
  kind: string
  session: Session
}

const sessionOf = (a: Answer) => a.body as Session

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const value = await read()
    if (done(value)) return value
    expect(Date.now() < deadline, `${what}: still ${short(value)} after ${WAIT_MS / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

/** A product the cabinet has in stock on the session's door. */
async function productToTake(ctx: Context, doorNo: number): Promise<string> {
  const landing = await ctx.client.call('getCabinetLanding', {
    token: ctx.users.shopper.token,
    params: { deviceCode: ctx.deviceCode },
  })
  const goods =
    (landing.body as { goods?: { productId: string; doorNo: number; stock: number }[] }).goods ?? []
  const product = goods.find((g) => g.doorNo === doorNo && g.stock >= 3)
  expect(product, `the cabinet ${ctx.deviceCode} needs a product with 3 in stock on door ${doorNo}`)
  return product.productId
}

/** The stream's messages for one subscription, validated against the contract as they come. */
class Subscription {
  readonly events: SessionEvent[] = []
  readonly problems: string[] = []
  private socket: WebSocket

  private constructor(socket: WebSocket) {
    this.socket = socket
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; event?: SessionEvent; code?: string }
      if (message.type === 'event' && message.event) this.events.push(message.event)
      if (message.type === 'error') this.problems.push(`stream error ${message.code}`)
    })
  }

  static async open(ctx: Context, sessionId: string, afterSeq: number): Promise<Subscription> {
    const url = new URL('/v1/stream', ctx.base.replace(/^http/, 'ws'))
    url.searchParams.set('token', ctx.users.shopper.token)
    const socket = new WebSocket(url)
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    const subscription = new Subscription(socket)
    socket.send(JSON.stringify({ type: 'subscribe', sessionId, afterSeq }))
    return subscription
  }

  close(): void {
    this.socket.terminate()
  }
}

/** Sequence numbers `from`, `from + 1`, … with nothing missing or repeated. */
function inSequence(seqs: number[], from: number, what: string): void {
  const expected = seqs.map((_, i) => from + i)
  expect(
    JSON.stringify(seqs) === JSON.stringify(expected),
    `${what}: seq ${seqs.join(',')}, expected ${expected.join(',')}`,
  )
}

async function openSession(ctx: Context): Promise<{ session: Session; answers: Answer[] }> {
  const token = ctx.users.shopper.token
  const key = randomUUID()
  const body = { deviceCode: ctx.deviceCode, intentId: `conformance-${randomUUID()}`, mode: 'shop' }
  // A double tap and two retries at once: the cloud must open once.
  const answers = await Promise.all(
    Array.from({ length: 4 }, () =>
      ctx.client.call('openDoor', { token, body, idempotencyKey: key, label: 'open' }),
    ),
  )
  const ids = new Set(answers.map((a) => sessionOf(a).id))
  expect(
    answers.every((a) => a.status === 201) && ids.size === 1,
    `four opens of one intent at once answered ${answers.map((a) => `${a.status} ${sessionOf(a).id ?? short(a.body)}`).join(', ')}`,
  )
  const other = await ctx.client.call('openDoor', {
    token,
    body: { ...body, doorNo: 2 },
    idempotencyKey: key,
    label: 'same key, another door',
  })
  expect(
    other.status === 409 && (other.body as { code?: string }).code === 'IDEMPOTENCY_CONFLICT',
    `the same key for another door answered ${other.status} ${short(other.body)}, not 409 IDEMPOTENCY_CONFLICT`,
  )
  return { session: sessionOf(answers[0]!), answers }
}

export const doorChecks: Check[] = [
  {
    group: 'door session',
    needs: 'door',
    name: 'one session per intent, states in order, events numbered without gaps over HTTP and the stream, resumed after a drop',
    async run(ctx) {
      const control = ctx.control!
      const token = ctx.users.shopper.token
      const { session } = await openSession(ctx)
      const states: string[] = [session.state]
      const read = async () => {
        const s = sessionOf(
          await ctx.client.call('getDoorSession', { token, params: { sessionId: session.id } }),
        )
        if (states.at(-1) !== s.state) states.push(s.state)
        return s
      }
      await until(read, (s) => s.state === 'open', 'the door to open')

      const stream = await Subscription.open(ctx, session.id, 0)
      const productId = await productToTake(ctx, session.doorNo)
      const door = { deviceCode: ctx.deviceCode, doorNo: session.doorNo }
      await control('take', { ...door, productId, qty: 2 })
      await control('return', { ...door, productId, qty: 1 })
      const beforeDrop = await until(read, (s) => s.seq >= 3, 'the take and the return to reach the session')
      await until(
        async () => stream.events.length,
        (n) => n >= beforeDrop.seq,
        'the stream to send every event',
      )
      stream.close()
      const lastSeen = stream.events.at(-1)!.seq

      // While the phone's socket is gone the shopper takes another.
      await control('take', { ...door, productId, qty: 1 })
      await until(read, (s) => s.seq > lastSeen, 'the take to reach the session')
      const resumed = await Subscription.open(ctx, session.id, lastSeen)
      await control('close', door)
      const ended = await until(
        read,
        (s) => ENDINGS.includes(s.state),
        'the session to end after the door closed',
      )
      await until(
        async () => resumed.events.length,
        (n) => n >= ended.seq - lastSeen,
        'the resumed stream to catch up',
      )
      resumed.close()

      const list = await ctx.client.call('listDoorSessionEvents', {
        token,
        params: { sessionId: session.id },
      })
      const all = (list.body as { items: SessionEvent[]; seq: number }).items
      inSequence(
        all.map((e) => e.seq),
        1,
        'listDoorSessionEvents from 0',
      )
      expect((list.body as { seq: number }).seq === all.at(-1)?.seq, 'the list seq is its last event')
      const tail = await ctx.client.call('listDoorSessionEvents', {
        token,
        params: { sessionId: session.id },
        query: { afterSeq: 2 },
      })
      inSequence(
        (tail.body as { items: SessionEvent[] }).items.map((e) => e.seq),
        3,
        'listDoorSessionEvents after 2',
      )

      inSequence(
        stream.events.map((e) => e.seq),
        1,
        'the stream from 0',
      )
      inSequence(
        resumed.events.map((e) => e.seq).slice(0, ended.seq - lastSeen),
        lastSeen + 1,
        'the resumed stream',
      )
      const problems = [...stream.problems, ...resumed.problems]
      for (const e of [...stream.events, ...resumed.events]) {
        for (const v of checkAnswer({
          operationId: 'listDoorSessionEvents',
          status: 200,
          body: { items: [e], seq: e.seq },
          label: 'stream',
        }))
          problems.push(`stream event ${e.seq}: ${v.problem}`)
      }
      expect(problems.length === 0, problems.join('\n'))

      const path = states.filter((s) => !ENDINGS.includes(s))
      const ranks = path.map((s) => ORDER.indexOf(s))
      expect(
        ranks.every((r, i) => r >= 0 && (i === 0 || r > ranks[i - 1]!)) && ENDINGS.includes(states.at(-1)!),
        `states seen ${states.join(' → ')} do not follow ${ORDER.join(' → ')} → an ending`,
      )

      await sameAsMissing(
        (id) =>
          ctx.client.call('getDoorSession', { params: { sessionId: id }, token: ctx.users.other.token }),
        session.id,
        "another shopper's getDoorSession",
      )
    },
  },
]
