import type { ValidateFunction } from 'ajv'
import { createContractAjv, forAjv, loadContract, type ContractOperation } from '../../mock/handlers/contract'

/**
 * Checks answers against the contract: the status must be one the operation declares, the body must match
 * that response's schema, and an error's code must be one the contract lists for that status.
 */
export interface Observed {
  operationId: string
  status: number
  body: unknown
  /** what the test did, for the failure message */
  label: string
}

export interface Violation {
  label: string
  operationId: string
  status: number
  problem: string
}

const contract = loadContract()
const ajv = createContractAjv(contract)
const validators = new Map<string, ValidateFunction>()

export function operation(operationId: string): ContractOperation {
  const op = contract.byId.get(operationId)
  if (!op) throw new Error(`no operation ${operationId} in the contract`)
  return op
}

export function schemaValidator(name: string): ValidateFunction {
  const key = `schema|${name}`
  let v = validators.get(key)
  if (!v) {
    v = ajv.compile(forAjv({ $ref: `#/components/schemas/${name}` }) as object)
    validators.set(key, v)
  }
  return v
}

export function check(observed: Observed): Violation[] {
  const op = operation(observed.operationId)
  const out: Violation[] = []
  const fail = (problem: string) =>
    out.push({ label: observed.label, operationId: observed.operationId, status: observed.status, problem })
  if (!op.responses.has(observed.status)) {
    fail(`status ${observed.status} is not declared (declared: ${[...op.responses.keys()].join(', ')})`)
    return out
  }
  const schema = op.responses.get(observed.status)
  if (schema) {
    const key = `${op.operationId}|${observed.status}`
    let validate = validators.get(key)
    if (!validate) {
      validate = ajv.compile(forAjv(schema) as object)
      validators.set(key, validate)
    }
    if (!validate(observed.body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 6)
        .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`)
      fail(`body does not match the schema: ${errors.join('; ')}`)
    }
  }
  const codes = op.errorCodes.get(observed.status)
  const code = (observed.body as { code?: unknown } | null)?.code
  if (observed.status >= 400 && codes && typeof code === 'string' && !codes.includes(code)) {
    fail(`error code ${code} is not listed for ${observed.status} (listed: ${codes.join(', ')})`)
  }
  return out
}

export function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `- ${v.operationId} ${v.status} (${v.label}): ${v.problem}`).join('\n')
}
