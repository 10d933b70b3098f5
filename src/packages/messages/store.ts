import { create } from 'zustand'
import { callApi } from '@/api/endpoints'
import type { Message } from '@/api/types'
import type { AppError } from '@/domain/errors'

export interface MessagesState {
  items: Message[]
  nextCursor: string | null
  unreadCount: number
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: AppError | null
  /** The first page again (`more`: the next one after what is shown). */
  load: (more?: boolean) => Promise<void>
  /** Marks a message read on screen at once and with the cloud; a second call for it sends nothing. */
  markRead: (id: string) => void
}

/** The message centre's store, inside its subpackage; nothing persisted: the cloud keeps the messages. */
export const useMessagesStore = create<MessagesState>()((set, get) => ({
  items: [],
  nextCursor: null,
  unreadCount: 0,
  status: 'idle',
  error: null,

  async load(more = false) {
    const cursor = more ? get().nextCursor : null
    if (get().status === 'loading' || (more && !cursor)) return
    set({ status: 'loading', error: null })
    const result = await callApi('listMessages', { query: cursor ? { cursor } : {} })
    if (!result.ok) {
      set({ status: 'error', error: result.error })
      return
    }
    const { items, nextCursor, unreadCount } = result.data
    set({ items: more ? [...get().items, ...items] : items, nextCursor, unreadCount, status: 'ready' })
  },

  markRead(id) {
    const message = get().items.find((m) => m.id === id)
    if (!message || message.readAt !== null) return
    // Read on screen at once (a second tap sends nothing); the cloud's answer then gives the time it keeps.
    const readAt = new Date().toISOString()
    set({
      items: get().items.map((m) => (m.id === id ? { ...m, readAt } : m)),
      unreadCount: Math.max(0, get().unreadCount - 1),
    })
    // The read mark is a courtesy: a failure leaves it unread in the cloud, shown again on the next load.
    void callApi('markMessageRead', { path: { messageId: id }, idempotencyKey: `read-${id}` }).then(
      (result) => {
        if (result.ok) set({ items: get().items.map((m) => (m.id === id ? result.data : m)) })
      },
    )
  },
}))
