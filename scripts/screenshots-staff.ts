/**
 * The staff workspace's README pictures: a restocker's scan of the cabinet QR, the device-health list, live
 * changes during a free restock and its summary, from the H5 build against the emulator in Chromium. Needs dist/h5 (`npm run build:h5`).
 * Run: node --import tsx scripts/screenshots-staff.ts
 */
import { appUrl, tapButton } from '../e2e/lib/staff'
import { takeScreenshots } from './lib/screenshots'

takeScreenshots('demo', 'staff-', async ({ emulator, page, shot }) => {
  // The cabinet's own QR, scanned by one of its restockers: 购物 / 补货 / 盘点.
  await page.goto(emulator.cabinetUrl({ deviceCode: 'GZ0001A', loginCode: 'code:u_staff' }))
  await page.locator('[data-staff-actions]').waitFor({ timeout: 20_000 })
  await page.waitForTimeout(500)
  await shot('cabinet-choice')

  // Device health: a camera fault on the vision cabinet joins the demo's lock fault, offline cabinet
  // and the cabinet whose service ends in 5 days.
  await emulator.control('fault', { deviceCode: 'SJ0001V', fault: 'camera_fault', on: true })
  // A taller phone, so the cabinets that need someone fit in one picture.
  await page.setViewportSize({ width: 390, height: 1180 })
  await page.goto(appUrl(emulator, '/packages/staff/pages/home/index', {}, 'code:u_staff'))
  await page.locator('.device-card').nth(6).waitFor({ timeout: 20_000 })
  await page.waitForTimeout(500)
  await shot('devices')
  await page.setViewportSize({ width: 390, height: 844 })

  // A free restock: the shelves weigh +3 chips and −1 milk, the restocker counts one more bag of chips.
  await page.goto(
    appUrl(emulator, '/packages/staff/pages/restock/index', { code: 'GZ0001A' }, 'code:u_staff'),
  )
  await tapButton(page, '开门补货')
  await page.getByText('柜门已打开，请补货').waitFor({ timeout: 20_000 })
  const door = { deviceCode: 'GZ0001A', doorNo: 1 }
  await emulator.control('return', { ...door, productId: 'p_chips', qty: 3 })
  await emulator.control('take', { ...door, productId: 'p_milk', qty: 1 })
  await emulator.control('return', { ...door, productId: 'p_sandwich', qty: 2 })
  await page.locator('.live-changes__line').nth(2).waitFor({ timeout: 10_000 })
  await page.waitForTimeout(300)
  await shot('restock-live')
  await emulator.control('close', door)
  const chips = page.locator('.restock-summary [data-product-id="p_chips"]')
  await chips.waitFor({ timeout: 10_000 })
  await chips.locator('[data-step="plus"]').click()
  await page.waitForTimeout(300)
  await shot('restock-summary')
})
