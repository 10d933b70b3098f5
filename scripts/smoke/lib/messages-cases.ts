import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { MessagePage } from '../../../src/api/types'
import { waitFor, type OpenedPage } from './screen'
import { smokeSuite, type PageOpener } from './suite'

const STAFF = 'code:u_staff'
const LIST = 'packages/messages/pages/list/index'

/**
 * The message centre subpackage in the compiled mini-programs: the staff member of a cabinet that went
 * offline reads its alarm, unread, and a tap marks it read and opens the cabinet's health page.
 */
export function messagesSmokeTests(platform: 'weapp' | 'alipay', open: PageOpener): void {
  const suite = smokeSuite(open, 'offline_device')
  const { withPage } = suite
  const describe = (page: OpenedPage) => () => JSON.stringify(page.screen.texts())

  test(`${platform}: the message centre lists the cloud's messages, and a tap opens the message's page`, async () => {
    const messages = (await suite.cloud.getAsShopper(platform, '/v1/messages', STAFF)) as MessagePage
    const alarm = messages.items[0]
    assert.ok(alarm, 'the offline cabinet raised an alarm message')
    await withPage({ page: LIST, loginCode: STAFF }, async (page) => {
      await waitFor(
        () => page.screen.byClass('messages__item').length === messages.items.length,
        describe(page),
      )
      assert.ok(page.screen.texts().includes(alarm.title))
      assert.ok(page.screen.texts().includes(`${messages.unreadCount} 条未读`))
      assert.equal(page.screen.byClass('messages__item--unread').length, messages.unreadCount)
      await page.screen.byClass('messages__item')[0]!.tap()
      await waitFor(() => page.effects.navigations.length > 0, describe(page))
      assert.match(
        page.effects.navigations[0] ?? '',
        new RegExp(`^navigateTo /packages/staff/pages/device/index\\?code=${alarm.page.query.code}$`),
      )
      // The cabinet's page settles before the test ends (its loads and writes belong to this test).
      const code = alarm.page.query.code ?? ''
      await waitFor(() => page.screen.texts().some((t) => t.includes(code)), describe(page))
    })
    const after = (await suite.cloud.getAsShopper(platform, '/v1/messages', STAFF)) as MessagePage
    assert.equal(after.unreadCount, messages.unreadCount - 1, 'the tap marked it read in the cloud')
  })
}
