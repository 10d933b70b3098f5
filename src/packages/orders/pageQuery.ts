import { useRouter } from '@tarojs/taro'

/**
 * A page's query value, decoded once: WeChat hands page-query values still URL-encoded, Alipay and H5
 * decoded. The ids this subpackage passes are plain (letters, digits, `_`, `-`), so decoding an already
 * decoded one changes nothing.
 */
export function usePageParam(name: string): string {
  const raw = useRouter().params[name] ?? ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
