import fs from 'node:fs'
import path from 'node:path'
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

/**
 * The contract (src/api/openapi.yaml) as the emulator reads it: the list of operations and JSON Schema
 * validators for request bodies, query parameters and response bodies. The hosts validate what the app
 * sends against it, so a request the real cloud would refuse is refused here too; the tests validate what
 * the emulator answers against it.
 */
export const CONTRACT_PATH = path.resolve(__dirname, '..', '..', 'src', 'api', 'openapi.yaml')

type Json = Record<string, unknown>

export interface ContractParameter {
  name: string
  in: 'query' | 'path' | 'header'
  required: boolean
  schema: Json
}

export interface ContractOperation {
  operationId: string
  method: string
  /** OpenAPI template, e.g. `/v1/orders/{orderId}` */
  path: string
  parameters: ContractParameter[]
  /** `application/json`, `multipart/form-data` or null when the operation takes no body */
  bodyType: string | null
  bodyRequired: boolean
  bodySchema: Json | null
  /** status → JSON schema of the body (null when the response has no JSON body) */
  responses: Map<number, Json | null>
  /** status → the error codes the contract lists for it */
  errorCodes: Map<number, string[]>
  auth: 'required' | 'optional' | 'none'
}

export interface Contract {
  document: Json
  operations: ContractOperation[]
  byId: Map<string, ContractOperation>
}

let cached: Contract | null = null

function resolveRef<T>(document: Json, node: unknown): T {
  let current = node as Json
  for (let guard = 0; guard < 10 && current && typeof current.$ref === 'string'; guard += 1) {
    const pointer = (current.$ref as string).replace(/^#\//, '').split('/')
    let target: unknown = document
    for (const part of pointer) target = (target as Json)[part]
    current = target as Json
  }
  return current as T
}

function authOf(security: unknown[] | undefined): ContractOperation['auth'] {
  if (security === undefined) return 'required'
  if (security.length === 0) return 'none'
  return security.some((s) => s && Object.keys(s as Json).length === 0) ? 'optional' : 'required'
}

/** Parses the contract once per process. */
export function loadContract(): Contract {
  if (cached) return cached
  const document = parse(fs.readFileSync(CONTRACT_PATH, 'utf8')) as Json
  const operations: ContractOperation[] = []
  const paths = (document.paths ?? {}) as Record<string, Record<string, Json>>
  for (const [template, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue
      const parameters = ((op.parameters ?? []) as unknown[]).map((p) => {
        const param = resolveRef<Json>(document, p)
        return {
          name: String(param.name),
          in: param.in as ContractParameter['in'],
          required: Boolean(param.required),
          schema: (param.schema ?? {}) as Json,
        }
      })
      const body = op.requestBody ? resolveRef<Json>(document, op.requestBody) : null
      const content = (body?.content ?? {}) as Record<string, Json>
      const bodyType = Object.keys(content)[0] ?? null
      const responses = new Map<number, Json | null>()
      const errorCodes = new Map<number, string[]>()
      for (const [status, r] of Object.entries((op.responses ?? {}) as Record<string, unknown>)) {
        const response = resolveRef<Json>(document, r)
        const json = (response.content as Record<string, Json> | undefined)?.['application/json']
        responses.set(Number(status), (json?.schema as Json | undefined) ?? null)
        if (Array.isArray(response['x-error-codes'])) {
          errorCodes.set(Number(status), response['x-error-codes'] as string[])
        }
      }
      operations.push({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        path: template,
        parameters,
        bodyType,
        bodyRequired: Boolean(body?.required),
        bodySchema: bodyType ? ((content[bodyType]?.schema as Json | undefined) ?? null) : null,
        responses,
        errorCodes,
        auth: authOf(op.security as unknown[] | undefined),
      })
    }
  }
  cached = { document, operations, byId: new Map(operations.map((o) => [o.operationId, o])) }
  return cached
}

const CONTRACT_ID = 'https://contract.kaimengui.cn/openapi.json'

/**
 * Copies a schema fragment for Ajv: local `#/components/...` references point into the contract added
 * under CONTRACT_ID, and `discriminator` (whose `mapping` Ajv does not evaluate) is dropped, since each
 * `oneOf` branch already pins its discriminating property with `const`.
 */
export function forAjv(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forAjv)
  if (!node || typeof node !== 'object') return node
  const out: Json = {}
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'discriminator' || key.startsWith('x-')) continue
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out[key] = CONTRACT_ID + value
    else out[key] = forAjv(value)
  }
  return out
}

/** One Ajv holding every component schema of the contract, so `$ref`s resolve as in the document. */
export function createContractAjv(contract: Contract = loadContract()): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true })
  addFormats(ajv)
  ajv.addSchema({ $id: CONTRACT_ID, components: forAjv(contract.document.components) })
  return ajv
}

const MESSAGES: Record<string, string> = {
  required: '必填',
  additionalProperties: '不允许的字段',
  enum: '取值无效',
  const: '取值无效',
  type: '类型不正确',
  minLength: '不能为空或太短',
  maxLength: '太长了',
  minItems: '至少需要一项',
  maxItems: '数量太多',
  minimum: '超出允许范围',
  maximum: '超出允许范围',
  uniqueItems: '不能重复',
  pattern: '格式不正确',
  format: '格式不正确',
}

/** Length and count limits name the limit, so a form can show the message as it is. */
function limitMessage(e: ErrorObject): string | undefined {
  const limit = (e.params as { limit?: number }).limit
  if (typeof limit !== 'number') return undefined
  if (e.keyword === 'maxLength') return `不能超过${limit}字`
  if (e.keyword === 'maxItems') return `最多${limit}项`
  if (e.keyword === 'minItems') return `至少${limit}项`
  return undefined
}

/** The component schema an error comes from, e.g. `…#/components/schemas/LightCommandRequest`. */
function ownerOf(error: ErrorObject): string {
  return /^(.*#\/components\/schemas\/[^/]+)/.exec(error.schemaPath)?.[1] ?? ''
}

/**
 * Ajv errors as the contract's `fields`: dotted paths (`items.0.kind`) with a Chinese message. For a
 * `oneOf` the branches whose discriminator (`const`) did not match are left out: their complaints are about
 * a shape the caller never meant to send.
 */
export function fieldsOf(errors: ErrorObject[] | null | undefined, root = ''): Record<string, string> {
  const all = errors ?? []
  const wrongBranches = new Set(all.filter((e) => e.keyword === 'const').map(ownerOf))
  const relevant = all.filter((e) => e.keyword !== 'oneOf' && !wrongBranches.has(ownerOf(e)))
  const fields: Record<string, string> = {}
  for (const e of relevant.length > 0 ? relevant : all) {
    const parts = e.instancePath.split('/').filter(Boolean)
    const params = e.params as { missingProperty?: string; additionalProperty?: string }
    if (e.keyword === 'required' && params.missingProperty) parts.push(params.missingProperty)
    if (e.keyword === 'additionalProperties' && params.additionalProperty)
      parts.push(params.additionalProperty)
    const key = [root, ...parts].filter(Boolean).join('.') || 'body'
    fields[key] ??= limitMessage(e) ?? MESSAGES[e.keyword] ?? '格式不正确'
  }
  return fields
}

export type QueryCheck =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; fields: Record<string, string> }

export interface RequestValidator {
  /** Field errors of a JSON body, or null when it is valid (or the operation has no JSON body). */
  body(operationId: string, body: unknown): Record<string, string> | null
  /** The query parameters coerced to the contract's types, or the field errors. */
  query(operationId: string, search: URLSearchParams): QueryCheck
}

/** Validators for what the app sends, compiled lazily per operation. */
export function createRequestValidator(contract: Contract = loadContract()): RequestValidator {
  const ajv = createContractAjv(contract)
  const compiled = new Map<string, ValidateFunction | null>()

  const validatorFor = (key: string, schema: Json | null): ValidateFunction | null => {
    if (!compiled.has(key)) compiled.set(key, schema ? ajv.compile(forAjv(schema) as Json) : null)
    return compiled.get(key) ?? null
  }

  return {
    body(operationId, body) {
      const op = contract.byId.get(operationId)
      const schema = op?.bodyType === 'application/json' ? op.bodySchema : null
      const validate = validatorFor(`body|${operationId}`, schema)
      if (!validate || validate(body)) return null
      return fieldsOf(validate.errors)
    },

    query(operationId, search) {
      const op = contract.byId.get(operationId)
      const values: Record<string, unknown> = {}
      const fields: Record<string, string> = {}
      for (const p of op?.parameters ?? []) {
        if (p.in !== 'query') continue
        const raw = search.get(p.name)
        if (raw === null || raw === '') {
          if (p.required) fields[p.name] = '必填'
          continue
        }
        const type = resolveRef<Json>(contract.document, p.schema).type
        let value: unknown = raw
        // Query strings are text; the contract types them, so numbers are read as numbers first.
        if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) value = Number(raw)
        const validate = validatorFor(`query|${operationId}|${p.name}`, p.schema)
        if (validate && !validate(value)) Object.assign(fields, fieldsOf(validate.errors, p.name))
        else values[p.name] = value
      }
      return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, values }
    },
  }
}
