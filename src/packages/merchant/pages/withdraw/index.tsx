import { useEffect, useMemo } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import { ListRow } from '@/components/ListRow'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { formatFen } from '@/domain/money'
import { AmountField } from '../../components/AmountField'
import { LoadGate } from '../../components/LoadGate'
import { WITHDRAWAL_STATE_LABEL } from '../../domain/labels'
import { MERCHANT_PAGES } from '../../routes'
import { useMerchantStore } from '../../store'
import { withdrawAccount, withdrawCheck } from '../../store/walletSlice'
import '../../styles/common.scss'
import './index.scss'

export default function WithdrawPage() {
  const { params } = useRouter()
  const accountId = params.accountId ?? ''
  const { accounts, form, account } = useMerchantStore(
    useShallow((s) => ({ accounts: s.accounts, form: s.withdraw, account: withdrawAccount(s) })),
  )
  // Derived on each keystroke; computed here, not in the selector, which must return stable values.
  const check = useMemo(() => withdrawCheck(account, form.amountText), [account, form.amountText])
  const actions = useMerchantStore(
    useShallow((s) => ({
      startWithdrawal: s.startWithdrawal,
      setWithdrawAmount: s.setWithdrawAmount,
      fillAllAvailable: s.fillAllAvailable,
      reviewWithdrawal: s.reviewWithdrawal,
      backToEditWithdrawal: s.backToEditWithdrawal,
      confirmWithdrawal: s.confirmWithdrawal,
      loadWallet: s.loadWallet,
    })),
  )

  useEffect(() => {
    actions.startWithdrawal(accountId)
    if (!useMerchantStore.getState().accounts.data) void actions.loadWallet()
  }, [accountId, actions])

  // A 下一步 refused for the amount says why once, on the line under the field that already says it.
  const amountRefused = Boolean(form.error && check && !check.ok && form.error.code === check.code)

  let body
  if (!account) {
    body = null
  } else if (form.step === 'done' && form.result) {
    body = (
      <View className='m-card withdraw__done' data-withdrawal-id={form.result.id}>
        <Text className='withdraw__done-title'>提现申请已提交</Text>
        <Text className='withdraw__amount'>{formatFen(form.result.amountFen)}</Text>
        <Text className={`m-badge m-badge--${form.result.state}`}>
          {WITHDRAWAL_STATE_LABEL[form.result.state]}
        </Text>
        <Text className='m-muted withdraw__done-hint'>
          到账账户 {account.destination}，结果可在提现记录中查看
        </Text>
        <Button
          type='primary'
          block
          onClick={() =>
            void Taro.navigateBack().catch(() => Taro.redirectTo({ url: MERCHANT_PAGES.wallet }))
          }
        >
          查看提现记录
        </Button>
      </View>
    )
  } else if (form.step === 'confirm' || form.step === 'submitting') {
    const amountFen = form.attempt?.amountFen ?? 0
    body = (
      <View className='m-card withdraw__confirm' role='dialog' aria-label='确认提现'>
        <Text className='m-card__title'>确认提现</Text>
        <Text className='withdraw__amount' data-amount-fen={amountFen}>
          {formatFen(amountFen)}
        </Text>
        <ListRow label='提现账户' value={account.name} />
        <ListRow label='到账账户' value={account.destination} />
        <Notice error={form.error} />
        {form.error ? <Text className='m-muted'>可以放心重试：同一笔提现不会重复提交</Text> : null}
        <View className='m-actions withdraw__actions'>
          <Button disabled={form.step === 'submitting'} onClick={actions.backToEditWithdrawal}>
            返回修改
          </Button>
          <Button
            type='primary'
            disabled={form.step === 'submitting'}
            onClick={() => void actions.confirmWithdrawal()}
          >
            {form.step === 'submitting' ? '提交中…' : '确认提现'}
          </Button>
        </View>
      </View>
    )
  } else {
    body = (
      <View className='m-card withdraw__form'>
        <Text className='m-card__title'>{account.name}</Text>
        <ListRow
          label='到账账户'
          value={<Text className='withdraw__destination'>{account.destination}</Text>}
        />
        <ListRow label='可提现余额' value={formatFen(account.availableFen)} />
        <Text className='withdraw__label'>提现金额（元）</Text>
        <AmountField
          className='withdraw__input'
          placeholder={`最低 ${formatFen(account.minWithdrawFen)}`}
          value={form.amountText}
          onInput={actions.setWithdrawAmount}
          extra={
            <Text className='withdraw__all m-link' onClick={actions.fillAllAvailable}>
              全部提现
            </Text>
          }
        />
        <View
          className={`withdraw__check${check && !check.ok ? ' withdraw__check--bad' : ''}`}
          role={amountRefused ? 'alert' : undefined}
        >
          {check === null
            ? `最低提现 ${formatFen(account.minWithdrawFen)}，最多两位小数`
            : check.ok
              ? `将提现 ${formatFen(check.fen)}`
              : check.reason}
        </View>
        <Notice error={amountRefused ? null : form.error} />
        <Button className='withdraw__next' type='primary' block onClick={actions.reviewWithdrawal}>
          下一步
        </Button>
      </View>
    )
  }

  return (
    <PageShell>
      <LoadGate load={accounts} onRetry={() => void actions.loadWallet()}>
        <View className='m-page withdraw'>
          {account ? body : <Text className='m-empty'>找不到这个收款账户</Text>}
        </View>
      </LoadGate>
    </PageShell>
  )
}
