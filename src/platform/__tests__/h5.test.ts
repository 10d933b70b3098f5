/** The browser build: the demo identity, local storage and the dialogs that stand in for platform pages. */
import { platform } from '../index.h5'

/** Taro's H5 modal is real DOM: press one of its buttons as the shopper would. */
async function press(label: string) {
  for (let i = 0; i < 50; i++) {
    const button = [...document.querySelectorAll('body *')].find(
      (el) => el.children.length === 0 && el.textContent === label,
    ) as HTMLElement | undefined
    if (button) {
      button.click()
      return
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`no "${label}" button on screen`)
}

afterEach(() => {
  window.localStorage.clear()
  window.history.replaceState(null, '', '/')
})

test('the login code comes from the link when given (the simulator picks the shopper), else a stable identity', async () => {
  window.history.replaceState(null, '', '/app/index.html#/pages/cabinet/index?q=x&login_code=code%3Au_happy')
  await expect(platform.getLoginCode()).resolves.toBe('code:u_happy')
  window.history.replaceState(null, '', '/app/index.html')
  const first = await platform.getLoginCode()
  expect(first).toMatch(/^h5:/)
  await expect(platform.getLoginCode()).resolves.toBe(first)
})

test('a cabinet link carries the QR like WeChat does, in `q`', () => {
  expect(platform.getLaunchSource({ q: 'https%3A%2F%2Fqr.kaimengui.cn%2Fc%2FGZ0001A' })).toEqual({
    kind: 'wechatQ',
    q: 'https%3A%2F%2Fqr.kaimengui.cn%2Fc%2FGZ0001A',
  })
})

test('storage answers null for a missing key', () => {
  expect(platform.storage.getItem('missing')).toBeNull()
  platform.storage.setItem('k', 'v')
  expect(platform.storage.getItem('k')).toBe('v')
})

test('credit and payment confirm in a dialog; cancelling is a cancel, and the cloud decides either way', async () => {
  const paid = platform.pay({ kind: 'alipay', tradeNO: 'T' })
  await press('确认')
  await expect(paid).resolves.toEqual({ outcome: 'returned' })
  const authorized = platform.authorizeCredit({
    kind: 'wxpay_score_enable',
    businessType: 'wxpayScoreEnable',
    extraData: { apply_permissions_token: 't' },
  })
  await press('取消')
  await expect(authorized).resolves.toEqual({ outcome: 'cancelled' })
})

test('the phone button hands over a demo code on click', () => {
  const got = jest.fn()
  platform.phoneButtonProps(got).onClick!()
  expect(got).toHaveBeenCalledWith(expect.objectContaining({ ok: true, platform: 'h5' }))
})

// The browser has no photo album: the QR is downloaded as a PNG through a temporary link.
describe('saving a cabinet QR in the browser', () => {
  afterEach(() => jest.restoreAllMocks())

  test('downloads the canvas as a PNG under the given name and leaves nothing behind', async () => {
    const clicked: { href: string; download: string; attached: boolean }[] = []
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) })
    })
    const canvas = { toDataURL: jest.fn(() => 'data:image/png;base64,iVBORw0KGgo=') }
    await expect(platform.saveImageToAlbum(canvas, '鲜享1号柜-GZ0001A.png')).resolves.toEqual({ ok: true })
    expect(canvas.toDataURL).toHaveBeenCalledWith('image/png')
    expect(clicked).toEqual([
      { href: 'data:image/png;base64,iVBORw0KGgo=', download: '鲜享1号柜-GZ0001A.png', attached: true },
    ])
    expect(document.querySelectorAll('a')).toHaveLength(0)
  })

  test('something that is not a canvas, or a canvas that cannot export, is a failure', async () => {
    await expect(platform.saveImageToAlbum({}, 'x.png')).resolves.toMatchObject({
      ok: false,
      reason: 'failed',
    })
    const tainted = {
      toDataURL: () => {
        throw new Error('The canvas has been tainted by cross-origin data.')
      },
    }
    await expect(platform.saveImageToAlbum(tainted, 'x.png')).resolves.toMatchObject({
      ok: false,
      reason: 'failed',
      detail: expect.stringContaining('tainted'),
    })
  })
})
