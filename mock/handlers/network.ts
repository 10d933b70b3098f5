/**
 * Network trouble the hosts inject in front of the handlers (the cloud itself never sees it): latency, and
 * exchanges lost on the way in (the request never arrives) or on the way back (the cloud did the work, the
 * answer is lost).
 *
 * What is counted is the app's attempts, not the packets. A browser that loses the answer of a request sent
 * on a reused keep-alive connection sends the very same request again by itself, and the app never learns
 * of the first loss; a drop that let that resend through would seem to do nothing. Each attempt of the app
 * carries its own X-Request-Id, which the browser's resend repeats, so a request id that was dropped once is
 * dropped again without counting: one lost attempt is what the app sees.
 */

import { prng } from '../model/util'

/** Where an exchange is lost: before the cloud sees the request, or after, on the answer's way back. */
export type DropStage = 'request' | 'answer'

/** The next `left` attempts of one operation lost at one stage; `dropped` so far. */
export interface OperationDrop {
  operationId: string
  stage: DropStage
  left: number
  dropped: number
}

/**
 * A lossy link: each API exchange is lost on the way in with `requestPct` per cent, else on the way back
 * with `answerPct` per cent, drawn from a generator seeded with `seed`, so two runs with the same seed lose
 * the same exchanges in the same order. A lost exchange is silent, as a lost packet is: no answer and no
 * reset, and the phone learns of it only from its own timeout.
 */
export interface RandomLoss {
  requestPct: number
  answerPct: number
  seed: number
}

/** The network faults as the control side shows them. */
export interface NetworkFaults {
  /** Added before every API answer, in real milliseconds. */
  latencyMs: number
  /** Exchanges lost at random (null: none). */
  loss: RandomLoss | null
  /** The next N API requests, of any operation, fail as if the connection dropped, before the cloud sees them. */
  dropRequests: number
  /** The next N API requests, of any operation, are performed, then their answer is lost on the way back. */
  dropResponses: number
  /** Drops aimed at one operation, in the order they were set. */
  drops: OperationDrop[]
}

/** A browser resends at once; a minute is long enough to recognize the resend and short enough to forget. */
const RESEND_MEMORY_MS = 60_000
const RESEND_MEMORY_SIZE = 256

/** How long a silently lost exchange keeps its connection before the host lets it go. */
export const SILENCE_MS = 60_000

export class Network {
  latencyMs = 0
  dropRequests = 0
  dropResponses = 0
  private loss: RandomLoss | null = null
  private draw: () => number = () => 1
  /** The stage each lossy exchange was lost at, drawn once when its request came in. */
  private readonly fate = new Map<string, DropStage | null>()
  private readonly drops = new Map<string, OperationDrop>()
  /** Request ids already dropped, per stage, with when (real time: the browser's resend does not time travel). */
  private readonly dropped: Record<DropStage, Map<string, number>> = { request: new Map(), answer: new Map() }

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Aims a drop at one operation: its next `count` attempts are lost at `stage`. Replaces an earlier drop of
   * that operation at that stage; a count of 0 removes it.
   */
  dropNext(operationId: string, count: number, stage: DropStage = 'answer'): OperationDrop | null {
    const key = `${stage}:${operationId}`
    this.drops.delete(key)
    if (count <= 0) return null
    const drop: OperationDrop = { operationId, stage, left: count, dropped: 0 }
    this.drops.set(key, drop)
    return { ...drop }
  }

  /** Loses exchanges at random from now on (percentages 0 to 100), or no longer (null). */
  setLoss(loss: RandomLoss | null): void {
    this.loss = loss && (loss.requestPct > 0 || loss.answerPct > 0) ? { ...loss } : null
    this.draw = this.loss ? prng(this.loss.seed) : () => 1
    this.fate.clear()
  }

  /**
   * Where the random loss loses this attempt, if anywhere: drawn once when its request arrives, and the
   * same again for a browser's resend of it (the same X-Request-Id). Without an id every exchange is an
   * attempt of its own.
   */
  randomLoss(requestId: string | null): DropStage | null {
    if (!this.loss) return null
    const known = requestId === null ? undefined : this.fate.get(requestId)
    if (known !== undefined) return known
    const fate = this.drawFate()
    if (requestId !== null) {
      this.fate.set(requestId, fate)
      while (this.fate.size > RESEND_MEMORY_SIZE) this.fate.delete(this.fate.keys().next().value as string)
    }
    return fate
  }

  private drawFate(): DropStage | null {
    const loss = this.loss!
    if (this.draw() * 100 < loss.requestPct) return 'request'
    if (this.draw() * 100 < loss.answerPct) return 'answer'
    return null
  }

  /**
   * Whether this exchange is lost at `stage`, counting it against the drop it falls under. `requestId` is
   * the request's X-Request-Id (null when it has none: then every request is an attempt of its own).
   */
  shouldDrop(stage: DropStage, operationId: string, requestId: string | null): boolean {
    const seen = this.dropped[stage]
    this.forgetOld(seen)
    if (requestId !== null && seen.has(requestId)) return true
    // A spent drop stays listed (left 0), so the simulator can still show what it did.
    const aimed = this.drops.get(`${stage}:${operationId}`)
    if (aimed && aimed.left > 0) {
      aimed.left -= 1
      aimed.dropped += 1
    } else if (stage === 'request' && this.dropRequests > 0) this.dropRequests -= 1
    else if (stage === 'answer' && this.dropResponses > 0) this.dropResponses -= 1
    else return false
    if (requestId !== null) this.remember(seen, requestId)
    return true
  }

  view(): NetworkFaults {
    return {
      latencyMs: this.latencyMs,
      loss: this.loss ? { ...this.loss } : null,
      dropRequests: this.dropRequests,
      dropResponses: this.dropResponses,
      drops: [...this.drops.values()].map((d) => ({ ...d })),
    }
  }

  private remember(seen: Map<string, number>, requestId: string): void {
    seen.set(requestId, this.now())
    while (seen.size > RESEND_MEMORY_SIZE) seen.delete(seen.keys().next().value as string)
  }

  private forgetOld(seen: Map<string, number>): void {
    const oldest = this.now() - RESEND_MEMORY_MS
    for (const [id, at] of seen) {
      if (at >= oldest) break
      seen.delete(id)
    }
  }
}
