import jsQR from 'jsqr'
import { parseCabinetQr } from '@/domain/qr'
import { drawQrSticker, printableQr, qrModules, stickerHeight, type StickerContext } from '../qrSticker'

/** A Canvas 2D stand-in that paints fillRect into RGBA pixels, so the drawing can be scanned. */
function rasterContext(width: number, height: number): StickerContext & { pixels: Uint8ClampedArray } {
  const pixels = new Uint8ClampedArray(width * height * 4).fill(128)
  return {
    pixels,
    fillStyle: '#000000',
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    fillText: () => undefined,
    fillRect(x, y, w, h) {
      const value = String(this.fillStyle) === '#ffffff' ? 255 : 0
      for (let row = Math.max(0, y); row < Math.min(height, y + h); row += 1) {
        for (let col = Math.max(0, x); col < Math.min(width, x + w); col += 1) {
          const i = (row * width + col) * 4
          pixels.set([value, value, value, 255], i)
        }
      }
    },
  }
}

function scan(modules: boolean[][], width: number, caption = { title: '鲜享1号柜', subtitle: 'GZ0001A' }) {
  const height = stickerHeight(width, caption)
  const ctx = rasterContext(width, height)
  drawQrSticker(ctx, modules, width, caption)
  return jsQR(ctx.pixels, width, height)
}

describe('a cabinet QR shown to the merchant', () => {
  test.each(['GZ0001A', 'SM0002D', 'SJ0001V', 'GZ0099Z'])(
    'decodes back to cabinet %s through the app’s own parser',
    (code) => {
      const device = { code, qrUrl: `https://qr.kaimengui.cn/c/${code}` }
      const qr = printableQr(device)
      if (!qr.ok) throw qr.error
      const decoded = scan(qr.modules, 300)
      expect(decoded?.data).toBe(device.qrUrl)
      expect(parseCabinetQr({ kind: 'scan', text: decoded?.data })).toEqual({ ok: true, deviceCode: code })
    },
  )

  test('still scans when drawn small, as on the phone screen', () => {
    expect(scan(qrModules('https://qr.kaimengui.cn/c/GZ0001A'), 180)?.data).toBe(
      'https://qr.kaimengui.cn/c/GZ0001A',
    )
  })

  test('a URL that would not open this cabinet is never drawn', () => {
    for (const qrUrl of [
      'https://evil.example.com/c/GZ0001A',
      'https://qr.kaimengui.cn/c/GZ0002B',
      'https://qr.kaimengui.cn/c/gz0001a',
      'http://qr.kaimengui.cn/c/GZ0001A',
    ]) {
      const qr = printableQr({ code: 'GZ0001A', qrUrl })
      expect(qr.ok).toBe(false)
      if (!qr.ok) expect(qr.error.code).toBe('QR_NOT_PRINTABLE')
    }
  })

  test('the code sits in a white quiet zone of at least four modules', () => {
    const modules = qrModules('https://qr.kaimengui.cn/c/GZ0001A')
    const width = 300
    const ctx = rasterContext(width, width)
    drawQrSticker(ctx, modules, width, null)
    const modulePx = Math.floor(width / (modules.length + 8))
    const margin = Math.floor((width - modulePx * (modules.length + 8)) / 2) + 4 * modulePx
    const row = Array.from({ length: width }, (_, x) => ctx.pixels[(margin * width + x) * 4])
    expect(row.slice(0, margin).every((v) => v === 255)).toBe(true)
    expect(row[margin]).toBe(0) // the finder pattern's corner
  })
})
