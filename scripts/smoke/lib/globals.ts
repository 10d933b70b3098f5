import { createRequire } from 'node:module'
import path from 'node:path'

type Scope = Record<string, unknown>

/** Node's CommonJS require: the compiled mini-programs are CommonJS files that `require` each other. */
export const nodeRequire = createRequire(__filename)

/**
 * Puts stand-in globals (wx/my, App, Page, …) on globalThis and returns a function that puts back what was
 * there before, so one page load leaves nothing behind for the next.
 */
export function installGlobals(values: Scope): () => void {
  const scope = globalThis as unknown as Scope
  const saved = Object.keys(values).map((key) => [key, Object.getOwnPropertyDescriptor(scope, key)] as const)
  for (const [key, value] of Object.entries(values)) {
    Object.defineProperty(scope, key, { value, configurable: true, writable: true, enumerable: true })
  }
  return () => {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(scope, key, descriptor)
      else delete scope[key]
    }
  }
}

/**
 * Forgets every module loaded from the compiled output, so the next `require` runs the bundle afresh: a new
 * webpack runtime, a new Taro runtime, a new React tree and a new store, as on a cold start.
 */
export function forgetBundle(root: string): void {
  const prefix = path.resolve(root) + path.sep
  for (const file of Object.keys(nodeRequire.cache)) {
    if (file.startsWith(prefix)) delete nodeRequire.cache[file]
  }
}

/** Records which platform APIs the bundle reached for that the stand-in does not offer (for debugging). */
export function recordingMissing<T extends object>(api: T, missing: Set<string>): T {
  return new Proxy(api, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target)) missing.add(key)
      return Reflect.get(target, key, receiver) as unknown
    },
  })
}

/** Runs one step of a page load, naming the step in whatever the compiled output throws. */
export function step<T>(what: string, run: () => T): T {
  try {
    return run()
  } catch (err) {
    if (err instanceof Error) {
      const message = `the compiled output threw while ${what}: ${err.message}`
      err.stack = err.stack?.replace(err.message, message)
      err.message = message
    }
    throw err
  }
}
