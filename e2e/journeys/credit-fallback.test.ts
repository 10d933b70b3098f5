/**
 * Every shopper can buy (issue 10), in a real browser acting as a WeChat or as an Alipay phone: a shopper
 * whose credit score is refused takes the next method of the chain the cloud offers (免密支付, then a
 * deposit), opens, shops and gets the cloud's receipt; a deposit comes back as the cloud settled it; a cart
 * above it leaves the difference to pay (once paid, the next visit is a new deposit away); nothing taken
 * gives it all back; a confirmation that never comes ends on 未能确认开通结果 and 刷新 picks up the cloud's
 * late answer; with nothing left to offer the page offers the merchant's phone; a double tap on a method
 * starts one authorization.
 */
import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'
import type { Settings } from '../../mock/model/state'
import { CHANNEL_LABEL } from '../../src/domain/labels'
import { formatFen } from '../../src/domain/money'
import { cartLines, controlState, onlySessionOf, receiptOfSession, sessionsOf } from '../lib/cloud'
import type { Emulator } from '../lib/emulator'
import { button, cartOnScreen, eventually, visible, visibleText, waitForText } from '../lib/screen'
import { confirmPlatformDialog, emulatorForFile, type Journey, journey, tapOpen } from '../lib/shopper'

const emulator = emulatorForFile()
const DEVICE = 'GZ0001A'
const door = { deviceCode: DEVICE, doorNo: 1 }

/**
 * The platform answers only when the journey says so (确认中… stays until then), and a deposit takes a few
 * seconds to come back, long enough to see 原路退回中 first. Settings survive a scenario reset: every journey
 * of this file sets all of these.
 */
const PLATFORM_BY_CONTROL: Partial<Settings> = {
  creditAutoCompleteMs: null,
  paymentAutoCompleteMs: null,
  refundDelayMs: 4_000,
}

type Channel = 'wechat' | 'alipay'

/**
 * A journey on a phone acting as `channel` (the H5 build's platform is an emulator setting that survives a
 * scenario reset, so it is put back to WeChat whatever happens).
 */
function creditJourney(
  name: string,
  options: { scenario: string; channel?: Channel; settings?: Partial<Settings>; timeoutMs?: number },
  body: (j: Journey) => Promise<void>,
): void {
  const channel = options.channel ?? 'wechat'
  journey(
    `${channel}: ${name}`,
    {
      emulator,
      scenario: options.scenario,
      settings: { ...PLATFORM_BY_CONTROL, ...options.settings },
      timeoutMs: options.timeoutMs ?? 45_000,
    },
    async (j) => {
      await j.emulator.control('h5-channel', { channel })
      try {
        await body(j)
      } finally {
        await j.emulator.control('h5-channel', { channel: 'wechat' })
      }
    },
  )
}

// ---- what the shopper sees

/** The cabinet page of GZ0001A as u_happy, stopped by the refusal; 换种方式 leads to the credit page. */
async function refusedToCreditPage(page: Page, cloud: Emulator): Promise<void> {
  await page.goto(cloud.cabinetUrl({ deviceCode: DEVICE, loginCode: 'code:u_happy' }))
  await creditPageFromGate(page)
}

/** On the cabinet page, stopped by the refusal: 换种方式 leads to the credit page. */
async function creditPageFromGate(page: Page): Promise<void> {
  const refused = visible(page, '[data-gate-reason="CREDIT_REJECTED"]')
  await refused.waitFor({ timeout: 15_000 })
  assert.equal(await button(page, '开门').count(), 0, 'no 开门 while refused')
  await refused.locator('taro-button-core', { hasText: '换种方式' }).click()
  await visible(page, '.credit__method').first().waitFor({ timeout: 10_000 })
}

/** The methods offered on the credit page, in the order shown. */
function methodsShown(page: Page): Promise<(string | null)[]> {
  return visible(page, '.credit__method').evaluateAll((nodes) =>
    nodes.map((n) => n.getAttribute('data-method')),
  )
}

/** The refused methods on the credit page: method → the line the shopper reads. */
async function refusalsShown(page: Page): Promise<Record<string, string>> {
  const shown: Record<string, string> = {}
  for (const line of await visible(page, '.credit__ineligible').all()) {
    shown[(await line.getAttribute('data-method')) ?? '?'] = (await line.innerText()).trim()
  }
  return shown
}

/** A method's card: its one button. */
function methodButton(page: Page, method: string): Locator {
  return visible(page, `.credit__method[data-method="${method}"]`).locator('taro-button-core')
}

interface DepositRow {
  value: string
  note: string
}

/** A deposit summary as drawn: label → value and note (押金 / 实付 / 退回, 预授权冻结 / 实付 / 解冻, 待支付). */
async function depositRows(scope: Locator): Promise<Record<string, DepositRow>> {
  const rows: Record<string, DepositRow> = {}
  for (const row of await scope.locator('.deposit-summary__row').all()) {
    const label = (await row.locator('.list-row__label').innerText()).trim()
    const note = row.locator('.list-row__note')
    rows[label] = {
      value: (await row.locator('.list-row__value').innerText()).trim(),
      note: (await note.count()) > 0 ? (await note.innerText()).trim() : '',
    }
  }
  return rows
}

// ---- what the cloud holds

/** The credit offer the cloud makes u_happy at GZ0001A right now. */
function cloudOffer(cloud: Emulator, userId = 'u_happy') {
  const offer = cloud.cloud.getCabinetLanding(userId, DEVICE).gate.credit
  assert.ok(offer, 'the cloud offers credit methods')
  return offer
}

/** The authorizations a user is waiting on, as the control side sees them. */
async function pendingMethods(cloud: Emulator, userId: string): Promise<string[]> {
  return (await controlState(cloud)).pendingCredit.filter((a) => a.userId === userId).map((a) => a.method)
}

/** The credit authorization a door session shops with. */
function creditOfSession(cloud: Emulator, sessionId: string) {
  const session = cloud.cloud.inspect().sessions.get(sessionId)
  const credit = session?.creditAuthId ? cloud.cloud.inspect().creditAuths.get(session.creditAuthId) : null
  assert.ok(credit, 'the door session shops with a credit authorization')
  return credit
}

// ---- shared steps

/** The platform page was confirmed: 确认中… with no method to tap, until the cloud has its answer. */
async function confirmingUntilAuthorized(page: Page, cloud: Emulator, method: string): Promise<void> {
  await waitForText(page, '确认中…')
  assert.deepEqual(await pendingMethods(cloud, 'u_happy'), [method], 'one pending authorization')
  assert.equal(await visible(page, '.credit__method').count(), 0, 'no 开通 buttons while confirming')
  assert.equal(await button(page, '刷新状态').count(), 1)
  await cloud.control('credit', { outcome: 'authorized', userId: 'u_happy' })
  await button(page, '开门').waitFor({ timeout: 10_000 })
  assert.match(page.url(), /pages\/cabinet\/index/, 'back on the cabinet page, cleared')
}

/** 开门, the products taken (the live cart shows the cloud's), the door closed. Returns the session id. */
async function shopAndClose(page: Page, cloud: Emulator, take: Record<string, number>): Promise<string> {
  await tapOpen(page)
  const session = onlySessionOf(cloud, 'u_happy')
  for (const [productId, qty] of Object.entries(take))
    await cloud.control('take', { ...door, productId, qty })
  const expected = cartLines(cloud.cloud.getDoorSession('u_happy', session.id).cart)
  assert.deepEqual(expected, take, 'the cloud has what was taken')
  assert.deepEqual(
    await eventually(async () => (await cartOnScreen(page)).lines, expected),
    expected,
    'the live cart shows the cloud cart',
  )
  await cloud.control('close', door)
  return session.id
}

/** The receipt on screen is the cloud's order for the session: id, lines and total. */
async function receiptIsTheClouds(page: Page, cloud: Emulator, sessionId: string) {
  const shown = visible(page, '.receipt')
  await shown.waitFor({ timeout: 15_000 })
  const receipt = receiptOfSession(cloud, 'u_happy', sessionId)
  assert.equal(await shown.getAttribute('data-order-id'), receipt.id)
  assert.equal((await shown.locator('.receipt__amount').innerText()).trim(), formatFen(receipt.totalFen))
  for (const line of receipt.lines) {
    const row = shown.locator(`.receipt__line[data-product-id="${line.productId}"]`)
    assert.match(await row.innerText(), new RegExp(`×${line.qty}`))
  }
  assert.equal(await visible(page, '.receipt').count(), 1, 'one receipt')
  assert.equal(sessionsOf(cloud, 'u_happy').length, 1, 'one door session')
  return { shown, receipt }
}

// ---- the journeys

creditJourney(
  'Pay Score refused → 换种方式 → 微信免密支付 (推荐) → 确认中… → 开门 → receipt',
  { scenario: 'credit_rejected' },
  async ({ emulator: cloud, page }) => {
    await refusedToCreditPage(page, cloud)
    const offer = cloudOffer(cloud)

    // What is left of the chain, best first; both Pay Score modes refused, each with the cloud's reason.
    assert.deepEqual(
      offer.methods.map((m) => m.method),
      ['wxpay_contract', 'wxpay_deposit'],
    )
    assert.deepEqual(await methodsShown(page), ['wxpay_contract', 'wxpay_deposit'])
    const cards = visible(page, '.credit__method')
    assert.match(await cards.nth(0).innerText(), /微信免密支付/)
    assert.match(await cards.nth(0).innerText(), /推荐/)
    assert.match(await cards.nth(1).innerText(), /押金开门/)
    assert.doesNotMatch(await cards.nth(1).innerText(), /推荐/)
    const refusals = await refusalsShown(page)
    assert.deepEqual(Object.keys(refusals).sort(), ['wxpay_score_enable', 'wxpay_score_use'])
    for (const refused of offer.ineligible) {
      assert.ok(
        refusals[refused.method]?.includes(refused.reason),
        `${refused.method} is shown refused with the cloud's reason "${refused.reason}"`,
      )
    }

    assert.equal((await methodButton(page, 'wxpay_contract').innerText()).trim(), '开通微信免密支付')
    await methodButton(page, 'wxpay_contract').click()
    await confirmPlatformDialog(page, /^微信免密支付（演示）$/)
    await confirmingUntilAuthorized(page, cloud, 'wxpay_contract')

    const sessionId = await shopAndClose(page, cloud, { p_water: 1 })
    assert.equal(creditOfSession(cloud, sessionId).method, 'wxpay_contract', 'shops with the new contract')
    const { shown, receipt } = await receiptIsTheClouds(page, cloud, sessionId)
    assert.equal(receipt.status, 'paid')
    assert.equal(receipt.deposit, undefined, 'no deposit with 免密支付')
    assert.equal(await shown.locator('.deposit-summary').count(), 0)
    const text = await shown.innerText()
    assert.ok(text.includes(CHANNEL_LABEL[receipt.channel]), `paid with ${receipt.channel}`)
    assert.match(text, /支付成功/)
  },
)

creditJourney(
  'refused → 押金开门 → open, one water → 押金 / 实付 / 退回 原路退回中, then 已退回',
  { scenario: 'credit_rejected' },
  async ({ emulator: cloud, page }) => {
    await refusedToCreditPage(page, cloud)
    const depositFen = cloudOffer(cloud).methods.find((m) => m.method === 'wxpay_deposit')?.depositFen
    assert.ok(depositFen, 'the cloud asks a deposit here')
    assert.equal(
      (await methodButton(page, 'wxpay_deposit').innerText()).trim(),
      `支付 ${formatFen(depositFen)} 开门`,
    )
    await methodButton(page, 'wxpay_deposit').click()
    await confirmPlatformDialog(page, /^押金开门（演示）$/)
    await confirmingUntilAuthorized(page, cloud, 'wxpay_deposit')

    const sessionId = await shopAndClose(page, cloud, { p_water: 1 })
    const { shown, receipt } = await receiptIsTheClouds(page, cloud, sessionId)
    assert.equal(receipt.status, 'paid')
    const deposit = receipt.deposit
    assert.ok(deposit, 'the cloud settled from the deposit')
    assert.equal(deposit.heldFen, depositFen)
    assert.equal(deposit.chargedFen, receipt.totalFen, 'the goods are taken from the deposit')
    assert.equal(deposit.returnedFen, depositFen - receipt.totalFen, 'the rest goes back')
    assert.equal(deposit.returnState, 'processing')

    const rows = await depositRows(shown)
    assert.deepEqual(Object.keys(rows), ['押金', '实付', '退回'])
    assert.equal(rows['押金']?.value, formatFen(depositFen))
    assert.equal(rows['实付']?.value, formatFen(receipt.totalFen))
    assert.equal(rows['退回']?.value, formatFen(depositFen - receipt.totalFen))
    assert.match(rows['退回']?.note ?? '', /原路退回中/)

    // The refund goes through in the cloud; the order's detail, opened from the receipt, says so.
    const returned = await eventually(
      async () => receiptOfSession(cloud, 'u_happy', sessionId).deposit?.returnState,
      'succeeded',
    )
    assert.equal(returned, 'succeeded', 'the cloud refunded the rest')
    await visibleText(page, '订单详情、退款与申诉 ›').click()
    await page.waitForURL(/packages\/orders\/pages\/detail/, { timeout: 10_000 })
    // The detail page's own receipt (the history variant: no 门已关好 banner), once it has loaded.
    const detail = visible(page, `.receipt[data-order-id="${receipt.id}"]:not(:has(.receipt__closed))`)
    const back = { value: formatFen(depositFen - receipt.totalFen), note: '已退回' }
    assert.deepEqual(
      await eventually(async () => (await depositRows(detail))['退回'] ?? null, back),
      back,
      'the detail shows the deposit refunded',
    )
  },
)

creditJourney(
  'a cart above the deposit → 押金不足，还需支付 the cloud’s amount → 立即支付 → a new deposit opens again',
  { scenario: 'credit_rejected' },
  async ({ emulator: cloud, page }) => {
    await cloud.control('device', { deviceCode: DEVICE, depositFen: 500 })
    await refusedToCreditPage(page, cloud)
    const depositFen = cloudOffer(cloud).methods.find((m) => m.method === 'wxpay_deposit')?.depositFen
    assert.equal(depositFen, 500, 'the merchant’s deposit for this cabinet')
    await methodButton(page, 'wxpay_deposit').click()
    await confirmPlatformDialog(page, /^押金开门（演示）$/)
    await confirmingUntilAuthorized(page, cloud, 'wxpay_deposit')

    const sessionId = await shopAndClose(page, cloud, { p_sandwich: 1 })
    await waitForText(page, '押金不足，还需支付', 15_000)
    const owed = receiptOfSession(cloud, 'u_happy', sessionId)
    assert.equal(owed.status, 'unpaid')
    assert.ok(owed.totalFen > depositFen, 'the cart is above the deposit')
    assert.equal(owed.amountDueFen, owed.totalFen - depositFen, 'the deposit covered what it could')
    assert.equal(owed.deposit?.chargedFen, depositFen)
    const rows = await depositRows(visible(page, '.shopping__ending'))
    assert.equal(rows['押金']?.value, formatFen(depositFen))
    assert.equal(rows['实付']?.value, formatFen(depositFen))
    assert.equal(rows['待支付']?.value, formatFen(owed.amountDueFen ?? -1))
    assert.equal(rows['退回'], undefined, 'nothing to give back')

    await button(page, '立即支付').click()
    await confirmPlatformDialog(page, /^支付（演示）$/)
    await cloud.control('payment', { outcome: 'succeeded', userId: 'u_happy' })
    const paid = visible(page, `.receipt[data-order-id="${owed.id}"]`)
    await paid.waitFor({ timeout: 15_000 })
    assert.equal(receiptOfSession(cloud, 'u_happy', sessionId).status, 'paid')
    assert.match(await paid.innerText(), /支付成功/)

    // Nothing owed any more; the deposit went to the first visit, so the next one is a new deposit away.
    await button(page, '完成').click()
    await visible(page, '[data-gate-reason="CREDIT_REJECTED"]').waitFor({ timeout: 10_000 })
    const gate = cloud.cloud.getCabinetLanding('u_happy', DEVICE).gate
    assert.deepEqual(
      gate.reasons.map((r) => r.code),
      ['CREDIT_REJECTED'],
      'no unpaid order in the way',
    )
    await creditPageFromGate(page)
    await methodButton(page, 'wxpay_deposit').click()
    await confirmPlatformDialog(page, /^押金开门（演示）$/)
    await confirmingUntilAuthorized(page, cloud, 'wxpay_deposit')
    await tapOpen(page)

    const [first, second] = sessionsOf(cloud, 'u_happy')
    assert.equal(sessionsOf(cloud, 'u_happy').length, 2, 'a second visit')
    assert.equal(second?.state, 'open', 'the second visit opened')
    assert.ok(first && second)
    const firstDeposit = creditOfSession(cloud, first.id)
    const secondDeposit = creditOfSession(cloud, second.id)
    assert.notEqual(firstDeposit.id, secondDeposit.id, 'each visit holds its own deposit')
    assert.equal(secondDeposit.method, 'wxpay_deposit')
  },
)

creditJourney(
  'deposit paid, nothing taken → 本次未购物，未扣款 with the whole deposit 退回',
  { scenario: 'credit_rejected' },
  async ({ emulator: cloud, page }) => {
    await refusedToCreditPage(page, cloud)
    const depositFen = cloudOffer(cloud).methods.find((m) => m.method === 'wxpay_deposit')?.depositFen
    assert.ok(depositFen)
    await methodButton(page, 'wxpay_deposit').click()
    await confirmPlatformDialog(page, /^押金开门（演示）$/)
    await confirmingUntilAuthorized(page, cloud, 'wxpay_deposit')

    await tapOpen(page)
    await cloud.control('close', door)
    await waitForText(page, '本次未购物，未扣款')

    const session = onlySessionOf(cloud, 'u_happy')
    assert.equal(session.state, 'empty')
    assert.equal(session.orderId, null, 'no order')
    const deposit = creditOfSession(cloud, session.id).deposit
    assert.equal(deposit?.returnedFen, depositFen, 'the cloud gives the whole deposit back')
    assert.equal(deposit?.chargedFen, 0)

    const rows = await depositRows(visible(page, '.shopping__ending'))
    assert.equal(rows['押金']?.value, formatFen(depositFen))
    assert.equal(rows['实付']?.value, formatFen(0))
    assert.equal(rows['退回']?.value, formatFen(depositFen))
    assert.match(rows['退回']?.note ?? '', /原路退回中/)
  },
)

creditJourney(
  'first-time shopper: no answer from the platform → 未能确认开通结果 → the cloud authorizes → 刷新 → 开门',
  { scenario: 'first_time', timeoutMs: 70_000 },
  async ({ emulator: cloud, page }) => {
    await page.goto(cloud.cabinetUrl({ deviceCode: DEVICE, loginCode: 'code:u_first' }))
    const phoneGate = visible(page, '[data-gate-reason="PHONE_REQUIRED"]')
    await phoneGate.waitFor({ timeout: 15_000 })
    await phoneGate.locator('taro-button-core', { hasText: '绑定手机号' }).click()
    await visible(page, '[data-gate-reason="CREDIT_REQUIRED"]').waitFor({ timeout: 10_000 })
    await button(page, '去开通').click()
    await visible(page, '.credit__method').first().waitFor({ timeout: 10_000 })

    const [best] = cloudOffer(cloud, 'u_first').methods
    assert.ok(best)
    assert.equal((await methodsShown(page))[0], best.method, 'the best method first')
    await methodButton(page, best.method).click()
    await confirmPlatformDialog(page, /（演示）$/)
    await waitForText(page, '确认中…')
    const askedAt = Date.now()

    // The platform never answers: after the wait, a definite state with a way on, not an endless spinner.
    await waitForText(page, '未能确认开通结果', 40_000)
    assert.ok(Date.now() - askedAt >= 25_000, 'not before the wait is over')
    assert.equal(await button(page, '刷新').count(), 1)
    const phone = cloud.cloud.getCabinetLanding('u_first', DEVICE).merchant.servicePhone
    assert.equal(await button(page, `联系客服 ${phone}`).count(), 1, 'the merchant’s phone as a button')
    assert.deepEqual(await pendingMethods(cloud, 'u_first'), [best.method], 'the cloud still waits too')

    await cloud.control('credit', { outcome: 'authorized', userId: 'u_first' })
    await button(page, '刷新').click()
    await waitForText(page, '开通成功')
    await button(page, '开门').waitFor({ timeout: 10_000 })
    assert.match(page.url(), /pages\/cabinet\/index/)
    assert.deepEqual(await pendingMethods(cloud, 'u_first'), [])
  },
)

creditJourney(
  'no deposit here and 免密支付 refused → the refusal, then nothing offered and the merchant’s phone',
  { scenario: 'credit_rejected', settings: { creditAutoCompleteMs: 1_000 } },
  async ({ emulator: cloud, page }) => {
    await cloud.control('device', { deviceCode: DEVICE, depositFen: 0 })
    const refusal = '微信免密支付签约未通过'
    await cloud.control('eligibility', {
      userId: 'u_happy',
      service: 'agreement',
      channel: 'wechat',
      reason: refusal,
    })
    await refusedToCreditPage(page, cloud)
    assert.deepEqual(await methodsShown(page), ['wxpay_contract'], 'only 免密支付 is left')
    assert.ok((await refusalsShown(page)).wxpay_deposit, 'the deposit is listed as not offered here')

    await methodButton(page, 'wxpay_contract').click()
    await confirmPlatformDialog(page, /^微信免密支付（演示）$/)
    await waitForText(page, '确认中…')

    // The platform refuses on its own; the page says so and, nothing being left, offers the phone.
    const result = visible(page, '.credit__result')
    await result.waitFor({ timeout: 10_000 })
    assert.match(await result.innerText(), /微信免密支付未通过/)
    assert.ok((await result.innerText()).includes(refusal), 'with the platform’s reason')
    const auths = [...cloud.cloud.inspect().creditAuths.values()].filter(
      (a) => a.userId === 'u_happy' && a.method === 'wxpay_contract',
    )
    assert.deepEqual(
      auths.map((a) => a.state),
      ['rejected'],
    )
    const none = visible(page, '.credit__none')
    await none.waitFor({ timeout: 10_000 })
    assert.equal(await visible(page, '.credit__method').count(), 0, 'no method left')
    assert.deepEqual(cloudOffer(cloud).methods, [], 'the cloud offers nothing either')
    assert.ok(
      (await refusalsShown(page)).wxpay_contract?.includes(refusal),
      '免密支付 is now listed refused, with its reason',
    )
    const phone = cloud.cloud.getCabinetLanding('u_happy', DEVICE).merchant.servicePhone
    assert.ok(phone)
    const call = none.locator('taro-button-core', { hasText: '联系客服' })
    assert.equal((await call.innerText()).trim(), `联系客服 ${phone}`)

    // In the browser a phone call is a tel: link: the tap dials exactly the merchant's number.
    const [dialled] = await Promise.all([
      page.waitForRequest((req) => req.url().startsWith('tel:'), { timeout: 5_000 }),
      call.click(),
    ])
    assert.equal(dialled.url(), `tel:${phone}`)
  },
)

creditJourney(
  'Zhima refused → 预授权 (冻结) → open, one water → 预授权冻结 / 实付 / 解冻',
  { scenario: 'credit_rejected', channel: 'alipay' },
  async ({ emulator: cloud, page }) => {
    await refusedToCreditPage(page, cloud)
    const offer = cloudOffer(cloud)
    assert.deepEqual(
      offer.methods.map((m) => m.method),
      ['alipay_agreement', 'alipay_preauth'],
    )
    assert.deepEqual(await methodsShown(page), ['alipay_agreement', 'alipay_preauth'])
    assert.match(await visible(page, '.credit__method').nth(0).innerText(), /推荐/)
    const refusals = await refusalsShown(page)
    const zhima = offer.ineligible.find((i) => i.method === 'alipay_pay_after_use')
    assert.ok(zhima, 'the cloud refuses 芝麻先享')
    assert.match(refusals.alipay_pay_after_use ?? '', /芝麻先享/)
    assert.ok(refusals.alipay_pay_after_use?.includes(zhima.reason), 'with its reason')

    const depositFen = offer.methods.find((m) => m.method === 'alipay_preauth')?.depositFen
    assert.ok(depositFen)
    assert.equal(
      (await methodButton(page, 'alipay_preauth').innerText()).trim(),
      `冻结 ${formatFen(depositFen)} 开门`,
    )
    await methodButton(page, 'alipay_preauth').click()
    await confirmPlatformDialog(page, /^支付宝预授权（演示）$/)
    await confirmingUntilAuthorized(page, cloud, 'alipay_preauth')

    const sessionId = await shopAndClose(page, cloud, { p_water: 1 })
    const { shown, receipt } = await receiptIsTheClouds(page, cloud, sessionId)
    assert.equal(receipt.deposit?.kind, 'preauth')
    assert.ok((await shown.innerText()).includes(CHANNEL_LABEL[receipt.channel]))
    const rows = await depositRows(shown)
    assert.deepEqual(Object.keys(rows), ['预授权冻结', '实付', '解冻'])
    assert.equal(rows['预授权冻结']?.value, formatFen(depositFen))
    assert.equal(rows['实付']?.value, formatFen(receipt.totalFen))
    assert.equal(rows['解冻']?.value, formatFen(depositFen - receipt.totalFen))
    assert.match(rows['解冻']?.note ?? '', /解冻中/)
  },
)

creditJourney(
  'a double tap on a method starts one authorization',
  { scenario: 'credit_rejected' },
  async ({ emulator: cloud, page, api }) => {
    await refusedToCreditPage(page, cloud)
    const starts = () =>
      api.calls.filter((c) => c.method === 'POST' && c.path === '/v1/credit/authorizations').length
    const tapped = methodButton(page, 'wxpay_contract')
    await tapped.evaluate((el) => {
      // Two taps in one task, before the page can re-render (no named helper: see shopper-open's doubleTap).
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    })
    await confirmPlatformDialog(page, /^微信免密支付（演示）$/)
    await waitForText(page, '确认中…')
    await page.waitForTimeout(500)
    assert.equal(starts(), 1, 'one POST /v1/credit/authorizations')
    assert.equal(await visible(page, '.taro-modal__content').count(), 0, 'no second platform page')
    assert.deepEqual(await pendingMethods(cloud, 'u_happy'), ['wxpay_contract'])
  },
)
