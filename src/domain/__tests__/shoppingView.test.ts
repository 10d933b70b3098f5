import type { Deposit, DoorSession, Receipt } from '@/api/types'
import { AppError } from '../errors'
import { doorOpenFor, shoppingView, type ShoppingFacts } from '../shoppingView'

const NOW = 1_700_000_000_000

const cart: DoorSession['cart'] = { lines: [], promotions: [], subtotalFen: 0, discountFen: 0, totalFen: 0 }

function door(state: DoorSession['state'], more: Partial<DoorSession> = {}): DoorSession {
  return {
    id: 'ds_1',
    deviceCode: 'D1',
    doorNo: 1,
    mode: 'shop',
    state,
    seq: 3,
    openDeadlineAt: '2024-01-01T00:00:20Z',
    cart,
    orderId: null,
    recognition: 'live',
    ...more,
  }
}

const deposit: Deposit = {
  kind: 'deposit',
  heldFen: 5000,
  chargedFen: 0,
  returnedFen: 5000,
  remainderFen: 0,
  returnState: 'processing',
}

const receipt = (status: Receipt['status']) => ({ id: 'o_1', status }) as Receipt

/** A shopper on the shopping screen, nothing under way unless the story says so. */
function facts(more: Partial<ShoppingFacts> = {}): ShoppingFacts {
  return {
    session: null,
    requesting: false,
    rejoining: false,
    error: null,
    openedAtLocal: null,
    closeReminder: false,
    streamStatus: 'open',
    receipt: null,
    receiptError: null,
    paymentPhase: 'idle',
    paymentError: null,
    resumeStatus: 'idle',
    ...more,
  }
}

describe('before the door opens', () => {
  test('an open that failed with no session shows the error, whose button retries or goes back', () => {
    const error = new AppError('DEVICE_OFFLINE')
    expect(shoppingView(facts({ error }))).toEqual({ kind: 'problem', error, respond: 'retryOrBack' })
  })

  test('a door still opening at the deadline shows the timeout, not 开门中', () => {
    const error = new AppError('DOOR_OPEN_TIMEOUT')
    for (const state of ['opening', 'awaiting_confirmation'] as const)
      expect(shoppingView(facts({ error, session: door(state) }))).toMatchObject({ kind: 'problem', error })
  })

  test('an error left from before does not hide a door that opened after all', () => {
    const view = shoppingView(facts({ error: new AppError('OPEN_UNCONFIRMED'), session: door('open') }))
    expect(view.kind).toBe('inside')
  })

  test('rejoining a session: 正在回到您的购物', () => {
    expect(shoppingView(facts({ rejoining: true }))).toEqual({ kind: 'loading', text: '正在回到您的购物…' })
  })

  test('the open on its way, or the door opening: 开门中', () => {
    expect(shoppingView(facts({ requesting: true }))).toEqual({ kind: 'loading', text: '开门中…' })
    expect(shoppingView(facts({ session: door('opening') }))).toEqual({ kind: 'loading', text: '开门中…' })
    expect(shoppingView(facts({ session: door('awaiting_confirmation') }))).toEqual({
      kind: 'loading',
      text: '开门中…',
    })
  })
})

describe('opened with no session (a restart on this page)', () => {
  test('while the cloud is asked: 正在查询购物状态', () => {
    for (const resumeStatus of ['idle', 'checking'] as const)
      expect(shoppingView(facts({ resumeStatus }))).toEqual({ kind: 'loading', text: '正在查询购物状态…' })
  })

  test('the cloud knows no session: scan again', () => {
    expect(shoppingView(facts({ resumeStatus: 'answered' }))).toMatchObject({
      kind: 'problem',
      error: { code: 'SESSION_NOT_FOUND' },
      respond: 'rescan',
    })
  })

  test('the cloud did not answer: a network error whose button asks again', () => {
    expect(shoppingView(facts({ resumeStatus: 'unanswered' }))).toMatchObject({
      kind: 'problem',
      error: { code: 'NETWORK' },
      respond: 'askCloud',
    })
  })
})

describe('the door did not open', () => {
  test('the cloud’s reason is shown with the deposit it returns', () => {
    const session = door('failed', { failure: { code: 'DEVICE_LOCK_FAULT', message: 'lock' }, deposit })
    expect(shoppingView(facts({ session }))).toMatchObject({
      kind: 'openFailed',
      error: { code: 'DEVICE_LOCK_FAULT', detail: 'lock' },
      deposit,
    })
  })

  test('a reason the app does not know, or none, reads as 开门失败', () => {
    // A code from a cloud newer than this app.
    const failure = { code: 'SOMETHING_NEW', message: '' } as unknown as DoorSession['failure']
    const unknown = door('failed', { failure })
    expect(shoppingView(facts({ session: unknown }))).toMatchObject({
      kind: 'openFailed',
      error: { code: 'DOOR_OPEN_FAILED' },
      deposit: null,
    })
    expect(shoppingView(facts({ session: door('cancelled') }))).toMatchObject({
      kind: 'openFailed',
      error: { code: 'DOOR_OPEN_FAILED' },
    })
  })
})

describe('the door is open, then closed', () => {
  test('a door of a two-door cabinet is named: 左门已打开', () => {
    expect(shoppingView(facts({ session: door('open'), doorName: '左门' }))).toMatchObject({
      title: '左门已打开，请取商品',
    })
    expect(shoppingView(facts({ session: door('open'), doorName: null }))).toMatchObject({
      title: '柜门已打开，请取商品',
    })
  })

  test('open: how long, the live cart, lines can be objected to', () => {
    const view = shoppingView(facts({ session: door('open'), openedAtLocal: NOW - 83_000 }))
    expect(view).toEqual({
      kind: 'inside',
      state: 'open',
      title: '柜门已打开，请取商品',
      line: { timer: true, openedAt: NOW - 83_000 },
      remindToClose: false,
      syncing: false,
      cart,
      canObject: true,
    })
  })

  test('the timer reads how long the door has been open, from zero when the opening time is not known', () => {
    expect(doorOpenFor(NOW - 83_000, NOW)).toBe('已开门 01:23')
    expect(doorOpenFor(NOW + 5_000, NOW)).toBe('已开门 00:00')
    expect(doorOpenFor(null, NOW)).toBe('已开门 00:00')
  })

  test('open a long time: the reminder to close', () => {
    expect(shoppingView(facts({ session: door('open'), closeReminder: true }))).toMatchObject({
      remindToClose: true,
    })
  })

  test('the socket connecting or down: the cart is said to be syncing', () => {
    for (const [streamStatus, syncing] of [
      ['down', true],
      ['connecting', true],
      ['open', false],
      ['idle', false],
    ] as const)
      expect(shoppingView(facts({ session: door('open'), streamStatus }))).toMatchObject({ syncing })
  })

  test('a vision cabinet shows no cart until the door closes', () => {
    expect(shoppingView(facts({ session: door('open', { recognition: 'after_close' }) }))).toMatchObject({
      cart: null,
    })
  })

  test('closed: settling, no reminder, nothing to object to any more', () => {
    expect(shoppingView(facts({ session: door('closed'), closeReminder: true }))).toEqual({
      kind: 'inside',
      state: 'closed',
      title: '门已关好，正在结算',
      line: { timer: false, text: '识别完成后自动扣款并显示小票，无需操作' },
      remindToClose: false,
      syncing: false,
      cart,
      canObject: false,
    })
  })
})

describe('after the door closed', () => {
  test('settled: the receipt once loaded; meanwhile 正在结算; a failed load offers to load again', () => {
    const session = door('settled', { orderId: 'o_1' })
    expect(shoppingView(facts({ session }))).toEqual({ kind: 'loading', text: '门已关好，正在结算…' })
    const paid = receipt('paid')
    expect(shoppingView(facts({ session, receipt: paid }))).toEqual({ kind: 'receipt', receipt: paid })
    const receiptError = new AppError('ORDER_NOT_FOUND')
    expect(shoppingView(facts({ session, receiptError }))).toEqual({
      kind: 'problem',
      error: receiptError,
      respond: 'reloadReceipt',
    })
  })

  test('a failed charge paid in the app: the receipt, though the session still says payment_pending', () => {
    const paid = receipt('paid')
    expect(shoppingView(facts({ session: door('payment_pending'), receipt: paid }))).toEqual({
      kind: 'receipt',
      receipt: paid,
    })
  })

  test('nothing taken: not charged, the deposit said to come back in full', () => {
    expect(shoppingView(facts({ session: door('empty', { deposit }) }))).toEqual({
      kind: 'ending',
      title: '本次未购物，未扣款',
      hint: '柜门已关好，没有识别到您拿取商品，押金全额退回。',
      deposit,
      pay: null,
    })
    expect(shoppingView(facts({ session: door('empty') }))).toMatchObject({
      hint: '柜门已关好，没有识别到您拿取商品。',
      deposit: null,
    })
  })

  test('the charge failed: what is owed, 立即支付, 支付中 while paying, the payment’s error once it failed', () => {
    const session = door('payment_pending', { orderId: 'o_1', cart: { ...cart, totalFen: 1290 } })
    expect(shoppingView(facts({ session, receipt: receipt('unpaid') }))).toEqual({
      kind: 'ending',
      title: '扣款失败，订单待支付',
      hint: '免密扣款没有成功，请完成支付，以免影响下次购物。',
      deposit: null,
      pay: { label: '立即支付', busy: false, amountFen: 1290 },
    })
    for (const paymentPhase of ['paying', 'confirming'] as const)
      expect(shoppingView(facts({ session, paymentPhase }))).toMatchObject({
        pay: { label: '支付中…', busy: true },
      })
    const paymentError = new AppError('PAYMENT_FAILED')
    expect(shoppingView(facts({ session, paymentPhase: 'failed', paymentError }))).toMatchObject({
      hint: '支付失败，请重新支付，或更换支付方式',
      pay: { label: '立即支付', busy: false },
    })
  })

  test('more taken than the deposit covers: the difference to pay, said by the deposit summary', () => {
    expect(shoppingView(facts({ session: door('payment_pending', { deposit }) }))).toMatchObject({
      kind: 'ending',
      title: '押金不足，还需支付',
      hint: '本次拿取的商品超出了押金，请支付差额，以免影响下次购物。',
      deposit,
      pay: { amountFen: null },
    })
  })

  test('under review: not charged yet, someone will check', () => {
    expect(shoppingView(facts({ session: door('under_review') }))).toEqual({
      kind: 'ending',
      title: '订单审核中，暂未扣款',
      hint: '系统未能自动确认您拿取的商品，工作人员会根据柜内记录核实后再结算，结果会通知您。',
      deposit: null,
      pay: null,
    })
  })
})
