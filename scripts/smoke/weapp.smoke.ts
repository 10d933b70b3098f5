// The WeChat build (dist/weapp) through miniprogram-simulate and the official wcc template compiler.
import { cabinetSmokeTests } from './lib/cases'
import { merchantSmokeTests } from './lib/merchant-cases'
import { messagesSmokeTests } from './lib/messages-cases'
import { ordersSmokeTests } from './lib/orders-cases'
import { openWeappPage } from './lib/weapp'

cabinetSmokeTests('weapp', openWeappPage)
ordersSmokeTests('weapp', openWeappPage)
merchantSmokeTests('weapp', openWeappPage)
messagesSmokeTests('weapp', openWeappPage)
