/** FNV-1a (32 bit, hex): enough to tell two request bodies apart in an idempotency key. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/**
 * One idempotency key per form and content: a double tap or a retry of the same request replays what the
 * cloud did the first time, while a form corrected after a refusal is a new request, not a conflict.
 */
export function requestKey(formId: string, body: unknown): string {
  return `${formId}-${fnv1a(JSON.stringify(body))}`
}
