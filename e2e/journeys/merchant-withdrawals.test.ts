/**
 * Withdrawals (提现) in a real browser: one that arrives, one the bank refuses with the money back in
 * available, a double tap that withdraws once, a lost answer retried into one withdrawal, and every
 * invalid amount refused before anything is sent.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { apiAs, merchantJourney, merchantUrl, tapButton } from '../lib/merchant'

const WX = 'acc_wx_M001'

const journey = merchantJourney()

interface Withdrawal {
  id: string
  amountFen: number
  state: string
}

const withdrawals = async () =>
  (await apiAs<{ items: Withdrawal[] }>(journey.emulator, 'u_merchant', '/v1/merchant/withdrawals?limit=100'))
    .items
const availableFen = async () =>
  (
    await apiAs<{ items: { id: string; availableFen: number }[] }>(
      journey.emulator,
      'u_merchant',
      '/v1/merchant/accounts',
    )
  ).items.find((a) => a.id === WX)!.availableFen

/** Opens the wallet, then the WeChat account's withdrawal form, the way a merchant gets there. */
async function openForm(page: Page): Promise<void> {
  await page.goto(merchantUrl(journey.emulator, 'wallet'))
  await page.locator(`[data-account-id="${WX}"]`).waitFor({ timeout: 20_000 })
  await page.locator(`[data-account-id="${WX}"] taro-button-core`, { hasText: '提现' }).click()
  await page.locator('.withdraw__input input').waitFor({ timeout: 10_000 })
}

async function typeAmount(page: Page, text: string): Promise<void> {
  await page.locator('.withdraw__input input').fill(text)
}

async function withdraw(page: Page, text: string): Promise<void> {
  await typeAmount(page, text)
  await tapButton(page, '下一步')
  await page.locator('[aria-label="确认提现"]').waitFor({ timeout: 5_000 })
}

test('a withdrawal shows the destination, asks once more, and arrives (处理中 → 已到账)', async () => {
  await journey.emulator.control('scenario', { name: 'merchant' })
  const start = { available: await availableFen(), count: (await withdrawals()).length }
  const page = await journey.phone()
  await openForm(page)
  assert.match(await page.locator('.withdraw__destination').innerText(), /招商银行（尾号8848）/)
  await withdraw(page, '100')
  const confirm = await page.locator('[aria-label="确认提现"]').innerText()
  assert.match(confirm, /¥100\.00/)
  assert.match(confirm, /招商银行（尾号8848）/)
  await tapButton(page, '确认提现')
  await page.getByText('提现申请已提交').waitFor({ timeout: 10_000 })
  assert.equal(await availableFen(), start.available - 10_000)

  await tapButton(page, '查看提现记录')
  const record = page.locator('[data-withdrawal-id]').first()
  await record.waitFor({ timeout: 10_000 })
  assert.match(await record.innerText(), /提现 ¥100\.00[\s\S]*处理中/)
  await page.waitForFunction(
    () => document.querySelector('[data-withdrawal-id]')?.getAttribute('data-state') === 'succeeded',
    undefined,
    { timeout: 15_000 },
  )
  assert.match(
    await page.locator('[data-withdrawal-id]').first().innerText(),
    /已到账[\s\S]*到账 \d{4}-\d{2}-\d{2}/,
  )
  const list = await withdrawals()
  assert.equal(list.length, start.count + 1)
  assert.deepEqual([list[0]!.amountFen, list[0]!.state], [10_000, 'succeeded'])
})

test('a withdrawal the bank refuses ends 失败 with the reason, and the money is back in available', async () => {
  await journey.emulator.control('scenario', { name: 'merchant' })
  await journey.emulator.control('merchant', { merchantId: 'M001', withdrawalFailure: true })
  const start = await availableFen()
  const page = await journey.phone()
  await openForm(page)
  await withdraw(page, '250.5')
  await tapButton(page, '确认提现')
  await page.getByText('提现申请已提交').waitFor({ timeout: 10_000 })
  await tapButton(page, '查看提现记录')
  await page.waitForFunction(
    () => document.querySelector('[data-withdrawal-id]')?.getAttribute('data-state') === 'failed',
    undefined,
    { timeout: 15_000 },
  )
  const failed = page.locator('[data-withdrawal-id]').first()
  const text = await failed.innerText()
  assert.match(text, /¥250\.50[\s\S]*失败/)
  assert.match(text, /收款银行卡信息有误，资金已退回可提现余额/)
  assert.match(text, /失败 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
  const shown = page.locator(`[data-account-id="${WX}"] [data-available-fen]`)
  await page.waitForFunction(
    ({ sel, fen }) => document.querySelector(sel)?.getAttribute('data-available-fen') === String(fen),
    { sel: `[data-account-id="${WX}"] [data-available-fen]`, fen: start },
    { timeout: 10_000 },
  )
  assert.equal(await shown.innerText(), `¥${(start / 100).toFixed(2)}`)
  assert.equal(await availableFen(), start)
})

test('a double tap on 确认提现 creates one withdrawal', async () => {
  await journey.emulator.control('scenario', { name: 'merchant' })
  const count = (await withdrawals()).length
  const page = await journey.phone()
  await openForm(page)
  await withdraw(page, '66')
  const button = page.locator('taro-button-core', { hasText: '确认提现' }).last()
  await button.dblclick()
  await page.getByText('提现申请已提交').waitFor({ timeout: 10_000 })
  await page.waitForTimeout(500)
  const list = await withdrawals()
  assert.equal(list.length, count + 1)
  assert.equal(list[0]!.amountFen, 6600)
})

test('a retry after the answer was lost carries the same key: one withdrawal', async () => {
  await journey.emulator.control('scenario', { name: 'merchant' })
  const count = (await withdrawals()).length
  const page = await journey.phone()
  await openForm(page)
  await withdraw(page, '88.8')
  // Several lost answers: Chromium itself resends a request whose kept-alive connection dropped (with the
  // same Idempotency-Key), so the app only sees the loss once those resends are lost too.
  await journey.emulator.control('network', { dropResponses: 5 })
  await tapButton(page, '确认提现')
  await page.locator('[data-error-code="NETWORK"]').waitFor({ timeout: 20_000 })
  await journey.emulator.control('network', { dropResponses: 0 })
  assert.match(await page.locator('[aria-label="确认提现"]').innerText(), /不会重复提交/)
  assert.equal((await withdrawals()).length, count + 1, 'the cloud did withdraw; only its answer was lost')
  await tapButton(page, '确认提现')
  await page.getByText('提现申请已提交').waitFor({ timeout: 10_000 })
  const list = await withdrawals()
  assert.equal(list.length, count + 1)
  assert.equal(list[0]!.amountFen, 8880)
})

test('every invalid amount is refused with its reason, and nothing is sent', async () => {
  await journey.emulator.control('scenario', { name: 'merchant' })
  const count = (await withdrawals()).length
  const page = await journey.phone()
  const posts: string[] = []
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes('/v1/merchant/withdrawals')) posts.push(req.url())
  })
  await openForm(page)
  const cases: [string, RegExp][] = [
    ['12.345', /金额最多两位小数/],
    ['-50', /金额不能为负数/],
    ['999999', /最多可提现¥\d+\.\d{2}/],
    ['9.99', /最低提现¥10\.00/],
    ['abc', /请输入正确的金额/],
    ['1 000', /金额中不能有空格/],
    ['¥1,000.00', /金额中不能有逗号/],
    ['0', /提现金额须大于0/],
  ]
  for (const [text, reason] of cases) {
    await typeAmount(page, text)
    // The live check under the input, then the refusal of 下一步, each with the reason for this amount.
    await page.locator('.withdraw__check').filter({ hasText: reason }).waitFor({ timeout: 5_000 })
    await tapButton(page, '下一步')
    await page
      .locator('.withdraw__form [role="alert"]')
      .filter({ hasText: reason })
      .waitFor({ timeout: 5_000 })
    assert.equal(
      await page.locator('[aria-label="确认提现"]').count(),
      0,
      `"${text}" is not offered for confirmation`,
    )
  }
  // Pasted with spaces and a currency sign: cleaned and accepted.
  await withdraw(page, '  ¥ 20.00 ')
  assert.match(await page.locator('[aria-label="确认提现"]').innerText(), /¥20\.00/)
  assert.deepEqual(posts, [], 'no refused amount reached the cloud')
  assert.equal((await withdrawals()).length, count)

  await page.locator('taro-button-core', { hasText: '返回修改' }).click()
  await page.locator('.withdraw__all').click()
  await page.waitForFunction(() =>
    /^\d+\.\d{2}$/.test(
      (document.querySelector('.withdraw__input input') as HTMLInputElement | null)?.value ?? '',
    ),
  )
  const all = await page.locator('.withdraw__input input').inputValue()
  assert.equal(Math.round(Number(all) * 100), await availableFen(), '全部提现 fills the available amount')
})
