import { doorJustClosed, receiptSpeech } from '../doorSession'

describe('what elder mode says at the end of a visit', () => {
  it('hears the door close once: from open (or opening) into any settling or settled state', () => {
    expect(doorJustClosed('open', 'closed')).toBe(true)
    expect(doorJustClosed('open', 'settled')).toBe(true)
    expect(doorJustClosed('opening', 'empty')).toBe(true)
    expect(doorJustClosed('closed', 'settled')).toBe(false)
    expect(doorJustClosed('open', 'open')).toBe(false)
    expect(doorJustClosed('opening', 'failed')).toBe(false)
    expect(doorJustClosed('awaiting_confirmation', 'cancelled')).toBe(false)
  })

  it('says the amount in yuan a speech engine reads, per outcome', () => {
    expect(receiptSpeech({ status: 'paid', totalFen: 1730 })).toBe('支付成功，本次支付17.30元')
    expect(receiptSpeech({ status: 'unpaid', totalFen: 1730, amountDueFen: 730 })).toBe(
      '扣款未成功，待支付7.30元',
    )
    expect(receiptSpeech({ status: 'unpaid', totalFen: 250 })).toBe('扣款未成功，待支付2.50元')
    expect(receiptSpeech({ status: 'empty', totalFen: 0 })).toBe('本次未取商品，未扣款')
    expect(receiptSpeech({ status: 'under_review', totalFen: 990 })).toBe('订单审核中，金额9.90元')
    expect(receiptSpeech({ status: 'refunded', totalFen: 990 })).toBe('本次金额9.90元')
  })
})
