import { ENDPOINTS } from './endpoints'
import { upload, type ApiResult, type ProgressListener } from './transport'
import type { Upload } from './types'

export type { ApiResult, ProgressListener }

/**
 * A complaint photo to the cloud (`createUpload`: one JPEG or PNG of at most 5 MB in the multipart field
 * `file`). The one multipart operation of the contract; everything else goes through `callApi`.
 */
export function uploadFile(
  filePath: string,
  options: { idempotencyKey: string; onProgress?: ProgressListener; timeoutMs?: number },
): Promise<ApiResult<Upload>> {
  const [, path] = ENDPOINTS.createUpload
  return upload<Upload>({ path, filePath, fieldName: 'file', ...options })
}
