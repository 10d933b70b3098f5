import { formatFen } from './money'

/** The contract's Deposit, as far as the words need it (the domain does not import the contract). */
export interface DepositFigures {
  kind: 'deposit' | 'preauth'
  heldFen: number
  chargedFen: number
  returnedFen: number
  remainderFen: number
  returnState: 'none' | 'processing' | 'succeeded'
}

export interface DepositLine {
  label: string
  value: string
  note?: string
}

/**
 * What a deposit became, in the glossary's words: 押金 / 实付 / 退回 for a WeChat deposit (refunded
 * 原路返回), 预授权 / 实付 / 解冻 for an Alipay freeze, and what is still owed when the cart was above it.
 * Every figure is the cloud's; nothing is added up here.
 */
export function depositLines(d: DepositFigures): DepositLine[] {
  const preauth = d.kind === 'preauth'
  const back = preauth ? '解冻' : '退回'
  const lines: DepositLine[] = [{ label: preauth ? '预授权冻结' : '押金', value: formatFen(d.heldFen) }]
  if (d.returnState === 'none') {
    lines.push({ label: '状态', value: preauth ? '冻结中' : '已支付', note: '关门结算后按实际消费扣款' })
    return lines
  }
  lines.push({
    label: '实付',
    value: formatFen(d.chargedFen),
    note: preauth ? '从冻结金额中扣款' : '从押金中扣除',
  })
  if (d.returnedFen > 0) {
    lines.push({
      label: back,
      value: formatFen(d.returnedFen),
      note:
        d.returnState === 'succeeded'
          ? `已${back}`
          : preauth
            ? '解冻中，通常几分钟内到账'
            : '原路退回中，通常几分钟内到账，最晚以银行为准',
    })
  }
  if (d.remainderFen > 0) {
    lines.push({ label: '待支付', value: formatFen(d.remainderFen), note: '超出押金的部分，请在订单中支付' })
  }
  return lines
}
