// Random ids for request ids, idempotency keys and door-open intents. Mini-program runtimes have no
// crypto.randomUUID, and these ids only need to be unique, not secret.
export function newId(prefix = ''): string {
  const time = Date.now().toString(36)
  let random = ''
  for (let i = 0; i < 4; i++) random += Math.floor(Math.random() * 0x10000000).toString(36)
  return `${prefix}${time}${random}`.slice(0, 40)
}
