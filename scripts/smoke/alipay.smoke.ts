// The Alipay build (dist/alipay) under stand-in my/App/Page globals, read from Taro's rendered data tree.
import { openAlipayPage } from './lib/alipay'
import { cabinetSmokeTests } from './lib/cases'
import { merchantSmokeTests } from './lib/merchant-cases'
import { messagesSmokeTests } from './lib/messages-cases'
import { ordersSmokeTests } from './lib/orders-cases'

cabinetSmokeTests('alipay', openAlipayPage)
ordersSmokeTests('alipay', openAlipayPage)
merchantSmokeTests('alipay', openAlipayPage)
messagesSmokeTests('alipay', openAlipayPage)
