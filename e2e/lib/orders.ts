/**
 * Helpers for the order journeys: the orders subpackage's URLs, the cloud seen from outside the phone (a
 * user's own API calls, e.g. the merchant handling a complaint), and pictures for the media picker.
 */
import { deflateSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import type { Emulator } from './emulator'

export const ORDER_PAGES = '/app/index.html#/packages/orders/pages'

/** A page of the orders subpackage, opened as the given shopper (H5 reads `login_code` from the URL). */
export function ordersUrl(
  emulator: Pick<Emulator, 'url'>,
  page: 'list' | 'detail' | 'complaint' | 'complaint-status' | 'fault',
  query: Record<string, string> = {},
  loginCode = 'code:u_happy',
): string {
  const params = new URLSearchParams({ ...query, login_code: loginCode })
  return `${emulator.url}${ORDER_PAGES}/${page}/index?${params.toString()}`
}

export function homeUrl(emulator: Pick<Emulator, 'url'>, loginCode = 'code:u_happy'): string {
  return `${emulator.url}/app/index.html#/pages/index/index?login_code=${encodeURIComponent(loginCode)}`
}

export interface ScenarioRefs {
  [name: string]: string
}

export async function scenario(emulator: Emulator, name: string): Promise<ScenarioRefs> {
  const state = (await emulator.control('scenario', { name })) as { scenario: { refs: ScenarioRefs } }
  return state.scenario.refs
}

let keySeq = 0

/** The contract's API as one user, from outside the phone (the merchant's own app, say). */
export async function apiAs(emulator: Emulator, userId: string) {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    if (method === 'POST') headers['idempotency-key'] = `e2e-${Date.now()}-${++keySeq}`
    const res = await fetch(`${emulator.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = (await res.json()) as Record<string, unknown>
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`)
    return json
  }
  const login = await call('POST', '/v1/auth/login', { platform: 'weapp', code: `code:${userId}` })
  const token = String(login.token)
  return {
    get: (path: string) => call('GET', path, undefined, token),
    post: (path: string, body: unknown) => call('POST', path, body, token),
  }
}

/** The shopper's complaints as the cloud has them (newest first). */
export async function complaintsOf(emulator: Emulator, userId: string, orderId: string) {
  const api = await apiAs(emulator, userId)
  const page = (await api.get('/v1/complaints?limit=100')) as { items: { id: string; orderId: string }[] }
  return page.items.filter((c) => c.orderId === orderId)
}

// ---- pictures

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A real PNG photo of a shelf-like pattern (so thumbnails show something), `size` pixels square. */
export function photoPng(hue: [number, number, number], size = 96): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3)
    for (let x = 0; x < size; x++) {
      const shelf = y % 32 < 4
      const item = !shelf && (x + (y >> 5) * 7) % 24 < 14
      const [r, g, b] = shelf ? [120, 120, 120] : item ? hue : [235, 235, 235]
      row.writeUInt8(r, 1 + x * 3)
      row.writeUInt8(g, 2 + x * 3)
      row.writeUInt8(b, 3 + x * 3)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(2, 9) // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export interface PickedFile {
  name: string
  mimeType: string
  buffer: Buffer
}

export const PHOTOS: PickedFile[] = [
  { name: 'shelf.png', mimeType: 'image/png', buffer: photoPng([220, 40, 40]) },
  { name: 'cart.png', mimeType: 'image/png', buffer: photoPng([40, 120, 220]) },
  { name: 'door.png', mimeType: 'image/png', buffer: photoPng([40, 180, 90]) },
  { name: 'bag.png', mimeType: 'image/png', buffer: photoPng([230, 160, 30]) },
]

/** A "photo" just over the contract's 5 MB. */
export function tooLargePhoto(): PickedFile {
  const png = photoPng([200, 200, 200])
  return {
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024 + 1 - png.length)]),
  }
}

/** Taps 添加照片 and answers the browser's file dialog (the H5 media picker) with these files. */
export async function pickPhotos(page: Page, files: PickedFile[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.photo-grid__add').click()
  await (await chooser).setFiles(files)
}

/**
 * Scrolls the page on top (Taro H5 scrolls each page's own container, not the window; pages below it in
 * the stack stay in the document, hidden).
 */
export async function scrollPageTo(page: Page, where: 'end' | number): Promise<void> {
  await page.evaluate((to) => {
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter(
      (el) => (el as HTMLElement).offsetHeight > 0 && getComputedStyle(el).display !== 'none',
    )
    const el = shown[shown.length - 1] as HTMLElement | undefined
    if (el) el.scrollTop = to === 'end' ? el.scrollHeight : to
  }, where)
}

/**
 * Opens a URL of the H5 app afresh. Going to another hash of the page already open is a same-document
 * navigation, which the app's router would treat as in-app; a reload makes it a launch.
 */
export async function launch(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.reload()
}

/** Elements in the whole document: what "the DOM stays small" is measured in. */
export function domSize(page: Page): Promise<number> {
  return page.evaluate(() => document.getElementsByTagName('*').length)
}

/** Clicks a NutUI button by its text (through Taro's button element, as the H5 build renders it). */
export async function tapButton(page: Page, text: string): Promise<void> {
  await page.locator('taro-button-core', { hasText: text }).first().click()
}
