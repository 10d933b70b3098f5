import type { ApiResult, ProgressListener } from '@/api/upload'
import type { Upload } from '@/api/types'
import type { AppError } from '@/domain/errors'
import type { ChooseImagesResult } from '@/platform/types'

/** What the orders store needs from outside the subpackage; the app binds them, tests pass stand-ins. */
export interface OrdersPorts {
  /** The main store's payment of an unpaid order (platform pay, then the cloud's confirmation). */
  payOrder: (orderId: string) => Promise<{ ok: boolean; error: AppError | null }>
  chooseImages: (count: number) => Promise<ChooseImagesResult>
  uploadFile: (
    filePath: string,
    options: { idempotencyKey: string; onProgress?: ProgressListener },
  ) => Promise<ApiResult<Upload>>
  newId: (prefix: string) => string
  now: () => number
}
