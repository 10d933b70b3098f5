/**
 * A first-time shopper, end to end in a real browser, for both WeChat Pay Score modes: silent login, phone
 * binding, the credit page (best method first), the cloud's confirmation, 开门, a live cart with a take and
 * a return, close, and a receipt with every kind of promotion whose total is the cloud's.
 */
import assert from 'node:assert/strict'
import { formatFen } from '../../src/domain/money'
import { cartLines, controlState, onlySessionOf, receiptOfSession } from '../lib/cloud'
import { button, cartOnScreen, eventually, visible, visibleText, waitForText } from '../lib/screen'
import { confirmPlatformDialog, emulatorForFile, journey, tapOpen } from '../lib/shopper'

const emulator = emulatorForFile()
const DEVICE = 'GZ0001A'

for (const [index, method, choose, mode] of [
  [0, 'wxpay_score_enable', '开通', '免确认'],
  [1, 'wxpay_score_use', '开通', '每次确认'],
] as const) {
  journey(
    `first-time shopper with Pay Score ${method}: phone, credit, 开门, take and return, receipt with every promotion`,
    // The platform's verdict comes only from the control side, so 确认中… stays until the cloud says so.
    { emulator, scenario: 'first_time', settings: { creditAutoCompleteMs: null } },
    async ({ emulator: cloud, page, api }) => {
      await page.goto(cloud.cabinetUrl({ deviceCode: DEVICE, loginCode: 'code:u_first' }))

      // Silent login, then the gate's first reason: the phone number.
      const phoneGate = visible(page, '[data-gate-reason="PHONE_REQUIRED"]')
      await phoneGate.waitFor({ timeout: 15_000 })
      assert.ok(
        api.calls.some((c) => c.method === 'POST' && c.path === '/v1/auth/login' && c.status === 200),
        'logged in silently with the platform code',
      )
      assert.equal(await visibleText(page, '开门').count(), 0, 'no 开门 before the phone is bound')
      await phoneGate.locator('taro-button-core', { hasText: '绑定手机号' }).click()

      // Next reason: credit. Its one step leads to the credit page.
      const creditGate = visible(page, '[data-gate-reason="CREDIT_REQUIRED"]')
      await creditGate.waitFor({ timeout: 10_000 })
      assert.equal(cloud.cloud.getMe('u_first').phoneBound, true, 'the cloud has the phone number')
      await button(page, '去开通').click()

      // Best method first, marked 推荐: both Pay Score modes, then 免密支付 and 押金开门.
      const methods = visible(page, '.credit__method')
      await methods.first().waitFor({ timeout: 10_000 })
      assert.deepEqual(
        await methods.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-method'))),
        ['wxpay_score_enable', 'wxpay_score_use', 'wxpay_contract', 'wxpay_deposit'],
        'the whole WeChat chain, in the cloud’s order',
      )
      assert.match(await methods.nth(0).innerText(), /推荐/)
      assert.match(await methods.nth(0).innerText(), /免确认/)
      assert.doesNotMatch(await methods.nth(1).innerText(), /推荐/)
      assert.match(await methods.nth(1).innerText(), /每次确认/)
      assert.match(await methods.nth(index).innerText(), new RegExp(mode))

      await methods.nth(index).locator('taro-button-core', { hasText: choose }).click()
      await confirmPlatformDialog(page, /微信支付分/)

      // The platform page said "done"; only the cloud's word counts: 确认中… until it confirms.
      await waitForText(page, '确认中…')
      const pending = (await controlState(cloud)).pendingCredit.filter((a) => a.userId === 'u_first')
      assert.deepEqual(
        pending.map((a) => a.method),
        [method],
        'one pending authorization, of the chosen mode',
      )
      await new Promise((resolve) => setTimeout(resolve, 1_200))
      assert.equal(await visibleText(page, '确认中…').count(), 1, 'still confirming while the cloud waits')
      await cloud.control('credit', { outcome: 'authorized', userId: 'u_first' })

      // Back on the cabinet page, cleared: 开门.
      await button(page, '开门').waitFor({ timeout: 10_000 })
      assert.match(page.url(), /pages\/cabinet\/index/)
      await tapOpen(page)

      const session = onlySessionOf(cloud, 'u_first')
      const credit = session.creditAuthId ? cloud.cloud.inspect().creditAuths.get(session.creditAuthId) : null
      assert.equal(credit?.method, method, 'the door session shops with the authorization just made')

      // Two sandwiches out, one back; a discounted cola, a lunch-discounted coffee and a water: the
      // discounted subtotal reaches the ¥20 tier of 满减.
      const take = (productId: string, qty = 1) =>
        cloud.control('take', { deviceCode: DEVICE, productId, qty })
      await take('p_sandwich', 2)
      await eventually(async () => (await cartOnScreen(page)).lines.p_sandwich, 2)
      await cloud.control('return', { deviceCode: DEVICE, productId: 'p_sandwich', qty: 1 })
      await take('p_cola')
      await take('p_coffee')
      await take('p_water')
      const cloudCart = cloud.cloud.getDoorSession('u_first', session.id).cart
      const expected = { p_sandwich: 1, p_cola: 1, p_coffee: 1, p_water: 1 }
      assert.deepEqual(cartLines(cloudCart), expected)
      assert.deepEqual(
        await eventually(async () => (await cartOnScreen(page)).lines, expected),
        expected,
        'the live cart shows the cloud cart',
      )
      assert.equal((await cartOnScreen(page)).totalText, `合计 ${formatFen(cloudCart.totalFen)}`)

      await cloud.control('close', { deviceCode: DEVICE })
      await waitForText(page, '门已关好')

      const receipt = receiptOfSession(cloud, 'u_first', session.id)
      assert.equal(receipt.status, 'paid')
      const kinds = new Map(
        [...receipt.lines.flatMap((l) => l.discounts), ...receipt.promotions].map((d) => [d.kind, d]),
      )
      for (const kind of ['limited_time', 'time_slot', 'full_reduction'] as const) {
        assert.ok(kinds.has(kind), `the cloud's order has a ${kind} discount`)
      }

      const shown = visible(page, '.receipt')
      assert.equal(await shown.getAttribute('data-order-id'), receipt.id)
      const text = await shown.innerText()
      for (const [kind, discount] of kinds) {
        assert.ok(text.includes(discount.label), `the receipt shows the ${kind} line "${discount.label}"`)
        assert.ok(text.includes(`-${formatFen(discount.amountFen)}`), `with its amount for ${kind}`)
      }
      assert.match(await shown.locator('.receipt__line[data-product-id="p_sandwich"]').innerText(), /×1/)
      assert.equal((await shown.locator('.receipt__amount').innerText()).trim(), formatFen(receipt.totalFen))
      assert.match(text, new RegExp(`实付\\s*${formatFen(receipt.totalFen).replace('.', '\\.')}`))
      assert.match(text, /微信支付分/)
      assert.match(text, /支付成功/)
    },
  )
}
