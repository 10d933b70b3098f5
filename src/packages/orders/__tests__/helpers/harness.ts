/**
 * The orders store against the emulated cloud (msw in Node, real time), with the main store for the one
 * payment flow, and stand-ins only where a platform would be: the media picker and the file system behind
 * Taro.uploadFile (here a multipart POST over fetch, answered in WeChat's shape).
 */
import { ENDPOINTS } from '@/api/endpoints'
import { newId } from '@/api/ids'
import { configureTransport, type RawUpload } from '@/api/transport'
import { uploadFile } from '@/api/upload'
import { platform } from '@/platform'
import type { ChooseImagesResult } from '@/platform/types'
import { createAppStore } from '@/stores/createAppStore'
import { fakePorts } from '@/stores/__tests__/helpers/fakeStream'
import { setupCloudForJest } from '../../../../../mock/hosts/node'
import { createOrdersStore } from '../../store/createOrdersStore'

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])

/** Pictures "on the phone": a path and its bytes (a JPEG header and filler of the stated size). */
export class PhonePictures {
  private readonly files = new Map<string, Uint8Array<ArrayBuffer>>()
  /** What the next call of the picker answers. */
  next: ChooseImagesResult = { ok: false, reason: 'cancelled' }

  add(name: string, sizeBytes = 2048): { path: string; sizeBytes: number } {
    const data = new Uint8Array(sizeBytes)
    data.set(JPEG.subarray(0, Math.min(JPEG.length, sizeBytes)))
    const path = `wxfile://tmp/${name}.jpg`
    this.files.set(path, data)
    return { path, sizeBytes }
  }

  /** The picker hands back these (already added) pictures next time. */
  willPick(...images: { path: string; sizeBytes: number }[]): void {
    this.next = { ok: true, images }
  }

  bytes(path: string): Uint8Array<ArrayBuffer> | undefined {
    return this.files.get(path)
  }
}

export function harness(scenario: string, userId = 'u_happy') {
  const jest$ = setupCloudForJest({
    scenario,
    clock: 'system',
    settings: { paymentAutoCompleteMs: 50, refundDelayMs: 50 },
  })
  const pictures = new PhonePictures()
  const requests: string[] = []
  jest$.server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (url.pathname.startsWith('/v1/')) requests.push(`${request.method} ${url.pathname}`)
  })
  // A fresh phone: no token left over from another test's cloud.
  window.localStorage.clear()
  const app = createAppStore(platform.storage, fakePorts())
  let currentUser = userId
  // The phone's own clock; a test may put it behind or ahead of the real time.
  let phoneSkewMs = 0
  configureTransport({
    baseUrl: 'http://cloud.test',
    getToken: () => app.getState().token,
    relogin: async () => {
      const token = jest$.tokenFor(currentUser)
      app.setState({ token })
      return token
    },
    sendUpload: async (raw: RawUpload, onProgress) => {
      const bytes = pictures.bytes(raw.filePath)
      if (!bytes) throw { errMsg: 'uploadFile:fail file not found' }
      const form = new FormData()
      form.append(raw.name, new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg')
      onProgress(50)
      const res = await fetch(raw.url, { method: 'POST', headers: raw.header, body: form })
      onProgress(100)
      return { errMsg: 'uploadFile:ok', statusCode: res.status, data: await res.text() }
    },
    defaultTimeoutMs: 3000,
  })
  const orders = createOrdersStore({
    payOrder: async (orderId) => {
      const ok = await app.getState().payOrder(orderId)
      return { ok, error: ok ? null : app.getState().payment.error }
    },
    chooseImages: async () => pictures.next,
    uploadFile,
    newId,
    now: () => Date.now() + phoneSkewMs,
  })
  return {
    ...jest$,
    app,
    orders,
    pictures,
    requests,
    /** Another shopper on the same phone (the token is dropped, the next call logs in as them). */
    switchUser(id: string) {
      currentUser = id
      app.setState({ token: null })
    },
    skewPhoneClock(ms: number) {
      phoneSkewMs = ms
    },
    count: (call: string) => requests.filter((r) => r === call).length,
  }
}

export const CREATE_COMPLAINT = `POST ${ENDPOINTS.createComplaint[1]}`
export const CREATE_UPLOAD = `POST ${ENDPOINTS.createUpload[1]}`

export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}
