import path from 'node:path'
import type { Settings } from '../../mock/model/state'
import { startEmulatorServer } from '../../mock/server/start'

export const APP_DIR = path.resolve(__dirname, '..', '..', 'dist', 'h5')
export const QR_HOST = 'qr.kaimengui.cn'

export type Emulator = Awaited<ReturnType<typeof startEmulatorServer>> & {
  control: (route: string, body?: unknown) => Promise<unknown>
  cabinetUrl: (options: { deviceCode?: string; qrText?: string; loginCode?: string; door?: 1 | 2 }) => string
}

/**
 * The emulator server (API, stream, control, H5 app) on a free port, loaded with a named scenario. `settings`
 * are for those the control side cannot change later (the open rate limit, say).
 */
export async function startEmulator(scenario: string, settings?: Partial<Settings>): Promise<Emulator> {
  const server = await startEmulatorServer({
    port: 0,
    host: '127.0.0.1',
    scenario,
    appDir: APP_DIR,
    quiet: true,
    settings,
  })
  const control = async (route: string, body?: unknown) => {
    const res = await fetch(`${server.url}/__control/${route}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`control ${route} answered ${res.status}: ${await res.text()}`)
    return res.json()
  }
  /** The URL a WeChat-style launch opens: the cabinet page with the QR text in `q`, URL-encoded. */
  const cabinetUrl: Emulator['cabinetUrl'] = ({
    deviceCode = 'GZ0001A',
    qrText,
    loginCode = 'code:u_happy',
    door,
  }) => {
    const text = qrText ?? `https://${QR_HOST}/c/${deviceCode}${door ? `?door=${door}` : ''}`
    const query = `q=${encodeURIComponent(text)}&login_code=${encodeURIComponent(loginCode)}`
    return `${server.url}/app/index.html#/pages/cabinet/index?${query}`
  }
  return Object.assign(server, { control, cabinetUrl })
}
