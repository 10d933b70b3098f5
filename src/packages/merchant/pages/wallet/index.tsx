import { useRef } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import { ListRow } from '@/components/ListRow'
import { PageShell } from '@/components/PageShell'
import { CHANNEL_LABEL } from '@/domain/labels'
import { formatFen } from '@/domain/money'
import { formatDateTime } from '@/domain/time'
import { LoadGate } from '../../components/LoadGate'
import { WITHDRAWAL_STATE_LABEL } from '../../domain/labels'
import { MERCHANT_PAGES, pageUrl } from '../../routes'
import { useMerchantStore } from '../../store'
import '../../styles/common.scss'
import './index.scss'

export default function WalletPage() {
  const { accounts, withdrawals } = useMerchantStore(
    useShallow((s) => ({ accounts: s.accounts, withdrawals: s.withdrawals })),
  )
  const stopWatching = useRef<(() => void) | null>(null)

  const load = async () => {
    const s = useMerchantStore.getState()
    await s.loadWallet()
    // 处理中 records settle on their own; the page follows them while it is shown.
    stopWatching.current?.()
    stopWatching.current = s.watchWithdrawals()
  }
  useDidShow(() => void load())
  useDidHide(() => stopWatching.current?.())

  const accountName = (id: string) => {
    const account = accounts.data?.find((a) => a.id === id)
    return account ? CHANNEL_LABEL[account.channel] : id
  }

  return (
    <PageShell>
      <LoadGate load={accounts} onRetry={() => void load()}>
        <View className='m-page wallet'>
          {(accounts.data ?? []).map((a) => (
            <View key={a.id} className='m-card wallet__account' data-account-id={a.id}>
              <Text className='m-card__title'>{a.name}</Text>
              <Text className='m-muted'>可提现余额</Text>
              <Text className='wallet__available' data-available-fen={a.availableFen}>
                {formatFen(a.availableFen)}
              </Text>
              <ListRow label='待结算（T+1 到可提现）' value={formatFen(a.pendingFen)} />
              <ListRow label='到账账户' value={a.destination} />
              <ListRow label='最低提现' value={formatFen(a.minWithdrawFen)} />
              <Button
                className='wallet__withdraw'
                type='primary'
                block
                onClick={() =>
                  void Taro.navigateTo({ url: pageUrl(MERCHANT_PAGES.withdraw, { accountId: a.id }) })
                }
              >
                提现
              </Button>
            </View>
          ))}

          <View className='m-card'>
            <Text className='m-card__title'>提现记录</Text>
            {(withdrawals.data ?? []).length === 0 ? <Text className='m-empty'>暂无提现记录</Text> : null}
            {(withdrawals.data ?? []).map((w) => (
              <View key={w.id} className='wallet__record' data-withdrawal-id={w.id} data-state={w.state}>
                <View className='wallet__record-head'>
                  <Text>
                    {accountName(w.accountId)} 提现 {formatFen(w.amountFen)}
                  </Text>
                  <Text className={`m-badge m-badge--${w.state}`}>{WITHDRAWAL_STATE_LABEL[w.state]}</Text>
                </View>
                <Text className='m-muted'>
                  申请 {formatDateTime(w.createdAt)}
                  {w.settledAt
                    ? ` · ${w.state === 'failed' ? '失败' : '到账'} ${formatDateTime(w.settledAt)}`
                    : ''}
                </Text>
                {w.reason ? <Text className='wallet__reason'>{w.reason}</Text> : null}
              </View>
            ))}
          </View>
        </View>
      </LoadGate>
    </PageShell>
  )
}
