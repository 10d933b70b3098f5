// The cabinet's QR sticker: the matrix from the cabinet's URL (uqr, a pinned encoder) and one drawing
// routine for any Canvas 2D context (the screen, the album image, and the test that decodes it back).
import { encode } from 'uqr'
import type { MerchantDevice } from '@/api/types'
import { AppError } from '@/domain/errors'
import { parseCabinetQr } from '@/domain/qr'
import { colors } from '@/theme/tokens'

/** Rows of modules, true = dark, without the quiet zone (the drawing adds it). */
export type QrModules = boolean[][]

/** Medium error correction: a sticker survives some dirt and scratches and stays a small version. */
export function qrModules(text: string): QrModules {
  return encode(text, { ecc: 'M', border: 0 }).data
}

export type PrintableQr = { ok: true; modules: QrModules } | { ok: false; error: AppError }

/**
 * The device's QR, but only if the URL it carries scans back into this very cabinet through the app's own
 * parser: a sticker that opens nothing, or another cabinet, must never be printed.
 */
export function printableQr(device: Pick<MerchantDevice, 'code' | 'qrUrl'>): PrintableQr {
  const parsed = parseCabinetQr({ kind: 'scan', text: device.qrUrl })
  if (!parsed.ok) return { ok: false, error: new AppError('QR_NOT_PRINTABLE', { detail: parsed.reason }) }
  if (parsed.deviceCode !== device.code) {
    return { ok: false, error: new AppError('QR_NOT_PRINTABLE', { detail: `maps to ${parsed.deviceCode}` }) }
  }
  return { ok: true, modules: qrModules(device.qrUrl) }
}

/** The modules of quiet zone the QR standard asks for around the code. */
export const QUIET_MODULES = 4

/** What the drawing needs of a Canvas 2D context (WeChat's, Alipay's and the browser's all have it). */
export interface StickerContext {
  fillStyle: string | CanvasGradient | CanvasPattern
  font: string
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
  fillRect: (x: number, y: number, w: number, h: number) => void
  fillText: (text: string, x: number, y: number) => void
}

export interface StickerCaption {
  title: string
  subtitle: string
}

/** Height of the sticker for a given width: a square code plus room for two caption lines. */
export function stickerHeight(width: number, caption: StickerCaption | null): number {
  return caption ? Math.round(width * 1.2) : width
}

/**
 * Draws the sticker at `width` px: white ground, the code with its quiet zone on whole pixels per module
 * (blurred module edges scan worse), and the cabinet's name and code under it for whoever sticks it on.
 */
export function drawQrSticker(
  ctx: StickerContext,
  modules: QrModules,
  width: number,
  caption: StickerCaption | null,
): void {
  const count = modules.length + 2 * QUIET_MODULES
  const modulePx = Math.max(1, Math.floor(width / count))
  const offset = Math.floor((width - modulePx * count) / 2) + QUIET_MODULES * modulePx
  ctx.fillStyle = colors.surface
  ctx.fillRect(0, 0, width, stickerHeight(width, caption))
  ctx.fillStyle = colors.black
  modules.forEach((row, y) => {
    // One rectangle per run of dark modules: fewer calls, no hairlines between neighbours.
    let runStart = -1
    for (let x = 0; x <= row.length; x += 1) {
      const dark = x < row.length && row[x] === true
      if (dark && runStart < 0) runStart = x
      if (!dark && runStart >= 0) {
        ctx.fillRect(offset + runStart * modulePx, offset + y * modulePx, (x - runStart) * modulePx, modulePx)
        runStart = -1
      }
    }
  })
  if (!caption) return
  const size = Math.round(width / 16)
  ctx.fillStyle = colors.textStrong
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.font = `600 ${size}px sans-serif`
  ctx.fillText(caption.title, width / 2, width + size * 0.6)
  ctx.font = `${Math.round(size * 0.8)}px sans-serif`
  ctx.fillText(caption.subtitle, width / 2, width + size * 1.9)
}
