/**
 * Every reason the cloud's gate can give a cleared-looking shopper at the cabinet: the panel shows the
 * catalogue's message, hint and one action, and there is no 开门 button.
 */
import assert from 'node:assert/strict'
import { ERROR_CATALOGUE, type ErrorCode } from '../../src/domain/errors'
import { button, visible, visibleText } from '../lib/screen'
import { emulatorForFile, journey } from '../lib/shopper'

const emulator = emulatorForFile()

const GATES: [scenario: string, reason: ErrorCode, deviceCode: string][] = [
  ['offline_device', 'DEVICE_OFFLINE', 'GZ0001A'],
  ['expired_device', 'DEVICE_SERVICE_EXPIRED', 'GZ0001A'],
  ['not_activated', 'DEVICE_NOT_ACTIVATED', 'GZ0001A'],
  ['lock_fault', 'DEVICE_LOCK_FAULT', 'GZ0001A'],
  ['camera_fault', 'DEVICE_CAMERA_FAULT', 'GZ0001A'],
  ['restocking', 'DEVICE_RESTOCKING', 'GZ0001A'],
  ['in_use', 'DEVICE_IN_USE', 'GZ0001A'],
  ['quota_exhausted', 'DEVICE_QUOTA_EXHAUSTED', 'SJ0001V'],
  ['blacklisted', 'USER_BLACKLISTED', 'GZ0001A'],
  ['credit_rejected', 'CREDIT_REJECTED', 'GZ0001A'],
  ['unpaid_order', 'UNPAID_ORDER', 'GZ0001A'],
  ['rate_limited', 'RATE_LIMITED', 'GZ0001A'],
]

for (const [scenario, reason, deviceCode] of GATES) {
  const entry = ERROR_CATALOGUE[reason]
  journey(
    `gate ${scenario}: ${reason} shows "${entry.message}" and "${entry.actionLabel}", no 开门`,
    { emulator, scenario, timeoutMs: 20_000 },
    async ({ emulator: cloud, page }) => {
      await page.goto(cloud.cabinetUrl({ deviceCode, loginCode: 'code:u_happy' }))
      const panel = visible(page, `[data-gate-reason="${reason}"]`)
      await panel.waitFor({ timeout: 15_000 })
      assert.equal(
        (await panel.locator('.gate-panel__title').innerText()).trim(),
        entry.message,
        "the catalogue's message",
      )
      assert.equal((await panel.locator('.gate-panel__hint').innerText()).trim(), entry.hint)
      assert.equal(await button(page, entry.actionLabel).count(), 1, `one next step: ${entry.actionLabel}`)
      assert.equal(await visibleText(page, '开门').count(), 0, 'no 开门 button')
      assert.equal(await visible(page, '[data-gate-reason]').count(), 1, 'one reason at a time')
    },
  )
}
