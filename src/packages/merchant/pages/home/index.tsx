import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { ListRow } from '@/components/ListRow'
import { PageShell } from '@/components/PageShell'
import { CHANNEL_LABEL } from '@/domain/labels'
import { formatFen } from '@/domain/money'
import { useSubscribePrompt } from '@/hooks/useSubscribePrompt'
import { ROUTES } from '@/routes'
import { LoadGate } from '../../components/LoadGate'
import { SalesKpis } from '../../components/SalesKpis'
import { MERCHANT_PAGES } from '../../routes'
import { useMerchantStore } from '../../store'
import '../../styles/common.scss'
import './index.scss'

export default function MerchantHomePage() {
  const { today, accounts, complaints } = useMerchantStore(
    useShallow((s) => ({
      today: s.statistics.byRange.today,
      accounts: s.accounts,
      complaints: s.complaints,
    })),
  )
  const load = () => {
    const s = useMerchantStore.getState()
    void s.loadStatistics('today')
    void s.loadWallet()
    void s.loadComplaints('pending')
  }
  useDidShow(load)

  const go = (url: string) => void Taro.navigateTo({ url })
  const askToSubscribe = useSubscribePrompt('merchantHome')
  const pending = complaints.state === 'pending' ? (complaints.list.data?.length ?? 0) : 0

  return (
    <PageShell>
      <LoadGate load={accounts} onRetry={load}>
        <View className='m-page merchant-home'>
          <View className='m-card' onClick={() => go(MERCHANT_PAGES.statistics)}>
            <Text className='m-card__title'>今日经营</Text>
            <SalesKpis stats={today.data} />
          </View>

          <View className='m-card'>
            <Text className='m-card__title'>账户余额</Text>
            {(accounts.data ?? []).map((a) => (
              <ListRow
                key={a.id}
                className='merchant-home__account'
                data={{ 'data-account-id': a.id }}
                label={CHANNEL_LABEL[a.channel]}
                value={
                  <View className='merchant-home__balance'>
                    <Text className='merchant-home__available'>可提现 {formatFen(a.availableFen)}</Text>
                    <Text className='m-muted'>待结算 {formatFen(a.pendingFen)}</Text>
                  </View>
                }
                onClick={() => go(MERCHANT_PAGES.wallet)}
              />
            ))}
          </View>

          <View className='merchant-home__entries'>
            <Entry title='收款明细' hint='按日、渠道、设备' onClick={() => go(MERCHANT_PAGES.receipts)} />
            <Entry title='余额提现' hint='提现与到账记录' onClick={() => go(MERCHANT_PAGES.wallet)} />
            <Entry
              title='数据统计'
              hint='销售、热销、服务时延'
              onClick={() => go(MERCHANT_PAGES.statistics)}
            />
            <Entry
              title='客诉处理'
              hint={pending > 0 ? `${pending} 条待处理` : '暂无待处理'}
              highlight={pending > 0}
              onClick={() => go(MERCHANT_PAGES.complaints)}
            />
            <Entry
              title='消息提醒'
              hint='服务到期、提现结果'
              onClick={() => {
                // Asked in the tap, as the platforms require; the list opens whatever the answer.
                askToSubscribe()
                go(ROUTES.messages)
              }}
            />
            <Entry
              title='柜子二维码'
              hint='查看与保存打印，设置押金'
              onClick={() => go(MERCHANT_PAGES.qrcodes)}
            />
            <Entry title='黑名单' hint='拉黑的顾客，可解除' onClick={() => go(MERCHANT_PAGES.blacklist)} />
          </View>
        </View>
      </LoadGate>
    </PageShell>
  )
}

function Entry(props: { title: string; hint: string; highlight?: boolean; onClick: () => void }) {
  return (
    <View className='merchant-home__entry' onClick={props.onClick}>
      <Text className='merchant-home__entry-title'>{props.title}</Text>
      <Text
        className={`merchant-home__entry-hint${props.highlight ? ' merchant-home__entry-hint--alert' : ''}`}
      >
        {props.hint}
      </Text>
    </View>
  )
}
