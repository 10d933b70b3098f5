import type { ApiResult } from '@/api/transport'
import type { AppError } from '@/domain/errors'

/** One piece of cloud data on a screen: what we have (kept while reloading), whether it is coming, why not. */
export interface Load<T> {
  status: 'idle' | 'loading' | 'ready' | 'error'
  data: T | null
  error: AppError | null
}

export function idle<T>(): Load<T> {
  return { status: 'idle', data: null, error: null }
}

/**
 * Runs one cloud call into a Load: `loading` (keeping the old data on screen), then `ready` or `error`.
 * `stillWanted` lets a slice drop an answer the merchant has moved on from (another range was picked).
 */
export async function fetchInto<T>(
  current: () => Load<T>,
  put: (next: Load<T>) => void,
  call: () => Promise<ApiResult<T>>,
  stillWanted: () => boolean = () => true,
): Promise<ApiResult<T>> {
  put({ ...current(), status: 'loading', error: null })
  const result = await call()
  if (!stillWanted()) return result
  put(
    result.ok
      ? { status: 'ready', data: result.data, error: null }
      : { status: 'error', data: current().data, error: result.error },
  )
  return result
}

/** A cursor-paged list on screen: the items so far and where the next page starts. */
export interface Paged<T> {
  list: Load<T[]>
  nextCursor: string | null
}

/**
 * Fetches one page into a Paged list: the first page replaces the list, a later one (`cursor` given) adds
 * to it. `stillWanted` drops an answer for a list the merchant has left (another day, another tab).
 */
export async function fetchPageInto<T>(
  current: () => Paged<T>,
  put: (next: Paged<T>) => void,
  call: () => Promise<ApiResult<{ items: T[]; nextCursor: string | null }>>,
  cursor: string | null,
  stillWanted: () => boolean = () => true,
): Promise<void> {
  put({ ...current(), list: { ...current().list, status: 'loading', error: null } })
  const page = await call()
  if (!stillWanted()) return
  const shown = current()
  if (!page.ok) {
    put({ ...shown, list: { ...shown.list, status: 'error', error: page.error } })
    return
  }
  put({
    list: {
      status: 'ready',
      data: [...(cursor ? (shown.list.data ?? []) : []), ...page.data.items],
      error: null,
    },
    nextCursor: page.data.nextCursor,
  })
}
