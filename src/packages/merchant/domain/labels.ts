/** Chinese names for the merchant's own contract enums. */
export const WITHDRAWAL_STATE_LABEL: Record<'processing' | 'succeeded' | 'failed', string> = {
  processing: '处理中',
  succeeded: '已到账',
  failed: '失败',
}

export const RANGE_LABEL: Record<'today' | '7d' | '30d' | 'custom', string> = {
  today: '今天',
  '7d': '近7天',
  '30d': '近30天',
  custom: '自定义',
}
