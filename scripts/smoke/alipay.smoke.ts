// The Alipay build (dist/alipay) under stand-in my/App/Page globals, read from Taro's rendered data tree.
import { openAlipayPage } from './lib/alipay'
import { cabinetSmokeTests } from './lib/cases'
import { merchantSmokeTests } from './lib/merchant-cases'

cabinetSmokeTests('alipay', openAlipayPage)
merchantSmokeTests('alipay', openAlipayPage)
