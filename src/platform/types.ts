import type { CreditAuthorizationPayload, PaymentPayload } from '@/api/types'
import type { QrSource } from '@/domain/qr'

/** What every platform file implements. Shapes are platform-neutral; the per-platform files translate. */

export type PlatformName = 'weapp' | 'alipay' | 'h5'

/** Where a cabinet code came from, before the domain's strict QR parser has looked at it. */
export type LaunchSource = QrSource

export type PageQuery = Record<string, string | undefined>

export interface AppShowInfo {
  /** A cabinet QR that brought the app to the foreground (hot start), if any. */
  source: LaunchSource | null
  /** True when this show is (or may be) the return from the platform's credit page. */
  mayBeCreditReturn: boolean
}

/**
 * Why a protected step did not happen: the user cancelled it, refused the permission before (`denied`: a
 * switch in the mini-program's settings), or refused WeChat's privacy guide consent (`privacy`: no switch;
 * agreeing on the next try is the way).
 */
export type RefusalReason = 'cancelled' | 'denied' | 'privacy' | 'failed'

export type PhoneCredential =
  | { ok: true; platform: PlatformName; code?: string; encryptedData?: string }
  | { ok: false; reason: 'cancelled' | 'quota' | 'privacy' | 'failed'; detail?: string }

/** Props for Taro's Button that make it the platform's own phone-number button. */
export interface PhoneButtonProps {
  openType?: 'getPhoneNumber' | 'getAuthorize'
  scope?: 'phoneNumber'
  onGetPhoneNumber?: (event: { detail: Record<string, unknown> }) => void
  onGetAuthorize?: () => void
  onError?: (event: unknown) => void
  onClick?: () => void
}

/** A scan's result as a launch source: the QR's text, or a WeChat mini-program code's `scene`. */
export type ScanResult =
  | { ok: true; source: LaunchSource }
  | { ok: false; reason: 'cancelled' | 'denied' | 'failed' }

/** A picture the shopper picked, ready for the upload: a temp file path (a blob URL on H5) and its size. */
export interface ChosenImage {
  path: string
  sizeBytes: number
}

export type ChooseImagesResult =
  | { ok: true; images: ChosenImage[] }
  | { ok: false; reason: RefusalReason; detail?: string }

/** Opaque payloads from the cloud, exactly as the contract defines them. */
export type CreditPayload = CreditAuthorizationPayload
export type { PaymentPayload }

/**
 * What the platform page said when it handed control back. Never proof of anything: the app always
 * asks the cloud afterwards. `returned` means "go and ask"; `cancelled` means the user backed out.
 */
export type PlatformFlowResult =
  | { outcome: 'returned'; detail?: string }
  | { outcome: 'cancelled'; detail?: string }
  | { outcome: 'failed'; detail?: string }

export interface SocketHandlers {
  onOpen: () => void
  onMessage: (text: string) => void
  onClose: (code: number, reason: string) => void
  onError: (detail: string) => void
}

export interface SocketConnection {
  send: (text: string) => void
  close: () => void
}

/**
 * A drawn `<Canvas type='2d'>` node, as Taro's selector query hands it over (`fields({ node: true })`):
 * WeChat's and Alipay's Canvas objects, or the browser's HTMLCanvasElement. Opaque outside the seam.
 */
export type CanvasNode = object

/** `denied`: the user has refused the photo album (the page tells how to allow it in the settings). */
export type SaveImageResult = { ok: true } | { ok: false; reason: RefusalReason; detail?: string }

/**
 * WeChat asks for consent to the mini-program's 用户隐私保护指引 before a protected call (the phone button,
 * the photo picker, the album); the app answers from its own sheet. Agreeing must come from the tap on a
 * button of open-type `agreePrivacyAuthorization`, named by its id.
 */
export interface PrivacyRequest {
  agree: (buttonId: string) => void
  disagree: () => void
}

/** Props that make a Button the platform's agree-to-privacy button (a plain button where there is none). */
export interface PrivacyAgreeButtonProps {
  id: string
  openType?: 'agreePrivacyAuthorization'
  onAgreePrivacyAuthorization?: () => void
  onClick?: () => void
}

/** One template's answer, in WeChat's words (Alipay's are translated). */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'

/**
 * The user's answer to a subscribe-message request. `switched_off`: they turned off the mini-program's
 * subscribe messages altogether (a switch in its settings page); `unsupported`: this client or platform
 * cannot ask at all.
 */
export type SubscribeResult =
  | {
      ok: true
      answers: Record<string, SubscribeAnswer>
      /** the user chose "always keep this choice / don't ask again" */
      keep: boolean
    }
  | { ok: false; reason: 'unsupported' | 'switched_off' | 'cancelled' | 'failed'; detail?: string }

export interface Coordinates {
  latitude: number
  longitude: number
}

/** A point picked on the map: its name (a POI, the 点位), its address and its GCJ-02 coordinates. */
export interface PickedLocation extends Coordinates {
  name: string
  address: string
}

/**
 * `denied`: the location permission was refused before (a switch in the mini-program's settings);
 * `privacy`: WeChat's privacy-guide consent was refused (agree on the next try).
 */
export type ChooseLocationResult =
  | { ok: true; location: PickedLocation }
  | { ok: false; reason: RefusalReason; detail?: string }

export interface KeyValueStorage {
  /** Null for a missing key on every platform (WeChat returns '' there). */
  getItem: (key: string) => string | null
  setItem: (key: string, value: string) => void
  removeItem: (key: string) => void
}

export interface Platform {
  name: PlatformName
  getLoginCode: () => Promise<string>
  phoneButtonProps: (onCredential: (credential: PhoneCredential) => void) => PhoneButtonProps
  /** The cabinet source of a cold start: the page's query (WeChat, H5) or the app's launch options (Alipay). */
  getLaunchSource: (pageQuery: PageQuery) => LaunchSource | null
  onAppShow: (listener: (info: AppShowInfo) => void) => () => void
  scanCabinet: () => Promise<ScanResult>
  authorizeCredit: (payload: CreditPayload) => Promise<PlatformFlowResult>
  pay: (payload: PaymentPayload) => Promise<PlatformFlowResult>
  openSocket: (url: string, handlers: SocketHandlers) => Promise<SocketConnection>
  storage: KeyValueStorage
  makePhoneCall: (phoneNumber: string) => void
  /**
   * The platform's own picker for up to `count` pictures (album or camera). A platform may hand back more
   * than asked (a browser's file dialog): the caller keeps what fits.
   */
  chooseImages: (count: number) => Promise<ChooseImagesResult>
  vibrate: () => void
  /** Say a short prompt aloud where the platform can; false where it cannot (the caller then vibrates). */
  speak: (text: string) => boolean
  /** Tells when the phone loses or regains its network (work kept offline is sent when it returns). */
  onNetworkChange: (listener: (online: boolean) => void) => () => void

  /** The window's size in px (a list sizes its rows to it); a phone-sized guess where it cannot be read. */
  windowSize: () => { width: number; height: number }
  /** Privacy consent requests (WeChat); elsewhere there are none. Returns a function that stops listening. */
  onPrivacyRequest: (listener: (request: PrivacyRequest) => void) => () => void
  /** Opens the mini-program's 用户隐私保护指引; false where it cannot be opened. */
  openPrivacyContract: () => Promise<boolean>
  privacyAgreeButtonProps: (id: string, onAgree: () => void) => PrivacyAgreeButtonProps
  /** Asks to send the user the given templates later (at most 3; must run inside a tap handler). Never throws. */
  requestSubscribe: (templateIds: string[]) => Promise<SubscribeResult>

  /** Saves what a Canvas 2D shows as a PNG in the phone's photo album (H5: downloads it as `fileName`). */
  saveImageToAlbum: (canvas: CanvasNode, fileName: string) => Promise<SaveImageResult>

  /**
   * The platform's map picker (WeChat's 腾讯地图, Alipay's 高德), opened at `current` when given. Both give
   * GCJ-02 coordinates. Never throws: a cancel, a refused permission or privacy consent is a refusal.
   */
  chooseLocation: (current?: Coordinates) => Promise<ChooseLocationResult>
}
