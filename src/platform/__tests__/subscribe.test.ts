/**
 * Subscribe messages (订阅消息) behind the seam, one platform at a time, against stand-ins shaped as each
 * platform's documentation says: WeChat `wx.requestSubscribeMessage` (one word per template id, errCode on
 * failure) with `wx.getSetting({ withSubscriptions: true })` for the kept choices; Alipay
 * `my.requestSubscribeMessage` (behavior, keep, refuse, the `result` lists, errorCode on failure); nothing on
 * the web.
 */
import type { SubscribeAnswer } from '../types'

type Options = Record<string, unknown> & {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
}

const globals = globalThis as Record<string, unknown>

// Templates a shopper may be asked for at the end of a purchase.
const ORDER_SETTLED = 'tmpl-order-settled'
const REFUND_DONE = 'tmpl-refund-done'
const COMPLAINT_ANSWERED = 'tmpl-complaint-answered'
const DOOR_LEFT_OPEN = 'tmpl-door-left-open'

afterEach(() => {
  delete globals.wx
  delete globals.my
})

describe('WeChat: wx.requestSubscribeMessage', () => {
  /** The shopper answers the panel with `answer`; `setting` plays wx.getSetting afterwards. */
  async function ask(
    templateIds: string[],
    answer: (o: Options) => void,
    setting: (o: Options) => void = (o) =>
      o.success?.({ authSetting: {}, subscriptionsSetting: { mainSwitch: true } }),
  ) {
    const calls: [string, Options][] = []
    globals.wx = {
      requestSubscribeMessage: (o: Options) => {
        calls.push(['requestSubscribeMessage', o])
        answer(o)
      },
      getSetting: (o: Options) => {
        calls.push(['getSetting', o])
        setting(o)
      },
    }
    const { platform } = await import('../index.weapp')
    return { result: await platform.requestSubscribe(templateIds), calls }
  }

  const answering =
    (words: Record<string, string>) =>
    (o: Options): void =>
      o.success?.({ errMsg: 'requestSubscribeMessage:ok', ...words })

  test.each<SubscribeAnswer>(['accept', 'reject', 'ban', 'filter'])(
    'a template answered %s keeps that word',
    async (word) => {
      const { result, calls } = await ask([ORDER_SETTLED], answering({ [ORDER_SETTLED]: word }))
      expect(calls[0]).toEqual([
        'requestSubscribeMessage',
        expect.objectContaining({ tmplIds: [ORDER_SETTLED] }),
      ])
      expect(result).toEqual({ ok: true, answers: { [ORDER_SETTLED]: word }, keep: false })
    },
  )

  test('a mixed answer is told template by template; an id without a known word was not accepted', async () => {
    const { result } = await ask(
      [ORDER_SETTLED, REFUND_DONE, COMPLAINT_ANSWERED],
      answering({ [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'filter', [COMPLAINT_ANSWERED]: 'maybe' }),
    )
    expect(result).toEqual({
      ok: true,
      answers: { [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'filter', [COMPLAINT_ANSWERED]: 'reject' },
      keep: false,
    })
  })

  test('"always keep this choice" is read from the settings: every asked template listed there', async () => {
    const { result, calls } = await ask(
      [ORDER_SETTLED, REFUND_DONE],
      answering({ [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'reject' }),
      (o) =>
        o.success?.({
          authSetting: {},
          subscriptionsSetting: {
            mainSwitch: true,
            itemSettings: { [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'reject', 'tmpl-other': 'ban' },
          },
        }),
    )
    expect(calls[1]).toEqual(['getSetting', expect.objectContaining({ withSubscriptions: true })])
    expect(result).toMatchObject({ ok: true, keep: true })
  })

  test('a template missing from the kept settings means the panel may ask again', async () => {
    const { result } = await ask(
      [ORDER_SETTLED, REFUND_DONE],
      answering({ [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'accept' }),
      (o) =>
        o.success?.({
          authSetting: {},
          subscriptionsSetting: { mainSwitch: true, itemSettings: { [ORDER_SETTLED]: 'accept' } },
        }),
    )
    expect(result).toEqual({
      ok: true,
      answers: { [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'accept' },
      keep: false,
    })
  })

  test('settings that cannot be read keep the answers and say nothing is kept', async () => {
    const { result } = await ask([ORDER_SETTLED], answering({ [ORDER_SETTLED]: 'accept' }), (o) =>
      o.fail?.({ errMsg: 'getSetting:fail' }),
    )
    expect(result).toEqual({ ok: true, answers: { [ORDER_SETTLED]: 'accept' }, keep: false })
  })

  test("more than 3 templates: the first 3 are asked, in the caller's order", async () => {
    const { result, calls } = await ask(
      [ORDER_SETTLED, REFUND_DONE, COMPLAINT_ANSWERED, DOOR_LEFT_OPEN],
      answering({ [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'accept', [COMPLAINT_ANSWERED]: 'accept' }),
    )
    expect(calls[0]?.[1].tmplIds).toEqual([ORDER_SETTLED, REFUND_DONE, COMPLAINT_ANSWERED])
    expect(result).toMatchObject({ ok: true })
    expect(Object.keys(result.ok ? result.answers : {})).not.toContain(DOOR_LEFT_OPEN)
  })

  test('nothing to ask: no panel, an empty answer', async () => {
    const { result, calls } = await ask([], answering({}))
    expect(calls).toEqual([])
    expect(result).toEqual({ ok: true, answers: {}, keep: false })
  })

  test.each([
    [20004, 'The main switch is switched off', 'switched_off'],
    [20005, 'This mini program was banned from subscribing messages', 'unsupported'],
    [10001, "TmplIds can't be empty", 'failed'],
    [10002, 'Request list fail', 'failed'],
    [10003, 'Request subscribe fail', 'failed'],
    [10004, 'Invalid template id', 'failed'],
    [10005, 'Cannot show subscribe message UI', 'failed'],
    [20001, 'No template data return, verify the template id exist', 'failed'],
    [20002, 'Templates type must be same', 'failed'],
    [20003, 'Templates count out of max bounds', 'failed'],
    [20013, 'Reject DeviceMsg Template', 'failed'],
  ])('errCode %s (%s) is %s, with the code in the detail', async (errCode, text, reason) => {
    const errMsg = `requestSubscribeMessage:fail ${text}`
    const { result, calls } = await ask([ORDER_SETTLED], (o) => o.fail?.({ errCode, errMsg }))
    expect(result).toEqual({ ok: false, reason, detail: `${errCode} ${errMsg}` })
    // A failed request has no choice to keep: the settings are not read.
    expect(calls.map(([name]) => name)).toEqual(['requestSubscribeMessage'])
  })

  test('an Android client that spells it errorCode is read by that code', async () => {
    const { result } = await ask([ORDER_SETTLED], (o) =>
      o.fail?.({
        errorCode: 20005,
        errMsg: 'requestSubscribeMessage:fail This mini program was banned from subscribing messages',
      }),
    )
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' })
  })

  test('the main switch is recognised from errMsg alone', async () => {
    const { result } = await ask([ORDER_SETTLED], (o) =>
      o.fail?.({ errMsg: 'requestSubscribeMessage:fail The main switch is switched off' }),
    )
    expect(result).toMatchObject({ ok: false, reason: 'switched_off' })
  })

  test('a base library without the call cannot ask; a call that throws is a failure, never a throw', async () => {
    globals.wx = {}
    const { platform } = await import('../index.weapp')
    await expect(platform.requestSubscribe([ORDER_SETTLED])).resolves.toMatchObject({
      ok: false,
      reason: 'unsupported',
    })
    const { result } = await ask([ORDER_SETTLED], () => {
      throw new Error('boom')
    })
    expect(result).toEqual({ ok: false, reason: 'failed', detail: 'boom' })
  })
})

describe('Alipay: my.requestSubscribeMessage', () => {
  async function ask(templateIds: string[], answer: (o: Options) => void) {
    const calls: Options[] = []
    globals.my = {
      requestSubscribeMessage: (o: Options) => {
        calls.push(o)
        answer(o)
      },
    }
    const { platform } = await import('../index.alipay')
    return { result: await platform.requestSubscribe(templateIds), calls }
  }

  const subscribed = (res: Record<string, unknown>) => (o: Options) =>
    o.success?.({ behavior: 'subscribe', show: true, keep: false, refuse: false, ...res })

  test('asks with entityIds; templates subscribed in the end are accepted', async () => {
    const { result, calls } = await ask(
      [ORDER_SETTLED, REFUND_DONE],
      subscribed({
        [ORDER_SETTLED]: 'accept',
        [REFUND_DONE]: 'accept',
        result: {
          subscribeEntityIds: [ORDER_SETTLED, REFUND_DONE],
          subscribedEntityIds: [ORDER_SETTLED, REFUND_DONE],
          unsubscribedEntityIds: [],
          currentSubscribedEntityIds: [ORDER_SETTLED, REFUND_DONE],
        },
      }),
    )
    expect(calls[0]?.entityIds).toEqual([ORDER_SETTLED, REFUND_DONE])
    expect(calls[0]).not.toHaveProperty('tmplIds')
    expect(result).toEqual({
      ok: true,
      answers: { [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'accept' },
      keep: false,
    })
  })

  test('a mixed answer: what stayed unticked is a reject, and `result` wins over the per-id keys', async () => {
    const { result } = await ask(
      [ORDER_SETTLED, REFUND_DONE, COMPLAINT_ANSWERED],
      subscribed({
        [ORDER_SETTLED]: 'reject',
        [REFUND_DONE]: 'reject',
        [COMPLAINT_ANSWERED]: 'accept',
        result: {
          subscribeEntityIds: [REFUND_DONE],
          subscribedEntityIds: [ORDER_SETTLED, REFUND_DONE],
          unsubscribedEntityIds: [COMPLAINT_ANSWERED],
          currentSubscribedEntityIds: [REFUND_DONE],
        },
      }),
    )
    expect(result).toEqual({
      ok: true,
      answers: { [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'accept', [COMPLAINT_ANSWERED]: 'reject' },
      keep: false,
    })
  })

  test('without `result` the per-id keys answer', async () => {
    const { result } = await ask(
      [ORDER_SETTLED, REFUND_DONE],
      subscribed({ [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'reject' }),
    )
    expect(result).toEqual({
      ok: true,
      answers: { [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'reject' },
      keep: false,
    })
  })

  test('one-time templates with 总是保持以上选择 ticked: keep', async () => {
    const { result } = await ask(
      [ORDER_SETTLED, REFUND_DONE],
      subscribed({
        keep: true,
        result: {
          subscribeEntityIds: [ORDER_SETTLED],
          subscribedEntityIds: [ORDER_SETTLED],
          unsubscribedEntityIds: [REFUND_DONE],
          currentSubscribedEntityIds: [ORDER_SETTLED],
        },
      }),
    )
    expect(result).toEqual({
      ok: true,
      answers: { [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'reject' },
      keep: true,
    })
  })

  test('long-term templates refused with 拒绝，不再询问: every one a reject, and the choice is kept', async () => {
    const { result } = await ask(
      [ORDER_SETTLED, REFUND_DONE],
      subscribed({
        refuse: true,
        [ORDER_SETTLED]: 'reject',
        [REFUND_DONE]: 'reject',
        result: {
          subscribedEntityIds: [],
          unsubscribedEntityIds: [ORDER_SETTLED, REFUND_DONE],
          currentSubscribedEntityIds: [],
        },
      }),
    )
    expect(result).toEqual({
      ok: true,
      answers: { [ORDER_SETTLED]: 'reject', [REFUND_DONE]: 'reject' },
      keep: true,
    })
  })

  test('a cancel handed to success (an older client) with nothing subscribed answers reject', async () => {
    const { result } = await ask([ORDER_SETTLED, REFUND_DONE], (o) =>
      o.success?.({
        behavior: 'cancel',
        show: true,
        keep: false,
        refuse: false,
        [ORDER_SETTLED]: 'accept',
        result: {
          subscribedEntityIds: [],
          unsubscribedEntityIds: [ORDER_SETTLED, REFUND_DONE],
          currentSubscribedEntityIds: [],
          entityList: [ORDER_SETTLED, REFUND_DONE],
        },
      }),
    )
    expect(result).toEqual({
      ok: true,
      answers: { [ORDER_SETTLED]: 'reject', [REFUND_DONE]: 'reject' },
      keep: false,
    })
  })

  test('without `result`, the per-id keys of a cancel are not believed', async () => {
    const { result } = await ask([ORDER_SETTLED], (o) =>
      o.success?.({ behavior: 'cancel', show: true, keep: false, refuse: false, [ORDER_SETTLED]: 'accept' }),
    )
    expect(result).toEqual({ ok: true, answers: { [ORDER_SETTLED]: 'reject' }, keep: false })
  })

  test.each([
    [
      'behavior cancel with errorCode 11',
      { behavior: 'cancel', errorCode: 11, errorMessage: '用户取消订阅' },
    ],
    ['error 11 in the typings’ shape', { error: 11, errorMessage: '用户取消订阅' }],
  ])('the user closing the panel (%s) is a cancel', async (_, err) => {
    const { result } = await ask([ORDER_SETTLED], (o) => o.fail?.(err))
    expect(result).toEqual({ ok: false, reason: 'cancelled', detail: '11 用户取消订阅' })
  })

  test.each([
    [10, '系统异常'],
    [15, '当前有活跃的订阅授权窗口，此次调用不会弹窗，无订阅结果返回'],
    [203, '无效的参数'],
    [402, '应用暂不能提供服务'],
    [100201, '调用次数超限'],
    [106002, '模板列表中同时存在一次性/长期订阅模板'],
    [106008, '模板列表中存在非法/无效的模板 id'],
    [-1, '订阅失败/校验模板列表失败'],
  ])('errorCode %s (%s) is a failure with the code in the detail', async (errorCode, errorMessage) => {
    const { result } = await ask([ORDER_SETTLED], (o) => o.fail?.({ behavior: '', errorCode, errorMessage }))
    expect(result).toEqual({ ok: false, reason: 'failed', detail: `${errorCode} ${errorMessage}` })
  })

  test('a failure with a bare code still names it', async () => {
    const { result } = await ask([ORDER_SETTLED], (o) => o.fail?.({ error: 10 }))
    expect(result).toEqual({ ok: false, reason: 'failed', detail: '10' })
  })

  test('an empty behavior handed to success is a failure too', async () => {
    const { result } = await ask([ORDER_SETTLED], (o) =>
      o.success?.({ behavior: '', errorCode: -1, errorMessage: '订阅失败/校验模板列表失败' }),
    )
    expect(result).toMatchObject({ ok: false, reason: 'failed' })
  })

  test('more than 3 templates: the first 3 are asked; none: no panel at all', async () => {
    const many = await ask(
      [ORDER_SETTLED, REFUND_DONE, COMPLAINT_ANSWERED, DOOR_LEFT_OPEN],
      subscribed({ result: { subscribedEntityIds: [ORDER_SETTLED] } }),
    )
    expect(many.calls[0]?.entityIds).toEqual([ORDER_SETTLED, REFUND_DONE, COMPLAINT_ANSWERED])
    expect(many.result).toEqual({
      ok: true,
      answers: { [ORDER_SETTLED]: 'accept', [REFUND_DONE]: 'reject', [COMPLAINT_ANSWERED]: 'reject' },
      keep: false,
    })
    const none = await ask([], subscribed({}))
    expect(none.calls).toEqual([])
    expect(none.result).toEqual({ ok: true, answers: {}, keep: false })
  })

  test('a client without the call cannot ask', async () => {
    globals.my = {}
    const { platform } = await import('../index.alipay')
    await expect(platform.requestSubscribe([ORDER_SETTLED])).resolves.toMatchObject({
      ok: false,
      reason: 'unsupported',
    })
  })
})

describe('the web and the neutral default', () => {
  test('have no subscribe messages', async () => {
    const { platform: h5 } = await import('../index.h5')
    const { platform: fallback } = await import('../index')
    await expect(h5.requestSubscribe([ORDER_SETTLED])).resolves.toEqual({ ok: false, reason: 'unsupported' })
    await expect(fallback.requestSubscribe([ORDER_SETTLED])).resolves.toEqual({
      ok: false,
      reason: 'unsupported',
    })
  })
})
