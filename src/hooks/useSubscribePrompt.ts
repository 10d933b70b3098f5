import { useCallback, useEffect } from 'react'
import { callApi } from '@/api/endpoints'
import { newId } from '@/api/ids'
import type { Subscription } from '@/api/types'
import { answersToRecord, templatesToAsk, type SubscribeMoment } from '@/domain/subscriptions'
import { platform } from '@/platform'

// The templates the cloud offers this user on this platform, with what they answered before. Loaded in
// the background once per launch: the ask itself must run inside the tap, with nothing to wait for.
let templates: Subscription[] | null = null
let loading: Promise<void> | null = null

/** Loads the templates once (not on H5, which has no subscribe messages); resolves when they are in. */
export function prefetchSubscriptions(): Promise<void> {
  if (templates || platform.name === 'h5') return Promise.resolve()
  if (loading) return loading
  loading = callApi('listSubscriptions', { query: { platform: platform.name } })
    .then((result) => {
      if (result.ok) templates = result.data.items
    })
    .finally(() => {
      loading = null
    })
  return loading
}

/**
 * Asks the platform for the moment's subscribe messages and records the answer with the cloud. Call it
 * from a tap handler. It never waits and never fails the journey: without templates yet, on H5, or when
 * the user refuses, the tap goes on as if nothing was asked.
 */
export function askToSubscribe(moment: SubscribeMoment): Promise<void> {
  const ids = templates ? templatesToAsk(templates, moment) : []
  if (ids.length === 0) return Promise.resolve()
  return platform.requestSubscribe(ids).then(async (result) => {
    const answers = answersToRecord(ids, result)
    if (answers.length === 0) return
    const recorded = await callApi('recordSubscriptionAnswers', {
      body: { platform: platform.name, answers },
      idempotencyKey: newId('sub-'),
    })
    if (recorded.ok) templates = recorded.data.items
  })
}

/** Loads the templates when the page mounts; returns the ask for this moment, for the page's tap handler. */
export function useSubscribePrompt(moment: SubscribeMoment): () => void {
  useEffect(() => void prefetchSubscriptions(), [])
  return useCallback(() => void askToSubscribe(moment), [moment])
}

/** For tests: forget what was loaded. */
export function resetSubscriptions(): void {
  templates = null
  loading = null
}
