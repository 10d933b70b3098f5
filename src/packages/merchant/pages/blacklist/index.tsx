import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import type { BlacklistEntry } from '@/api/types'
import { ListRow } from '@/components/ListRow'
import { Notice } from '@/components/Notice'
import { MerchantPage } from '../../components/MerchantPage'
import { blacklistEntryNote, blacklistShopperLabel } from '../../domain/blacklist'
import { useMerchantStore } from '../../store'
import '../../styles/common.scss'
import './index.scss'

/** 黑名单: the shoppers this merchant has blocked, each with its reason and since when; 解除 asks once more. */
export default function BlacklistPage() {
  const { blacklist, unblock } = useMerchantStore(
    useShallow((s) => ({ blacklist: s.blacklist, unblock: s.unblock })),
  )
  const load = useMerchantStore((s) => s.loadBlacklist)
  const loadMore = useMerchantStore((s) => s.loadMoreBlacklist)
  useDidShow(() => void load())

  const items = blacklist.list.data ?? []
  return (
    <MerchantPage
      block='blacklist'
      head={
        <Text className='blacklist__intro m-muted'>
          黑名单中的顾客无法在您的柜子开门购物。可在客诉或订单中拉黑顾客。
        </Text>
      }
      load={blacklist.list}
      onRetry={() => void load()}
    >
      {unblock.step === 'idle' ? (
        <View className='blacklist__notice'>
          <Notice error={unblock.error} />
        </View>
      ) : null}
      {items.length === 0 ? <Text className='m-empty'>黑名单为空</Text> : null}
      {items.map((entry) => (
        <Entry key={entry.id} entry={entry} />
      ))}
      {blacklist.nextCursor ? (
        <View className='m-more' onClick={() => void loadMore()}>
          {blacklist.list.status === 'loading' ? '加载中…' : '加载更多'}
        </View>
      ) : null}
    </MerchantPage>
  )
}

function Entry({ entry }: { entry: BlacklistEntry }) {
  const unblock = useMerchantStore(useShallow((s) => s.unblock))
  const actions = useMerchantStore(
    useShallow((s) => ({
      askUnblock: s.askUnblock,
      cancelUnblock: s.cancelUnblock,
      confirmUnblock: s.confirmUnblock,
    })),
  )
  const asking = unblock.entryId === entry.id && unblock.step !== 'idle'
  const busy = asking && unblock.step === 'submitting'
  return (
    <View className='m-card blacklist__item' data-entry-id={entry.id}>
      <ListRow
        strong
        label={blacklistShopperLabel(entry)}
        value={
          asking ? undefined : (
            <Text className='blacklist__unblock' onClick={() => actions.askUnblock(entry.id)}>
              解除
            </Text>
          )
        }
        note={`原因：${entry.reason}`}
      />
      <Text className='m-muted'>{blacklistEntryNote(entry)}</Text>
      {asking ? (
        <View className='blacklist__confirm' role='dialog'>
          <Text className='blacklist__question'>解除后该顾客可以再次在您的柜子开门购物，确定解除吗？</Text>
          <Notice error={unblock.error} />
          <View className='m-actions blacklist__actions'>
            <Button disabled={busy} onClick={actions.cancelUnblock}>
              取消
            </Button>
            <Button type='primary' disabled={busy} onClick={() => void actions.confirmUnblock()}>
              {busy ? '解除中…' : '确认解除'}
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}
