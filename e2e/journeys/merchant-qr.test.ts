/**
 * Cabinet QR codes in a real browser: the code shown for a cabinet, photographed off the screen and
 * decoded, maps back to that cabinet through the app's own QR parser; the saved sticker (a download in
 * the browser) decodes the same way.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { parseCabinetQr } from '../../src/domain/qr'
import { merchantJourney, merchantUrl, tapButton } from '../lib/merchant'

const journey = merchantJourney()

/**
 * Decodes a PNG's QR inside the page: the browser turns it into pixels and the test-only jsQR (loaded into
 * the page, not part of the app) reads them.
 */
async function decodePng(page: Page, png: Buffer): Promise<string | null> {
  if (!(await page.evaluate('typeof window.jsQR === "function"'))) {
    await page.addScriptTag({ path: path.resolve(__dirname, '../../node_modules/jsqr/dist/jsQR.js') })
  }
  return page.evaluate(async (b64: string) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    const decode = (
      window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }
    ).jsQR
    return decode(data, width, height)?.data ?? null
  }, png.toString('base64'))
}

test('the QR shown for each cabinet decodes back to that cabinet through the app’s parser', async () => {
  await journey.emulator.control('scenario', { name: 'merchant' })
  const page = await journey.phone()
  await page.goto(merchantUrl(journey.emulator, 'qrcodes'))
  for (const code of ['GZ0001A', 'SM0002D', 'SJ0001V']) {
    await page.locator(`.m-card [data-device-code="${code}"]`).click()
    const sticker = page.locator(`.qrcodes__sticker[data-device-code="${code}"]`)
    await sticker.waitFor({ timeout: 20_000 })
    const text = await decodePng(page, await sticker.locator('.qrcodes__code').screenshot())
    assert.equal(text, `https://qr.kaimengui.cn/c/${code}`)
    assert.deepEqual(parseCabinetQr({ kind: 'scan', text }), { ok: true, deviceCode: code })
  }
})

test('保存到相册 saves a printable sticker that scans into the same cabinet', async () => {
  await journey.emulator.control('scenario', { name: 'merchant' })
  const page = await journey.phone()
  await page.goto(merchantUrl(journey.emulator, 'qrcodes'))
  await page.locator('.m-card [data-device-code="SM0002D"]').click()
  await page.locator('.qrcodes__sticker[data-device-code="SM0002D"]').waitFor({ timeout: 20_000 })
  const [download] = await Promise.all([page.waitForEvent('download'), tapButton(page, '保存到相册')])
  assert.equal(download.suggestedFilename(), '鲜享2号双门柜-SM0002D.png')
  await page.getByText('已保存，可打印张贴').waitFor({ timeout: 5_000 })
  const png = fs.readFileSync((await download.path())!)
  const text = await decodePng(page, png)
  assert.deepEqual(parseCabinetQr({ kind: 'scan', text }), { ok: true, deviceCode: 'SM0002D' })
})
