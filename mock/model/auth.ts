// Login with a platform code, phone binding, me. Platform codes are emulated by a deterministic rule so
// tests can log in as a fixture user: `code:<userId>` is that user (created first-time if unknown); any
// other code is a new first-time user (the same code again gives the same user); codes starting with
// `invalid` or `expired` are refused as the platform would.
import { requireUser, toUser } from './access'
import { cloudError, validationError } from './errors'
import { nextId, type Ctx, type UserRecord } from './state'
import { toIso } from './time'
import type { LoginResult, Platform, User } from './types'
import { fnv1a, isPlatform } from './util'

const USER_ID = /^[A-Za-z0-9_-]{1,40}$/

export function newUserRecord(ctx: Ctx, id: string, platform: Platform): UserRecord {
  return {
    id,
    nickname: platform === 'alipay' ? '支付宝用户' : '微信用户',
    phone: null,
    blacklisted: false,
    lastPlatform: platform,
    merchantId: null,
    credit: { wechat: { eligible: true }, alipay: { eligible: true } },
    agreementRefusal: {},
    refused: {},
    createdAt: ctx.clock.now(),
  }
}

function refusedCode(code: string): boolean {
  return code.startsWith('invalid') || code.startsWith('expired')
}

export function authOps(ctx: Ctx) {
  return {
    login(input: { platform: Platform; code: string }): LoginResult {
      if (!isPlatform(input?.platform)) throw validationError({ platform: '平台无效' })
      if (typeof input.code !== 'string' || input.code === '' || input.code.length > 128) {
        throw cloudError('AUTH_CODE_INVALID')
      }
      if (refusedCode(input.code)) throw cloudError('AUTH_CODE_INVALID')
      let user: UserRecord | undefined
      if (input.code.startsWith('code:')) {
        const id = input.code.slice('code:'.length)
        if (!USER_ID.test(id)) throw cloudError('AUTH_CODE_INVALID')
        user = ctx.world.users.get(id)
        if (!user) {
          user = newUserRecord(ctx, id, input.platform)
          ctx.world.users.set(id, user)
        }
      } else {
        const known = ctx.world.loginCodes.get(input.code)
        user = known === undefined ? undefined : ctx.world.users.get(known)
        if (!user) {
          user = newUserRecord(ctx, nextId(ctx, 'u_new'), input.platform)
          ctx.world.users.set(user.id, user)
          ctx.world.loginCodes.set(input.code, user.id)
        }
      }
      user.lastPlatform = input.platform
      const n = nextId(ctx, 'tok', 6)
      const token = `${n}_${fnv1a(`${user.id}|${n}|${ctx.clock.now()}`)}`
      const expiresAt = ctx.clock.now() + ctx.settings.tokenTtlMs
      ctx.world.tokens.set(token, { token, userId: user.id, platform: input.platform, expiresAt })
      return { token, expiresAt: toIso(expiresAt), user: toUser(ctx, user) }
    },

    /** Whether a token would be let in now (no side effects, unlike authenticate). */
    isTokenLive(token: string): boolean {
      const record = ctx.world.tokens.get(token)
      return record !== undefined && record.expiresAt > ctx.clock.now()
    },

    /** The user id behind a bearer token, or null when it is missing, unknown or expired (→ 401). */
    authenticate(token: string | null | undefined): string | null {
      if (!token) return null
      const record = ctx.world.tokens.get(token)
      if (!record || record.expiresAt <= ctx.clock.now()) return null
      // The platform of the current token is the one the user shops with (credit offers, payments).
      const user = ctx.world.users.get(record.userId)
      if (!user) return null
      user.lastPlatform = record.platform
      return user.id
    },

    /**
     * WeChat sends the getPhoneNumber `code`, Alipay the encrypted `response`. Emulation: `phone:<11 digits>`
     * binds that number, `invalid…` is refused, anything else binds a number derived from the code.
     */
    bindPhone(
      caller: string | null,
      input: { platform: Platform; code?: string; encryptedData?: string },
    ): User {
      const user = requireUser(ctx, caller)
      if (!isPlatform(input?.platform)) throw validationError({ platform: '平台无效' })
      const source =
        input.platform === 'alipay'
          ? (input.encryptedData ?? input.code)
          : (input.code ?? input.encryptedData)
      if (typeof source !== 'string' || source === '') {
        throw validationError({ [input.platform === 'alipay' ? 'encryptedData' : 'code']: '缺少手机号授权' })
      }
      if (refusedCode(source)) throw cloudError('PHONE_CODE_INVALID')
      const explicit = /^phone:(1\d{10})$/.exec(source)
      const digits = String(parseInt(fnv1a(source), 16) % 100_000_000).padStart(8, '0')
      user.phone = explicit?.[1] ?? `139${digits}`
      return toUser(ctx, user)
    },

    getMe(caller: string | null): User {
      return toUser(ctx, requireUser(ctx, caller))
    },
  }
}
