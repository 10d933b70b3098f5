import { platform } from '../index.h5'

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
