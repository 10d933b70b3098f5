/**
 * The live cart while the door is open: it stays equal to the cloud's cart through dropped sockets, a
 * product put back stays listed as 已放回, and a line the shopper disputes (这不是我拿的) is recorded, kept
 * by the cloud and decides how the visit ends.
 */
import assert from 'node:assert/strict'
import { formatFen } from '../../src/domain/money'
import { cartLines, cloudReceipt, controlState, onlySessionOf, receiptOfSession } from '../lib/cloud'
import { cartOnScreen, eventually, visible, visibleText, waitForText } from '../lib/screen'
import { emulatorForFile, journey, scanAndOpen } from '../lib/shopper'

const emulator = emulatorForFile()
const DEVICE = 'GZ0001A'

journey(
  'sockets drop while shopping: the cart on screen still ends equal to the cloud cart, and so does the receipt',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page }) => {
    await scanAndOpen(page, cloud, { deviceCode: DEVICE })
    const session = onlySessionOf(cloud, 'u_happy')

    const take = (productId: string, qty = 1) => cloud.control('take', { deviceCode: DEVICE, productId, qty })
    // Cut the phone's socket once it is up again (the app reconnects after a short backoff).
    const drop = async () => {
      const up = await eventually(async () => (await controlState(cloud)).streams > 0, true)
      assert.ok(up, 'the phone reconnected its socket')
      return ((await cloud.control('socket-drop')) as { dropped: number }).dropped
    }

    await take('p_cola')
    await visible(page, '.cart__line[data-product-id="p_cola"]').waitFor({ timeout: 5_000 })
    let dropped = await drop()
    await take('p_cola')
    await take('p_coffee')
    dropped += await drop()
    await cloud.control('return', { deviceCode: DEVICE, productId: 'p_cola', qty: 1 })
    await take('p_sandwich', 2)
    dropped += await drop()
    await take('p_yogurt')
    assert.equal(dropped, 3, 'the phone lost its socket three times')

    const cloudCart = async () => {
      const door = (await controlState(cloud)).devices.find((d) => d.code === DEVICE)?.doors[0]
      assert.equal(door?.session?.id, session.id)
      return door.session.cart as { lines: { productId: string; qty: number }[]; totalFen: number }
    }
    const expected = await cloudCart()
    assert.deepEqual(cartLines(expected), { p_cola: 1, p_coffee: 1, p_sandwich: 2, p_yogurt: 1 })
    const shown = await eventually(() => cartOnScreen(page), {
      lines: cartLines(expected),
      totalText: `合计 ${formatFen(expected.totalFen)}`,
    })
    assert.deepEqual(shown, { lines: cartLines(expected), totalText: `合计 ${formatFen(expected.totalFen)}` })

    await cloud.control('close', { deviceCode: DEVICE })
    await waitForText(page, '门已关好')
    const receipt = receiptOfSession(cloud, 'u_happy', session.id)
    assert.equal(receipt.totalFen, expected.totalFen, 'the order is priced as the live cart was')
    const total = visible(page, '.receipt__amount')
    assert.equal((await total.innerText()).trim(), formatFen(receipt.totalFen))
  },
)

journey(
  '这不是我拿的 on a live-cart line: recorded on screen, kept by the cloud, the order goes to review',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page }) => {
    await scanAndOpen(page, cloud, { deviceCode: DEVICE })
    await cloud.control('take', { deviceCode: DEVICE, productId: 'p_cola', qty: 1 })
    await cloud.control('take', { deviceCode: DEVICE, productId: 'p_water', qty: 1 })
    const water = visible(page, '.cart__line[data-product-id="p_water"]')
    await water.waitFor({ timeout: 5_000 })

    await water.getByText('这不是我拿的').click()
    await water.getByText('已申报，结算前核实').waitFor({ timeout: 5_000 })
    assert.equal(await water.getByText('这不是我拿的').count(), 0, 'the line can be disputed once')
    const cola = visible(page, '.cart__line[data-product-id="p_cola"]')
    assert.equal(await cola.getByText('这不是我拿的').count(), 1, 'the other line is untouched')

    const session = onlySessionOf(cloud, 'u_happy')
    const line = cloud.cloud
      .getDoorSession('u_happy', session.id)
      .cart.lines.find((l) => l.productId === 'p_water')
    assert.equal(line?.objected, true, 'the cloud keeps the objection')

    await cloud.control('close', { deviceCode: DEVICE })
    await waitForText(page, '订单审核中，暂未扣款')
    const settled = cloud.cloud.inspect().sessions.get(session.id)
    assert.equal(settled?.state, 'under_review')
    assert.ok(settled?.orderId)
    const receipt = cloudReceipt(cloud, 'u_happy', settled.orderId)
    assert.equal(receipt.status, 'under_review', 'no charge until a person has looked at it')
    assert.equal(receipt.lines.find((l) => l.productId === 'p_water')?.objected, true)
    assert.equal(cloud.cloud.inspect().orders.get(settled.orderId)?.abnormal?.reason, 'objection')
    assert.equal(await visibleText(page, '门已关好').count(), 0)
  },
)

journey(
  'a product taken and put back stays listed, marked 已放回, out of the total; the lines do not move',
  { emulator, scenario: 'happy' },
  async ({ emulator: cloud, page }) => {
    await scanAndOpen(page, cloud, { deviceCode: DEVICE })
    const session = onlySessionOf(cloud, 'u_happy')
    await cloud.control('take', { deviceCode: DEVICE, productId: 'p_cola', qty: 1 })
    await cloud.control('take', { deviceCode: DEVICE, productId: 'p_water', qty: 1 })
    await visible(page, '.cart__line[data-product-id="p_water"]').waitFor({ timeout: 5_000 })

    await cloud.control('return', { deviceCode: DEVICE, productId: 'p_cola', qty: 1 })
    const cola = visible(page, '.cart__line--put-back[data-product-id="p_cola"]')
    await cola.waitFor({ timeout: 5_000 })
    assert.match(await cola.innerText(), /已放回/)
    const cart = cloud.cloud.getDoorSession('u_happy', session.id).cart
    assert.deepEqual(cartLines(cart), { p_water: 1 }, 'the cloud no longer counts the cola')
    assert.deepEqual(await cartOnScreen(page), {
      lines: { p_water: 1 },
      totalText: `合计 ${formatFen(cart.totalFen)}`,
    })
    const order = await visible(page, '.cart__line').evaluateAll((lines) =>
      lines.map((l) => l.getAttribute('data-product-id')),
    )
    assert.deepEqual(order, ['p_cola', 'p_water'], 'the put-back line kept its place')

    // Taken again: the same line counts again, in the same place.
    await cloud.control('take', { deviceCode: DEVICE, productId: 'p_cola', qty: 1 })
    await visible(page, '.cart__line[data-product-id="p_cola"][data-qty="1"]').waitFor({ timeout: 5_000 })
    assert.equal(await visible(page, '.cart__line--put-back').count(), 0)
    await cloud.control('close', { deviceCode: DEVICE })
    await waitForText(page, '门已关好')
  },
)
