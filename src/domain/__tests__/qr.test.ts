import {
  DEFAULT_QR_HOSTS,
  DEVICE_CODE_PATTERN,
  MAX_QR_TEXT_LENGTH,
  cabinetQrUrl,
  cabinetScene,
  createQrParser,
  parseCabinetQr,
  parseQrHosts,
  type QrParseResult,
  type QrSource,
} from '../qr'

const parser = createQrParser({ hosts: ['qr.kaimengui.cn', 'q.kaimengui.cn', 'localhost', '127.0.0.1'] })
const scan = (text: unknown): QrParseResult => parser.parse({ kind: 'scan', text })
const wechatQ = (q: unknown): QrParseResult => parser.parse({ kind: 'wechatQ', q })
const scene = (s: unknown): QrParseResult => parser.parse({ kind: 'wechatScene', scene: s })
const alipay = (qrCode: unknown): QrParseResult => parser.parse({ kind: 'alipayQrCode', qrCode })

function expectRefused(result: QrParseResult, reason?: RegExp): void {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.code).toBe('QR_INVALID')
  expect(result.reason).toMatch(reason ?? /./)
}

describe('a shopper launching the app from the cabinet sticker', () => {
  const sticker = 'https://qr.kaimengui.cn/c/GZ0001A'

  test('in WeChat (普通链接二维码) gets the cabinet from the URL-encoded q', () => {
    expect(wechatQ(encodeURIComponent(sticker))).toEqual({ ok: true, deviceCode: 'GZ0001A' })
  })

  test('in WeChat with an already-plain q still gets the cabinet (decoding a plain URL changes nothing)', () => {
    expect(wechatQ(sticker)).toEqual({ ok: true, deviceCode: 'GZ0001A' })
  })

  test('in Alipay gets the cabinet from the raw qrCode of the launch options', () => {
    expect(alipay(sticker)).toEqual({ ok: true, deviceCode: 'GZ0001A' })
  })

  test('with the in-app scan button gets the cabinet from the raw text', () => {
    expect(scan(sticker)).toEqual({ ok: true, deviceCode: 'GZ0001A' })
  })

  test('on a dual-door cabinet sticker also gets the door', () => {
    expect(scan('https://qr.kaimengui.cn/c/GZ0002B?door=2')).toEqual({
      ok: true,
      deviceCode: 'GZ0002B',
      doorNo: 2,
    })
    expect(wechatQ(encodeURIComponent('https://q.kaimengui.cn/c/GZ0002B?door=1'))).toEqual({
      ok: true,
      deviceCode: 'GZ0002B',
      doorNo: 1,
    })
  })

  test('without a door on the sticker has no doorNo key at all', () => {
    const result = scan(sticker)
    expect(result.ok && 'doorNo' in result).toBe(false)
  })

  test('from a mini-program code gets the cabinet from scene, d=CODE or the bare code', () => {
    expect(scene('d%3DGZ0001A')).toEqual({ ok: true, deviceCode: 'GZ0001A' })
    expect(scene('d=GZ0001A')).toEqual({ ok: true, deviceCode: 'GZ0001A' })
    expect(scene('GZ0001A')).toEqual({ ok: true, deviceCode: 'GZ0001A' })
    expect(scene(encodeURIComponent('d=GZ0001A&door=2'))).toEqual({
      ok: true,
      deviceCode: 'GZ0001A',
      doorNo: 2,
    })
  })

  test('whose scanner appended a newline still gets the cabinet', () => {
    expect(scan(`${sticker}\r\n`)).toEqual({ ok: true, deviceCode: 'GZ0001A' })
    expect(scan(`  ${sticker} `)).toEqual({ ok: true, deviceCode: 'GZ0001A' })
  })

  test('from an upper-case printed URL (denser QR) gets the cabinet: scheme and host ignore case', () => {
    expect(scan('HTTPS://QR.KAIMENGUI.CN/c/GZ0001A')).toEqual({ ok: true, deviceCode: 'GZ0001A' })
  })

  test('with an explicit default https port gets the cabinet', () => {
    expect(scan('https://qr.kaimengui.cn:443/c/GZ0001A')).toEqual({ ok: true, deviceCode: 'GZ0001A' })
  })

  test('on the local emulator may use http and a port', () => {
    expect(scan('http://127.0.0.1:8787/c/GZ0001A')).toEqual({ ok: true, deviceCode: 'GZ0001A' })
    expect(scan('http://localhost:10086/c/GZ0001A?door=1')).toEqual({
      ok: true,
      deviceCode: 'GZ0001A',
      doorNo: 1,
    })
  })
})

describe('a shopper scanning a hostile or broken sticker gets QR_INVALID', () => {
  test('from a lookalike domain', () => {
    expectRefused(scan('https://qr.kaimengui.cn.evil.com/c/GZ0001A'), /not an allowed QR host/)
    expectRefused(scan('https://evilqr.kaimengui.cn/c/GZ0001A'), /not an allowed QR host/)
    expectRefused(scan('https://kaimengui.cn/c/GZ0001A'), /not an allowed QR host/)
    expectRefused(scan('https://qr.kaimengui.com/c/GZ0001A'), /not an allowed QR host/)
  })

  test('with our host dressed up as userinfo in front of the attacker host', () => {
    expectRefused(scan('https://qr.kaimengui.cn@evil.com/c/GZ0001A'), /userinfo/)
    expectRefused(scan('https://user:pw@qr.kaimengui.cn/c/GZ0001A'), /userinfo/)
  })

  test('with a trailing dot, an IPv6 literal or an empty host', () => {
    expectRefused(scan('https://qr.kaimengui.cn./c/GZ0001A'), /malformed/)
    expectRefused(scan('https://[::1]/c/GZ0001A'), /malformed/)
    expectRefused(scan('https:///c/GZ0001A'), /malformed/)
  })

  test('with a lookalike letter from another alphabet or full-width characters', () => {
    // Cyrillic 'і' in place of the Latin 'i'.
    expectRefused(scan('https://qr.kaimengu\u0456.cn/c/GZ0001A'), /non-ASCII/)
    expectRefused(scan('https://qr.kaimengui.cn/c/ＧＺ0001A'), /non-ASCII/)
    expectRefused(scan('https：//qr.kaimengui.cn/c/GZ0001A'), /non-ASCII/)
    expectRefused(scan('\u3000https://qr.kaimengui.cn/c/GZ0001A'), /non-ASCII/)
  })

  test('over plain http, or with javascript:, data: or ftp: schemes', () => {
    expectRefused(scan('http://qr.kaimengui.cn/c/GZ0001A'), /http is only allowed/)
    expectRefused(scan('javascript:alert(1)//qr.kaimengui.cn/c/GZ0001A'), /scheme "javascript"/)
    expectRefused(scan('JavaScript:alert(1)'), /scheme "javascript"/)
    expectRefused(scan('data:text/html,hi'), /scheme "data"/)
    expectRefused(scan('ftp://qr.kaimengui.cn/c/GZ0001A'), /scheme "ftp"/)
    expectRefused(scan('//qr.kaimengui.cn/c/GZ0001A'), /not a URL/)
    expectRefused(scan('https:/qr.kaimengui.cn/c/GZ0001A'), /no authority/)
  })

  test('with a non-default port on the production host', () => {
    expectRefused(scan('https://qr.kaimengui.cn:8443/c/GZ0001A'), /non-default port/)
    expectRefused(scan('https://qr.kaimengui.cn:/c/GZ0001A'), /malformed/)
    expectRefused(scan('http://127.0.0.1:0/c/GZ0001A'), /port is malformed/)
    expectRefused(scan('http://127.0.0.1:65536/c/GZ0001A'), /port is malformed/)
  })

  test('with path traversal, extra segments, a trailing slash or the wrong prefix', () => {
    expectRefused(scan('https://qr.kaimengui.cn/c/../c/GZ0001A'), /dot segments/)
    expectRefused(scan('https://qr.kaimengui.cn/x/../c/GZ0001A'), /dot segments/)
    expectRefused(scan('https://qr.kaimengui.cn/c/./GZ0001A'), /dot segments/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A/'), /not \/c\//)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A/extra'), /not \/c\//)
    expectRefused(scan('https://qr.kaimengui.cn//c/GZ0001A'), /not \/c\//)
    expectRefused(scan('https://qr.kaimengui.cn/C/GZ0001A'), /not \/c\//)
    expectRefused(scan('https://qr.kaimengui.cn/d/GZ0001A'), /not \/c\//)
    expectRefused(scan('https://qr.kaimengui.cn'), /not \/c\//)
    expectRefused(scan('https://qr.kaimengui.cn/c/'), /missing/)
    expectRefused(scan('https://qr.kaimengui.cn\\c\\GZ0001A'), /backslash/)
  })

  test('with percent-encoding left after the single decode (double encoding)', () => {
    // %2541 decodes once to %41; a second decode would have produced 'A'.
    expectRefused(wechatQ('https%3A%2F%2Fqr.kaimengui.cn%2Fc%2FGZ0001%2541'), /percent-encoding/)
    expectRefused(wechatQ(encodeURIComponent(encodeURIComponent('https://qr.kaimengui.cn/c/GZ0001A'))))
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001%41'), /percent-encoding/)
    expectRefused(scene('d%253DGZ0001A'), /percent-encoding/)
  })

  test('with a broken escape in q or scene', () => {
    expectRefused(wechatQ('https%3A%2F%2Fqr.kaimengui.cn%2Fc%2FGZ%E0%A4%A'), /not valid URL encoding/)
    expectRefused(scene('d%3'), /not valid URL encoding/)
  })

  test('with control characters or whitespace inside', () => {
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ\u00000001A'), /control/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ\t0001A'), /control/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A\u007f'), /control/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ 0001A'), /whitespace/)
    expectRefused(wechatQ('https%3A%2F%2Fqr.kaimengui.cn%2Fc%2FGZ%0A0001A'), /control/)
  })

  test('with a lower-case device code: refused, never upper-cased, so one cabinet has one URL', () => {
    expectRefused(scan('https://qr.kaimengui.cn/c/gz0001a'), /upper-case/)
    expectRefused(scene('d=gz0001a'), /upper-case/)
  })

  test('with a device code that is too short, too long or has other characters', () => {
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ01'), /pattern/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A0123456789'), /pattern/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ-0001A'), /pattern/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ_0001A'), /pattern/)
  })

  test('with a fragment, an unknown, repeated, empty or wrong door parameter', () => {
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A#x'), /fragment/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A?'), /empty query/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A?utm=x'), /unexpected query/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A?door=1&door=2'), /unexpected query/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A?door=1&x=y'), /unexpected query/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A?door=3'), /door must be 1 or 2/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A?door=01'), /door must be 1 or 2/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A?door'), /door must be 1 or 2/)
    expectRefused(scan('https://qr.kaimengui.cn/c/GZ0001A?door='), /door must be 1 or 2/)
  })

  test('with an over-long payload, whatever it contains', () => {
    const long = `https://qr.kaimengui.cn/c/GZ0001A?door=1${'x'.repeat(MAX_QR_TEXT_LENGTH)}`
    expectRefused(scan(long), /longer than 512/)
    expectRefused(wechatQ(encodeURIComponent(long)), /longer than 512/)
    expectRefused(scene(`d=${'A'.repeat(31)}`), /longer than 32/)
    expectRefused(scene('A'.repeat(200)), /too long/)
  })

  test('with an empty or blank payload', () => {
    expectRefused(scan(''), /empty/)
    expectRefused(scan('   \r\n'), /empty/)
    expectRefused(wechatQ(''), /empty/)
    expectRefused(scene(''), /empty/)
    expectRefused(alipay(''), /empty/)
  })

  test('when the platform handed over something that is not a string', () => {
    for (const value of [undefined, null, 42, ['https://qr.kaimengui.cn/c/GZ0001A'], {}]) {
      expectRefused(scan(value), /not a string/)
      expectRefused(wechatQ(value), /not a string/)
      expectRefused(scene(value), /not a string/)
      expectRefused(alipay(value), /not a string/)
    }
    expectRefused(parser.parse(null as unknown as QrSource), /missing/)
    expectRefused(parser.parse({ kind: 'nfc', text: 'x' } as unknown as QrSource), /unknown launch source/)
  })

  test('in Alipay, where qrCode is already decoded, an encoded URL is not decoded again', () => {
    expectRefused(alipay(encodeURIComponent('https://qr.kaimengui.cn/c/GZ0001A')))
  })

  test('from a mini-program code with a malformed scene', () => {
    expectRefused(scene('d='), /missing/)
    expectRefused(scene('x=GZ0001A'), /pattern/)
    expectRefused(scene('d=GZ0001A&door=3'), /door must be 1 or 2/)
    expectRefused(scene('d=GZ0001A&n=1'), /unexpected/)
    expectRefused(scene('d=GZ0001A&door=1&door=2'), /unexpected/)
  })
})

describe('the allowlist and code pattern are configurable', () => {
  test('the build-time host list (CABINET_QR_HOSTS) is the default', () => {
    expect(DEFAULT_QR_HOSTS).toEqual(parseQrHosts(process.env.CABINET_QR_HOSTS))
    expect(parseCabinetQr({ kind: 'scan', text: 'https://q.kaimengui.cn/c/GZ0001A' })).toEqual({
      ok: true,
      deviceCode: 'GZ0001A',
    })
  })

  test('a comma-separated host list is trimmed, lower-cased, de-duplicated, and junk entries are dropped', () => {
    expect(parseQrHosts(' QR.Example.com , ,qr.example.com,https://x.com,a b.com,127.0.0.1,')).toEqual([
      'qr.example.com',
      '127.0.0.1',
    ])
  })

  test('a merchant printing on its own domain is accepted only once that domain is configured', () => {
    const url = 'https://scan.merchant.cn/c/GZ0001A'
    expectRefused(scan(url), /not an allowed QR host/)
    expect(createQrParser({ hosts: ['scan.merchant.cn'] }).parse({ kind: 'scan', text: url })).toEqual({
      ok: true,
      deviceCode: 'GZ0001A',
    })
  })

  test('http on localhost is refused when localhost is not in the allowlist', () => {
    const prod = createQrParser({ hosts: ['qr.kaimengui.cn'] })
    expectRefused(prod.parse({ kind: 'scan', text: 'http://localhost:8787/c/GZ0001A' }), /not an allowed/)
  })

  test('a bad allowlist entry is a configuration bug and throws', () => {
    expect(() => createQrParser({ hosts: ['https://qr.kaimengui.cn'] })).toThrow(TypeError)
    expect(() => createQrParser({ hosts: ['qr.kaimengui.cn:443'] })).toThrow(TypeError)
    expect(() => createQrParser({ hosts: [''] })).toThrow(TypeError)
  })

  test('an empty allowlist refuses every URL', () => {
    const none = createQrParser({ hosts: [] })
    expectRefused(none.parse({ kind: 'scan', text: 'https://qr.kaimengui.cn/c/GZ0001A' }), /not an allowed/)
  })

  test('a custom device code pattern replaces the default, and a /g flag does not make it stateful', () => {
    const custom = createQrParser({ hosts: ['qr.kaimengui.cn'], codePattern: /^KM[0-9]{4}$/g })
    const text = 'https://qr.kaimengui.cn/c/KM0001'
    expect(custom.parse({ kind: 'scan', text })).toEqual({ ok: true, deviceCode: 'KM0001' })
    expect(custom.parse({ kind: 'scan', text })).toEqual({ ok: true, deviceCode: 'KM0001' })
    expectRefused(custom.parse({ kind: 'scan', text: 'https://qr.kaimengui.cn/c/GZ0001A' }), /pattern/)
  })

  test('the default device code pattern is the contract one', () => {
    expect(DEVICE_CODE_PATTERN.test('GZ0001A')).toBe(true)
    expect(DEVICE_CODE_PATTERN.test('GZ0001')).toBe(true)
    expect(DEVICE_CODE_PATTERN.test('GZ001')).toBe(false)
    expect(DEVICE_CODE_PATTERN.test('A'.repeat(16))).toBe(true)
    expect(DEVICE_CODE_PATTERN.test('A'.repeat(17))).toBe(false)
  })
})

describe('the merchant screen renders stickers from cabinetQrUrl', () => {
  test('the canonical URL is https on the production host and parses back to the same cabinet and door', () => {
    expect(cabinetQrUrl('qr.kaimengui.cn', 'GZ0001A')).toBe('https://qr.kaimengui.cn/c/GZ0001A')
    expect(cabinetQrUrl('qr.kaimengui.cn', 'GZ0002B', 2)).toBe('https://qr.kaimengui.cn/c/GZ0002B?door=2')
    for (const door of [undefined, 1, 2] as const) {
      for (const code of ['GZ0001A', 'ABC123', '0123456789ABCDEF']) {
        const url = cabinetQrUrl('q.kaimengui.cn', code, door)
        const expected =
          door === undefined ? { ok: true, deviceCode: code } : { ok: true, deviceCode: code, doorNo: door }
        expect(scan(url)).toEqual(expected)
        expect(wechatQ(encodeURIComponent(url))).toEqual(expected)
        expect(alipay(url)).toEqual(expected)
      }
    }
  })

  test('the emulator host gets http and keeps its port, and still parses back', () => {
    const url = cabinetQrUrl('127.0.0.1:8787', 'GZ0001A', 1)
    expect(url).toBe('http://127.0.0.1:8787/c/GZ0001A?door=1')
    expect(scan(url)).toEqual({ ok: true, deviceCode: 'GZ0001A', doorNo: 1 })
  })

  test('the host is normalized to lower case', () => {
    expect(cabinetQrUrl('QR.KAIMENGUI.CN', 'GZ0001A')).toBe('https://qr.kaimengui.cn/c/GZ0001A')
  })

  test('refuses to build a sticker that would not parse back', () => {
    expect(() => cabinetQrUrl('qr.kaimengui.cn', 'gz0001a')).toThrow(RangeError)
    expect(() => cabinetQrUrl('qr.kaimengui.cn', 'GZ/../X')).toThrow(RangeError)
    expect(() => cabinetQrUrl('qr.kaimengui.cn', 'GZ0001A', 3 as 1)).toThrow(RangeError)
    expect(() => cabinetQrUrl('https://qr.kaimengui.cn', 'GZ0001A')).toThrow(TypeError)
    expect(() => cabinetQrUrl('qr.kaimengui.cn:8443', 'GZ0001A')).toThrow(TypeError)
    expect(() => cabinetQrUrl('evil.com@qr.kaimengui.cn', 'GZ0001A')).toThrow(TypeError)
  })

  test('the mini-program code scene fits in 32 characters and parses back', () => {
    const longest = cabinetScene('A'.repeat(16), 2)
    expect(longest.length).toBeLessThanOrEqual(32)
    expect(scene(encodeURIComponent(longest))).toEqual({ ok: true, deviceCode: 'A'.repeat(16), doorNo: 2 })
    expect(scene(cabinetScene('GZ0001A'))).toEqual({ ok: true, deviceCode: 'GZ0001A' })
    expect(() => cabinetScene('gz')).toThrow(RangeError)
  })
})

describe('runtimes without the WHATWG URL class (mini-programs)', () => {
  test('the parser does not need it', () => {
    const g = globalThis as { URL?: unknown }
    const saved = g.URL
    g.URL = undefined
    try {
      expect(scan('https://qr.kaimengui.cn/c/GZ0001A?door=1')).toEqual({
        ok: true,
        deviceCode: 'GZ0001A',
        doorNo: 1,
      })
      expectRefused(scan('https://qr.kaimengui.cn@evil.com/c/GZ0001A'))
    } finally {
      g.URL = saved
    }
  })
})
