import type { HttpHandler } from 'msw'
import { loadContract } from './contract'
import { malformedPathHandler, operationHandler, plumbingHandlers } from './http'
import { OPERATIONS, type ApiOperationId } from './operations'
import type { Runtime } from './runtime'

/**
 * The msw request handlers for every operation of the contract, for any origin (`*\/v1/...`). Every host
 * (msw in jest, the HTTP server, a browser worker) serves exactly these. Paths with fewer parameters come
 * first, so `/v1/orders/unpaid` is matched before `/v1/orders/{orderId}`.
 */
export function createHandlers(runtime: Runtime): HttpHandler[] {
  const contract = loadContract()
  const operations = contract.operations
    .filter((op) => op.operationId !== 'openStream')
    .sort((a, b) => paramCount(a.path) - paramCount(b.path))
  const api = operations.map((op) => {
    const handler = OPERATIONS[op.operationId as ApiOperationId]
    if (!handler) throw new Error(`no emulator handler for contract operation ${op.operationId}`)
    return operationHandler(runtime, op, handler)
  })
  return [malformedPathHandler(operations), ...api, ...plumbingHandlers()]
}

function paramCount(path: string): number {
  return (path.match(/\{/g) ?? []).length
}

export { Runtime, type RuntimeOptions } from './runtime'
export type { DropStage, NetworkFaults, OperationDrop } from './network'
export { corsHeaders } from './http'
