import type { Client } from './client'
import { ROLES, type Role, type User } from './suite'

/** The emulator's fixture users (mock/model/fixtures/world.ts), the default when no --users is given. */
export const EMULATOR_USERS: Record<Role, string> = {
  shopper: 'code:u_happy',
  other: 'code:u_other',
  staff: 'code:u_staff',
  merchant: 'code:u_merchant',
}

/** `shopper=CODE,other=CODE,…` → login codes per role; every role must be given. */
export function parseUsers(text: string): Record<Role, string> {
  const pairs = new Map(text.split(',').map((pair) => pair.split('=', 2) as [string, string]))
  const missing = ROLES.filter((r) => !pairs.get(r))
  if (missing.length > 0) throw new Error(`--users needs a login code for: ${missing.join(', ')}`)
  return Object.fromEntries(ROLES.map((r) => [r, pairs.get(r)!])) as Record<Role, string>
}

export async function logIn(client: Client, codes: Record<Role, string>, platform: string) {
  const users = {} as Record<Role, User>
  for (const role of ROLES) {
    const answer = await client.call('login', {
      body: { platform, code: codes[role] },
      label: `log in as ${role}`,
    })
    const body = answer.body as { token?: string; user?: { id?: string } }
    if (answer.status !== 200 || !body.token || !body.user?.id)
      throw new Error(`logging in as ${role} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
    users[role] = { role, token: body.token, userId: body.user.id }
  }
  return users
}
