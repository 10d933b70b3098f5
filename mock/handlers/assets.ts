import { http, HttpResponse, type HttpHandler } from 'msw'
import { corsHeaders } from './http'
import type { Runtime } from './runtime'

/**
 * Pictures the cloud's URLs point at (`<assetBaseUrl>/goods/<productId>.png`, `<assetBaseUrl>/uploads/…`),
 * served by the emulator itself because the sandbox, the IDEs and phones on the LAN may have no internet.
 * Goods get a drawn placeholder with the product's name; uploads are the bytes the app sent.
 */

const PALETTE = ['#e8f4ff', '#fff3e0', '#e8f5e9', '#fce4ec', '#ede7f6', '#e0f7fa', '#fffde7', '#f3e5f5']
const INK = ['#1565c0', '#e65100', '#2e7d32', '#ad1457', '#4527a0', '#00838f', '#f9a825', '#6a1b9a']

function hashOf(text: string): number {
  let h = 0
  for (let i = 0; i < text.length; i += 1) h = (h * 31 + text.charCodeAt(i)) >>> 0
  return h
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Breaks a product name into at most three lines of eight characters, at spaces where possible. */
function lines(name: string): string[] {
  const out: string[] = []
  let current = ''
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word
    if ([...candidate].length <= 8) {
      current = candidate
      continue
    }
    if (current) out.push(current)
    let chars = [...word]
    while (chars.length > 8) {
      out.push(chars.slice(0, 8).join(''))
      chars = chars.slice(8)
    }
    current = chars.join('')
  }
  if (current) out.push(current)
  return out.slice(0, 3)
}

export function goodsPlaceholderSvg(productId: string, name: string): string {
  const h = hashOf(productId)
  const bg = PALETTE[h % PALETTE.length] ?? '#eeeeee'
  const ink = INK[h % INK.length] ?? '#333333'
  const text = lines(name || productId)
  const top = 200 - (text.length - 1) * 22
  const tspans = text
    .map((line, i) => `<text x="200" y="${top + i * 44}" text-anchor="middle">${escapeXml(line)}</text>`)
    .join('')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">` +
    `<rect width="400" height="400" rx="32" fill="${bg}"/>` +
    `<rect x="150" y="60" width="100" height="60" rx="14" fill="${ink}" opacity="0.18"/>` +
    `<g font-family="'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif" font-size="36" ` +
    `font-weight="600" fill="${ink}">${tspans}</g>` +
    `<text x="200" y="360" text-anchor="middle" font-family="monospace" font-size="18" fill="${ink}" ` +
    `opacity="0.6">${escapeXml(productId)}</text></svg>`
  )
}

function productName(runtime: Runtime, productId: string): string | null {
  for (const device of runtime.cloud.inspect().devices.values()) {
    const product = device.goods.find((g) => g.productId === productId)
    if (product) return product.name
  }
  return null
}

export function createAssetHandlers(runtime: Runtime): HttpHandler[] {
  return [
    http.get('*/assets/goods/:file', ({ request, params }) => {
      const productId = String(params.file).replace(/\.[a-z0-9]+$/i, '')
      const name = productName(runtime, productId)
      if (name === null) return new HttpResponse('not found', { status: 404, headers: corsHeaders(request) })
      return new HttpResponse(goodsPlaceholderSvg(productId, name), {
        headers: {
          ...corsHeaders(request),
          'Content-Type': 'image/svg+xml; charset=utf-8',
          'Cache-Control': 'public, max-age=300',
        },
      })
    }),
    http.get('*/assets/uploads/:file', ({ request, params }) => {
      const uploadId = String(params.file).replace(/\.[a-z0-9]+$/i, '')
      const upload = runtime.cloud.getUpload(uploadId)
      if (!upload) return new HttpResponse('not found', { status: 404, headers: corsHeaders(request) })
      // Uploads registered without bytes (tests) still show something rather than a broken image.
      const body = upload.data ?? goodsPlaceholderSvg(uploadId, '投诉照片')
      return new HttpResponse(body, {
        headers: {
          ...corsHeaders(request),
          'Content-Type': upload.data ? upload.contentType : 'image/svg+xml; charset=utf-8',
          'Cache-Control': 'no-store',
        },
      })
    }),
  ]
}
