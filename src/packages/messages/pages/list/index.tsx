import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import type { Message } from '@/api/types'
import { PageShell } from '@/components/PageShell'
import { StatusView } from '@/components/StatusView'
import { formatDateTime } from '@/domain/time'
import { messageUrl } from '../../domain/messageLink'
import { useMessagesStore } from '../../store'
import './index.scss'

export default function MessagesPage() {
  const { items, status, error, unreadCount, nextCursor } = useMessagesStore(
    useShallow((s) => ({
      items: s.items,
      status: s.status,
      error: s.error,
      unreadCount: s.unreadCount,
      nextCursor: s.nextCursor,
    })),
  )
  const load = useMessagesStore((s) => s.load)
  const markRead = useMessagesStore((s) => s.markRead)

  // Back from a message's page the list is read again: what it opened may have changed it.
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void load(true))

  const open = (message: Message) => {
    markRead(message.id)
    const url = messageUrl(message.page)
    if (url) void Taro.navigateTo({ url })
  }

  let body
  if (status === 'error' && error && items.length === 0) {
    body = <StatusView kind='error' error={error} onAction={() => void load()} />
  } else if (items.length === 0 && status !== 'ready') {
    body = <StatusView kind='loading' text='正在读取消息…' />
  } else if (items.length === 0) {
    body = <Text className='messages__empty'>还没有消息。支付、退款、申诉结果和设备提醒都会出现在这里</Text>
  } else {
    body = (
      <View className='messages'>
        <View className='messages__summary' role='status'>
          {unreadCount > 0 ? `${unreadCount} 条未读` : '全部已读'}
        </View>
        {items.map((m) => (
          <View
            key={m.id}
            className={`messages__item${m.readAt === null ? ' messages__item--unread' : ''}`}
            data-message-id={m.id}
            data-topic={m.topic}
            onClick={() => open(m)}
          >
            <View className='messages__head'>
              {m.readAt === null ? <Text className='messages__dot' aria-label='未读' /> : null}
              <Text className='messages__title'>{m.title}</Text>
              <Text className='messages__time'>{formatDateTime(m.createdAt)}</Text>
            </View>
            <Text className='messages__body'>{m.body}</Text>
          </View>
        ))}
        {nextCursor ? (
          <View className='messages__more' onClick={() => void load(true)}>
            加载更多
          </View>
        ) : null}
      </View>
    )
  }
  return <PageShell>{body}</PageShell>
}
