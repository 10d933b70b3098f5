/** What the cloud holds, read straight from the emulator a journey runs against (not through the phone). */
import assert from 'node:assert/strict'
import type { ControlState } from '../../mock/handlers/control'
import type { Emulator } from './emulator'

/** The door sessions a user started in this journey (the scenario's seeded history left out). */
export function sessionsOf(emulator: Emulator, userId: string) {
  return [...emulator.cloud.inspect().sessions.values()].filter(
    (s) => s.userId === userId && !s.intentId.startsWith('seed-') && !s.intentId.startsWith('fixture-'),
  )
}

/** The one door session of this journey, or a failure naming how many there were. */
export function onlySessionOf(emulator: Emulator, userId: string) {
  const sessions = sessionsOf(emulator, userId)
  const session = sessions[0]
  if (sessions.length !== 1 || !session) {
    throw new Error(`expected one door session for ${userId}, the cloud has ${sessions.length}`)
  }
  return session
}

/** The cloud's receipt for an order, as the contract serves it to its owner. */
export function cloudReceipt(emulator: Emulator, userId: string, orderId: string) {
  return emulator.cloud.getOrder(userId, orderId)
}

/** The cloud's receipt for the order a door session settled into (it must have made one). */
export function receiptOfSession(emulator: Emulator, userId: string, sessionId: string) {
  const orderId = emulator.cloud.inspect().sessions.get(sessionId)?.orderId
  assert.ok(orderId, 'the cloud made an order')
  return cloudReceipt(emulator, userId, orderId)
}

export async function controlState(emulator: Emulator): Promise<ControlState> {
  return (await emulator.control('state')) as ControlState
}

/** product → qty of a cart as the cloud prices it. */
export function cartLines(cart: { lines: { productId: string; qty: number }[] }): Record<string, number> {
  return Object.fromEntries(cart.lines.map((l) => [l.productId, l.qty]))
}
