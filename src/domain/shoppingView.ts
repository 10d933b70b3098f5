import type { Cart, Deposit, DoorSession, Receipt } from '@/api/types'
import { AppError, isErrorCode } from './errors'
import { formatDuration } from './time'

/** What the shopping screen knows: the followed door session and everything around it. */
export interface ShoppingFacts {
  session: DoorSession | null
  /** An open request (开门) is on its way. */
  requesting: boolean
  /** Waiting for the cloud's word on a session this phone is rejoining. */
  rejoining: boolean
  /** Why opening or rejoining failed; a session past opening makes it stale. */
  error: AppError | null
  /** When the door opened, on this phone's clock. */
  openedAtLocal: number | null
  closeReminder: boolean
  /** The socket's state: while it connects or is down, the cart may lag behind the shelves. */
  streamStatus: 'idle' | 'connecting' | 'open' | 'down'
  receipt: Receipt | null
  receiptError: AppError | null
  paymentPhase: 'idle' | 'paying' | 'confirming' | 'succeeded' | 'failed'
  paymentError: AppError | null
  /** Opened with no session (a restart on this page): whether the cloud said where the shopper is. */
  resumeStatus: 'idle' | 'checking' | 'unanswered' | 'answered'
  /** On a cabinet with several doors, the door this session opened (左门): the screen names it. */
  doorName?: string | null
}

/**
 * The one screen to show. `problem` names what its button does: `retryOrBack` follows the error's next
 * step (重试 the open, else back to the cabinet), `rescan` scans again, `askCloud` asks where the shopper
 * is, `reloadReceipt` loads the receipt again.
 */
export type ShoppingView =
  | { kind: 'loading'; text: string }
  | { kind: 'problem'; error: AppError; respond: 'retryOrBack' | 'rescan' | 'askCloud' | 'reloadReceipt' }
  | { kind: 'openFailed'; error: AppError; deposit: Deposit | null }
  | {
      kind: 'inside'
      state: 'open' | 'closed'
      title: string
      /**
       * The banner's second line: while open, a timer of how long (counted on screen from `openedAt`, this
       * phone's clock, so the clock's ticks re-render only the timer), or what happens after it closed.
       */
      line: { timer: true; openedAt: number | null } | { timer: false; text: string }
      remindToClose: boolean
      /** The socket is not open: the cart is being brought up to date over HTTP. */
      syncing: boolean
      /** Null on vision cabinets: nothing is known until the door closes. */
      cart: Cart | null
      /** A cart line can be objected to only while the door is open. */
      canObject: boolean
    }
  | { kind: 'receipt'; receipt: Receipt }
  | {
      kind: 'ending'
      title: string
      hint: string
      deposit: Deposit | null
      /**
       * 立即支付 when money is owed; `busy` while a payment is under way; `amountFen` what is owed (null with
       * a deposit, whose summary says what is still to pay).
       */
      pay: { label: string; busy: boolean; amountFen: number | null } | null
    }

const OPENING: ReadonlySet<string> = new Set(['opening', 'awaiting_confirmation'])

export function shoppingView(facts: ShoppingFacts): ShoppingView {
  const { session, error } = facts
  const state = session?.state
  const opening = state !== undefined && OPENING.has(state)

  if (error && (!session || opening)) return { kind: 'problem', error, respond: 'retryOrBack' }
  if (facts.rejoining && !session) return { kind: 'loading', text: '正在回到您的购物…' }
  if (facts.requesting || opening) return { kind: 'loading', text: '开门中…' }
  if (!session) return withoutSession(facts.resumeStatus)

  switch (session.state) {
    case 'failed':
    case 'cancelled': {
      const code = session.failure?.code
      return {
        kind: 'openFailed',
        error: new AppError(isErrorCode(code) ? code : 'DOOR_OPEN_FAILED', {
          detail: session.failure?.message,
        }),
        deposit: session.deposit ?? null,
      }
    }
    case 'open':
    case 'closed':
      return inside(session, session.state, facts)
    case 'settled':
      return receiptOrWait(facts)
    case 'payment_pending':
      // A failed charge paid in the app: the session stays payment_pending, the order is what changed.
      return facts.receipt?.status === 'paid' ? receiptOrWait(facts) : owed(session, facts)
    case 'empty':
      return {
        kind: 'ending',
        title: '本次未购物，未扣款',
        hint: session.deposit
          ? '柜门已关好，没有识别到您拿取商品，押金全额退回。'
          : '柜门已关好，没有识别到您拿取商品。',
        deposit: session.deposit ?? null,
        pay: null,
      }
    default:
      // under_review, and any state a newer cloud adds: nothing charged until someone has looked.
      return {
        kind: 'ending',
        title: '订单审核中，暂未扣款',
        hint: '系统未能自动确认您拿取的商品，工作人员会根据柜内记录核实后再结算，结果会通知您。',
        deposit: null,
        pay: null,
      }
  }
}

function withoutSession(resumeStatus: ShoppingFacts['resumeStatus']): ShoppingView {
  if (resumeStatus === 'answered')
    return { kind: 'problem', error: new AppError('SESSION_NOT_FOUND'), respond: 'rescan' }
  if (resumeStatus === 'unanswered')
    return { kind: 'problem', error: new AppError('NETWORK'), respond: 'askCloud' }
  return { kind: 'loading', text: '正在查询购物状态…' }
}

function inside(session: DoorSession, state: 'open' | 'closed', facts: ShoppingFacts): ShoppingView {
  return {
    kind: 'inside',
    state,
    title: state === 'open' ? `${facts.doorName ?? '柜门'}已打开，请取商品` : '门已关好，正在结算',
    line:
      state === 'open'
        ? { timer: true, openedAt: facts.openedAtLocal }
        : { timer: false, text: '识别完成后自动扣款并显示小票，无需操作' },
    remindToClose: state === 'open' && facts.closeReminder,
    syncing: facts.streamStatus === 'down' || facts.streamStatus === 'connecting',
    cart: session.recognition === 'after_close' ? null : session.cart,
    canObject: state === 'open',
  }
}

function receiptOrWait(facts: ShoppingFacts): ShoppingView {
  if (facts.receipt) return { kind: 'receipt', receipt: facts.receipt }
  if (facts.receiptError) return { kind: 'problem', error: facts.receiptError, respond: 'reloadReceipt' }
  return { kind: 'loading', text: '门已关好，正在结算…' }
}

function owed(session: DoorSession, facts: ShoppingFacts): ShoppingView {
  const { deposit } = session
  const busy = facts.paymentPhase === 'paying' || facts.paymentPhase === 'confirming'
  return {
    kind: 'ending',
    title: deposit ? '押金不足，还需支付' : '扣款失败，订单待支付',
    hint: facts.paymentError
      ? `${facts.paymentError.message}，${facts.paymentError.hint}`
      : deposit
        ? '本次拿取的商品超出了押金，请支付差额，以免影响下次购物。'
        : '免密扣款没有成功，请完成支付，以免影响下次购物。',
    deposit: deposit ?? null,
    pay: { label: busy ? '支付中…' : '立即支付', busy, amountFen: deposit ? null : session.cart.totalFen },
  }
}

/** The open door's timer text at `now`: 已开门 mm:ss, from zero when the opening time is not known. */
export function doorOpenFor(openedAt: number | null, now: number): string {
  return `已开门 ${formatDuration(openedAt ? Math.max(0, now - openedAt) : 0)}`
}
