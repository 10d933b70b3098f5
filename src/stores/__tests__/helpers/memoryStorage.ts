import type { KeyValueStorage } from '@/platform/types'

/**
 * The phone's storage as a map. Pass the map a "killed" phone left behind to start it again with what
 * survived; a fresh map is a first start or a reinstall.
 */
export function memoryStorage(
  data = new Map<string, string>(),
): KeyValueStorage & { data: Map<string, string> } {
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  }
}
