// The strict cabinet-QR parser. A QR sticker is untrusted input (anyone can paste a sticker over ours), so
// everything that is not exactly a canonical cabinet URL on an allowed host is refused, with a reason for
// the logs. Mini-program runtimes have no WHATWG URL class, and its lenient parsing (userinfo, backslashes,
// IDNA, percent-decoding) is what we want to refuse anyway, so the URL is parsed by hand.
//
// Accepted QR text:  https://<allowed host>[:443]/c/<DEVICE_CODE>[?door=1|2]
//                    http(s)://localhost|127.0.0.1[:port]/c/<DEVICE_CODE>[?door=1|2]   (the emulator)
// Accepted WeChat mini-program code scene:  <DEVICE_CODE>  |  d=<DEVICE_CODE>[&door=1|2]
//
// Decisions, each pinned by a test:
// - Only ASCII whitespace (space, tab, CR, LF) at the ends is trimmed: scanners append CR/LF. Whitespace
//   inside, control characters and any non-ASCII character (full-width, lookalike letters) are refused.
// - Scheme and host are case-insensitive (RFC 3986; upper-case URLs make denser QR codes). The path and the
//   device code are not: lower-case device codes are refused, never upper-cased, so one cabinet has one URL.
// - No percent-encoding at all after the one decode: device codes never need it, so any '%' left is
//   double-encoding or obfuscation.
// - No userinfo, fragment, trailing slash, extra path segment, empty or unknown query parameter.

export type DoorNo = 1 | 2

/** Where a cabinet code came from. Values are `unknown` because platform query objects are untyped. */
export type QrSource =
  | { kind: 'wechatQ'; q: unknown }
  | { kind: 'wechatScene'; scene: unknown }
  | { kind: 'alipayQrCode'; qrCode: unknown }
  | { kind: 'scan'; text: unknown }

export type QrParseResult =
  | { ok: true; deviceCode: string; doorNo?: DoorNo }
  | { ok: false; code: 'QR_INVALID'; reason: string }

export interface QrParserOptions {
  /** Hostnames (no scheme, no port) the app accepts QR URLs from. */
  hosts: readonly string[]
  codePattern?: RegExp
}

export interface QrParser {
  readonly hosts: readonly string[]
  parse(source: QrSource): QrParseResult
}

export const DEVICE_CODE_PATTERN = /^[A-Z0-9]{6,16}$/
export const MAX_QR_TEXT_LENGTH = 512
/** WeChat's limit for `wxacode.getUnlimited` scenes. */
export const MAX_SCENE_LENGTH = 32

const FALLBACK_QR_HOSTS = 'qr.kaimengui.cn,q.kaimengui.cn'
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1'])

// LDH labels joined by dots; no trailing dot, no empty label, no leading/trailing hyphen.
const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/
const AUTHORITY = /^([A-Za-z0-9.-]+)(?::([0-9]+))?$/
const PORT = /^[1-9][0-9]{0,4}$/
const EDGE_WHITESPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g

function fail(reason: string): QrParseResult {
  return { ok: false, code: 'QR_INVALID', reason }
}

function ok(deviceCode: string, doorNo: DoorNo | undefined): QrParseResult {
  return doorNo === undefined ? { ok: true, deviceCode } : { ok: true, deviceCode, doorNo }
}

/** Normalizes a comma-separated host list; entries that are not plain hostnames are dropped, not trusted. */
export function parseQrHosts(csv: string): string[] {
  const out: string[] = []
  for (const part of csv.split(',')) {
    const host = part.trim().toLowerCase()
    if (host !== '' && HOSTNAME.test(host) && !out.includes(host)) out.push(host)
  }
  return out
}

function configuredHostList(): string | undefined {
  try {
    // Replaced by a string literal at build time (config/index.ts defineConstants); jest sets it too. The
    // try covers a runtime where it was not replaced and `process` does not exist.
    const value = process.env.CABINET_QR_HOSTS
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

export const DEFAULT_QR_HOSTS: readonly string[] = Object.freeze(
  parseQrHosts(configuredHostList() ?? FALLBACK_QR_HOSTS),
)

/** Decodes exactly once; a malformed escape is a refusal, not an exception. */
function decodeOnce(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

/** Shared checks for any text after decoding; returns the trimmed text or a refusal. */
function cleanText(raw: unknown, what: string, maxLength: number): string | QrParseResult {
  if (typeof raw !== 'string') return fail(`${what} is not a string`)
  if (raw.length > maxLength) return fail(`${what} is longer than ${maxLength} characters`)
  const text = raw.replace(EDGE_WHITESPACE, '')
  if (text === '') return fail(`${what} is empty`)
  if (/[\x00-\x1f\x7f]/.test(text)) return fail(`${what} contains control characters`)
  if (/[^\x00-\x7f]/.test(text)) return fail(`${what} contains non-ASCII characters`)
  if (/[ ]/.test(text)) return fail(`${what} contains whitespace`)
  if (text.includes('%')) return fail(`${what} contains percent-encoding (double-encoded or obfuscated)`)
  if (text.includes('\\')) return fail(`${what} contains a backslash`)
  return text
}

// Copies the pattern without g/y so `test` is stateless whatever flags the caller's RegExp had.
function statelessPattern(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''))
}

function checkCode(code: string, pattern: RegExp): string | null {
  if (code === '') return 'device code is missing'
  if (pattern.test(code)) return null
  if (pattern.test(code.toUpperCase())) return 'device code must be upper-case'
  return 'device code does not match the device code pattern'
}

function parseDoor(value: string): DoorNo | null {
  if (value === '1') return 1
  if (value === '2') return 2
  return null
}

/** The only query (URL) or tail (scene) we accept: exactly `door=1` or `door=2`. */
function parseDoorParam(query: string): DoorNo | string {
  const eq = query.indexOf('=')
  const key = eq < 0 ? query : query.slice(0, eq)
  if (key !== 'door' || query.includes('&')) return 'unexpected query parameter'
  const door = eq < 0 ? null : parseDoor(query.slice(eq + 1))
  return door ?? 'door must be 1 or 2'
}

function parseUrl(text: string, hosts: ReadonlySet<string>, pattern: RegExp): QrParseResult {
  const scheme = SCHEME.exec(text)
  if (!scheme) return fail('not a URL')
  const schemeName = (scheme[1] ?? '').toLowerCase()
  if (schemeName !== 'https' && schemeName !== 'http') return fail(`scheme "${schemeName}" is not allowed`)

  const afterScheme = text.slice(scheme[0].length)
  if (!afterScheme.startsWith('//')) return fail('URL has no authority')
  const rest = afterScheme.slice(2)
  const authorityEnd = rest.search(/[/?#]/)
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd)
  const pathAndMore = authorityEnd < 0 ? '' : rest.slice(authorityEnd)

  if (authority.includes('@')) return fail('URL carries userinfo')
  const auth = AUTHORITY.exec(authority)
  if (!auth) return fail('URL host is malformed')
  const host = (auth[1] ?? '').toLowerCase()
  const port = auth[2]
  if (!HOSTNAME.test(host)) return fail('URL host is malformed')
  if (!hosts.has(host)) return fail(`host "${host}" is not an allowed QR host`)

  const loopback = LOOPBACK_HOSTS.has(host)
  if (schemeName === 'http' && !loopback) return fail('http is only allowed for the local emulator')
  if (port !== undefined) {
    if (!PORT.test(port) || Number(port) > 65535) return fail('URL port is malformed')
    if (!loopback && port !== '443') return fail('URL has a non-default port')
  }

  if (pathAndMore.includes('#')) return fail('URL has a fragment')
  const q = pathAndMore.indexOf('?')
  const path = q < 0 ? pathAndMore : pathAndMore.slice(0, q)
  const query = q < 0 ? undefined : pathAndMore.slice(q + 1)

  const segments = path.split('/')
  if (segments.some((s) => s === '.' || s === '..')) return fail('URL path contains dot segments')
  // '/c/CODE' splits into ['', 'c', 'CODE'].
  if (segments.length !== 3 || segments[0] !== '' || segments[1] !== 'c') {
    return fail('URL path is not /c/<DEVICE_CODE>')
  }
  const code = segments[2] ?? ''
  const codeProblem = checkCode(code, pattern)
  if (codeProblem) return fail(codeProblem)

  if (query === undefined) return ok(code, undefined)
  if (query === '') return fail('URL has an empty query')
  const door = parseDoorParam(query)
  return typeof door === 'string' ? fail(door) : ok(code, door)
}

function parseScene(text: string, pattern: RegExp): QrParseResult {
  if (text.length > MAX_SCENE_LENGTH) return fail(`scene is longer than ${MAX_SCENE_LENGTH} characters`)
  if (!text.startsWith('d=')) {
    const problem = checkCode(text, pattern)
    return problem ? fail(`scene: ${problem}`) : ok(text, undefined)
  }
  const body = text.slice(2)
  const amp = body.indexOf('&')
  const code = amp < 0 ? body : body.slice(0, amp)
  const problem = checkCode(code, pattern)
  if (problem) return fail(`scene: ${problem}`)
  if (amp < 0) return ok(code, undefined)
  const door = parseDoorParam(body.slice(amp + 1))
  return typeof door === 'string' ? fail(`scene: ${door}`) : ok(code, door)
}

export function createQrParser(options: QrParserOptions): QrParser {
  const hostList: string[] = []
  for (const raw of options.hosts) {
    const host = typeof raw === 'string' ? raw.trim().toLowerCase() : ''
    // A bad allowlist is a configuration bug; failing loudly beats silently accepting or refusing.
    if (!HOSTNAME.test(host)) throw new TypeError(`createQrParser: "${String(raw)}" is not a hostname`)
    if (!hostList.includes(host)) hostList.push(host)
  }
  const hosts: ReadonlySet<string> = new Set(hostList)
  const pattern = statelessPattern(options.codePattern ?? DEVICE_CODE_PATTERN)

  function parseQrText(raw: unknown, what: string, decode: boolean): QrParseResult {
    if (typeof raw !== 'string') return fail(`${what} is not a string`)
    // Bounded before decoding so a huge payload costs nothing.
    if (raw.length > MAX_QR_TEXT_LENGTH)
      return fail(`${what} is longer than ${MAX_QR_TEXT_LENGTH} characters`)
    const decoded = decode ? decodeOnce(raw) : raw
    if (decoded === null) return fail(`${what} is not valid URL encoding`)
    const text = cleanText(decoded, what, MAX_QR_TEXT_LENGTH)
    return typeof text === 'string' ? parseUrl(text, hosts, pattern) : text
  }

  function parse(source: QrSource): QrParseResult {
    if (typeof source !== 'object' || source === null) return fail('launch source is missing')
    switch (source.kind) {
      case 'wechatQ':
        return parseQrText(source.q, 'q', true)
      case 'alipayQrCode':
        return parseQrText(source.qrCode, 'qrCode', false)
      case 'scan':
        return parseQrText(source.text, 'scan result', false)
      case 'wechatScene': {
        const raw = source.scene
        if (typeof raw !== 'string') return fail('scene is not a string')
        // An encoded 32-character scene is at most 96 characters; anything longer is not a scene.
        if (raw.length > MAX_SCENE_LENGTH * 3) return fail('scene is too long')
        const decoded = decodeOnce(raw)
        if (decoded === null) return fail('scene is not valid URL encoding')
        const text = cleanText(decoded, 'scene', MAX_SCENE_LENGTH)
        return typeof text === 'string' ? parseScene(text, pattern) : text
      }
      default:
        return fail('unknown launch source kind')
    }
  }

  return { hosts: Object.freeze(hostList), parse }
}

let defaultParser: QrParser | undefined

/** Parses with the build's configured hosts and the standard device code pattern. */
export function parseCabinetQr(source: QrSource): QrParseResult {
  defaultParser ??= createQrParser({ hosts: DEFAULT_QR_HOSTS })
  return defaultParser.parse(source)
}

/**
 * The canonical cabinet URL the merchant screen turns into a QR. `host` is a hostname; the loopback hosts
 * may carry a port (the emulator) and get http. Throws on bad input: printing a sticker that will not
 * parse back is worse than a visible bug.
 */
export function cabinetQrUrl(host: string, deviceCode: string, doorNo?: DoorNo): string {
  const auth = AUTHORITY.exec(host)
  const hostname = (auth?.[1] ?? '').toLowerCase()
  const port = auth?.[2]
  if (!auth || !HOSTNAME.test(hostname)) throw new TypeError(`cabinetQrUrl: "${host}" is not a hostname`)
  const loopback = LOOPBACK_HOSTS.has(hostname)
  if (port !== undefined && (!loopback || !PORT.test(port) || Number(port) > 65535)) {
    throw new TypeError(`cabinetQrUrl: a port is only allowed on the local emulator host`)
  }
  if (!DEVICE_CODE_PATTERN.test(deviceCode))
    throw new RangeError(`cabinetQrUrl: bad device code "${deviceCode}"`)
  if (doorNo !== undefined && doorNo !== 1 && doorNo !== 2)
    throw new RangeError('cabinetQrUrl: door must be 1 or 2')
  const authority = port === undefined ? hostname : `${hostname}:${port}`
  const base = `${loopback ? 'http' : 'https'}://${authority}/c/${deviceCode}`
  return doorNo === undefined ? base : `${base}?door=${doorNo}`
}

/** The `scene` for a WeChat mini-program code (`wxacode.getUnlimited`), within WeChat's 32 characters. */
export function cabinetScene(deviceCode: string, doorNo?: DoorNo): string {
  if (!DEVICE_CODE_PATTERN.test(deviceCode))
    throw new RangeError(`cabinetScene: bad device code "${deviceCode}"`)
  if (doorNo !== undefined && doorNo !== 1 && doorNo !== 2)
    throw new RangeError('cabinetScene: door must be 1 or 2')
  return doorNo === undefined ? `d=${deviceCode}` : `d=${deviceCode}&door=${doorNo}`
}
