// Deposits (押金开门 on WeChat, 预授权 on Alipay): money held before the door opens. Settlement takes the goods
// from it; the rest goes back the way it came (a refund 原路返回, or an unfreeze); a cart above the deposit
// leaves the difference as an unpaid order. A return that fails is tried again until it goes through: the
// shopper sees 退款处理中 meanwhile, and the money is never lost.
import type { CreditAuthRecord, Ctx, DepositRecord } from './state'
import type { CreditMethod, Deposit } from './types'

export const DEPOSIT_METHODS: readonly CreditMethod[] = ['wxpay_deposit', 'alipay_preauth']

export function isDepositMethod(method: CreditMethod): boolean {
  return DEPOSIT_METHODS.includes(method)
}

/** The platform confirmed the payment (or the freeze): the money is held for one door session. */
export function holdDeposit(record: CreditAuthRecord): void {
  if (!isDepositMethod(record.method) || record.deposit) return
  record.deposit = {
    kind: record.method === 'alipay_preauth' ? 'preauth' : 'deposit',
    heldFen: record.depositFen ?? 0,
    chargedFen: 0,
    returnedFen: 0,
    remainderFen: 0,
    returnState: 'none',
  }
}

/** Settlement: the goods are taken from the deposit, the rest goes back; returns what is still owed. */
export function settleDeposit(ctx: Ctx, record: CreditAuthRecord, deviceCode: string, totalFen: number) {
  const deposit = record.deposit
  if (!deposit || deposit.returnState !== 'none') return { chargedFen: 0, remainderFen: totalFen }
  deposit.chargedFen = Math.min(totalFen, deposit.heldFen)
  deposit.remainderFen = totalFen - deposit.chargedFen
  giveBack(ctx, deposit, deviceCode, deposit.heldFen - deposit.chargedFen)
  return { chargedFen: deposit.chargedFen, remainderFen: deposit.remainderFen }
}

/** Nothing was taken, or the door never opened: the whole deposit goes back at once. */
export function returnWholeDeposit(ctx: Ctx, record: CreditAuthRecord, deviceCode: string): void {
  const deposit = record.deposit
  if (!deposit || deposit.returnState !== 'none') return
  giveBack(ctx, deposit, deviceCode, deposit.heldFen)
}

function giveBack(ctx: Ctx, deposit: DepositRecord, deviceCode: string, amountFen: number): void {
  deposit.returnedFen = amountFen
  if (amountFen <= 0) {
    deposit.returnState = 'succeeded'
    return
  }
  deposit.returnState = 'processing'
  const attempt = () => {
    // The payment platform refuses while the fault is on; the cloud keeps trying, as a real one must.
    if (ctx.world.devices.get(deviceCode)?.faults.has('refund_failure')) {
      ctx.clock.setTimeout(attempt, ctx.settings.refundDelayMs)
      return
    }
    deposit.returnState = 'succeeded'
  }
  ctx.clock.setTimeout(attempt, ctx.settings.refundDelayMs)
}

export function toDeposit(deposit: DepositRecord): Deposit {
  return { ...deposit }
}
