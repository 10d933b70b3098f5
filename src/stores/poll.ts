/** Ask again every `everyMs` until `done` says so or `timeoutMs` passes; resolves with the last answer. */
export async function pollUntil<T>(
  ask: () => Promise<T>,
  done: (answer: T) => boolean,
  { everyMs = 1000, timeoutMs = 30_000 }: { everyMs?: number; timeoutMs?: number } = {},
): Promise<{ answer: T; timedOut: boolean }> {
  const startedAt = Date.now()
  let answer = await ask()
  while (!done(answer)) {
    if (Date.now() - startedAt >= timeoutMs) return { answer, timedOut: true }
    await new Promise((resolve) => setTimeout(resolve, everyMs))
    answer = await ask()
  }
  return { answer, timedOut: false }
}
