/**
 * @jest-environment node
 */
// The contract (src/api/openapi.yaml) is the authority for the app, the emulator and the backend. These tests
// keep its generated types fresh, keep the document well-formed, and keep it covering the agreed operations.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

const root = path.resolve(__dirname, '../../..')
const yamlPath = path.join(root, 'src/api/openapi.yaml')
const genPath = path.join(root, 'src/api/schema.gen.ts')
const typesPath = path.join(root, 'src/api/types.ts')

type Node = { [key: string]: unknown }
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v)
const asNode = (v: unknown, where: string): Node => {
  if (!isNode(v)) throw new Error(`${where} is not an object`)
  return v
}

const doc = asNode(parse(readFileSync(yamlPath, 'utf8')), 'the document')
const components = asNode(doc.components, 'components')
const schemas = asNode(components.schemas, 'components.schemas')

/** Resolves a local JSON pointer such as `#/components/schemas/Error`; undefined when it does not resolve. */
function resolvePointer(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  let at: unknown = doc
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (!isNode(at) || !(key in at)) return undefined
    at = at[key]
  }
  return at
}

/** Follows `$ref`s until a node without one. */
function deref(v: unknown, where: string): Node {
  let node = asNode(v, where)
  for (let hops = 0; typeof node.$ref === 'string'; hops++) {
    if (hops > 10) throw new Error(`${where}: $ref cycle`)
    node = asNode(resolvePointer(node.$ref), `${where} → ${node.$ref}`)
  }
  return node
}

/** Calls `visit` for every object node of the tree, with its JSON path. */
function walk(v: unknown, at: string, visit: (node: Node, at: string) => void): void {
  if (Array.isArray(v)) {
    v.forEach((item, i) => walk(item, `${at}/${i}`, visit))
  } else if (isNode(v)) {
    visit(v, at)
    for (const [k, child] of Object.entries(v)) walk(child, `${at}/${k}`, visit)
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
type Operation = { method: string; path: string; op: Node }
const operations: Operation[] = Object.entries(asNode(doc.paths, 'paths')).flatMap(([p, item]) =>
  METHODS.filter((m) => m in asNode(item, p)).map((m) => ({
    method: m,
    path: p,
    op: asNode(asNode(item, p)[m], `${m} ${p}`),
  })),
)
const opName = ({ method, path: p, op }: Operation) =>
  typeof op.operationId === 'string' ? op.operationId : `${method.toUpperCase()} ${p}`

function enumOf(name: string): unknown[] {
  const values = asNode(schemas[name], name).enum
  if (!Array.isArray(values)) throw new Error(`${name} has no enum`)
  return values
}
const errorCodes = new Set(enumOf('ErrorCode'))

function parametersOf({ op }: Operation): Node[] {
  const list = Array.isArray(op.parameters) ? op.parameters : []
  return list.map((p, i) => deref(p, `${opName({ op } as Operation)} parameter ${i}`))
}

/** Each error response of each operation, resolved, with its status. */
const errorResponses = operations.flatMap((o) =>
  Object.entries(asNode(o.op.responses, `${opName(o)} responses`))
    .filter(([status]) => /^[45]\d\d$/.test(status))
    .map(([status, response]) => ({
      op: opName(o),
      method: o.method,
      status,
      response: deref(response, `${opName(o)} ${status}`),
    })),
)
const codesOf = (response: Node): unknown[] =>
  Array.isArray(response['x-error-codes']) ? response['x-error-codes'] : []

// The sketch (docs/contract-sketch.md): operationId → method and path.
const SKETCH_OPERATIONS: Record<string, string> = {
  login: 'POST /v1/auth/login',
  bindPhone: 'POST /v1/auth/phone',
  getMe: 'GET /v1/me',
  getActiveState: 'GET /v1/me/active',
  getCabinetLanding: 'GET /v1/devices/{deviceCode}/landing',
  startCreditAuthorization: 'POST /v1/credit/authorizations',
  getCreditAuthorization: 'GET /v1/credit/authorizations/{authorizationId}',
  openDoor: 'POST /v1/door-sessions',
  getDoorSession: 'GET /v1/door-sessions/{sessionId}',
  listDoorSessionEvents: 'GET /v1/door-sessions/{sessionId}/events',
  objectToCartLine: 'POST /v1/door-sessions/{sessionId}/objections',
  openStream: 'GET /v1/stream',
  listOrders: 'GET /v1/orders',
  getOrder: 'GET /v1/orders/{orderId}',
  listUnpaidOrders: 'GET /v1/orders/unpaid',
  payOrder: 'POST /v1/orders/{orderId}/payments',
  getPayment: 'GET /v1/payments/{paymentId}',
  createUpload: 'POST /v1/uploads',
  createComplaint: 'POST /v1/complaints',
  listComplaints: 'GET /v1/complaints',
  getComplaint: 'GET /v1/complaints/{complaintId}',
  createFaultReport: 'POST /v1/fault-reports',
  bindStaff: 'POST /v1/staff/bindings',
  listStaffDevices: 'GET /v1/staff/devices',
  getStaffDevice: 'GET /v1/staff/devices/{deviceCode}',
  listAlarms: 'GET /v1/staff/alarms',
  acknowledgeAlarm: 'POST /v1/staff/alarms/{alarmId}/ack',
  openRestockSession: 'POST /v1/staff/restock-sessions',
  getRestockSession: 'GET /v1/staff/restock-sessions/{sessionId}',
  confirmRestockSession: 'POST /v1/staff/restock-sessions/{sessionId}/confirm',
  listRestockOrders: 'GET /v1/staff/devices/{deviceCode}/restock-orders',
  listStocktakes: 'GET /v1/staff/devices/{deviceCode}/stocktakes',
  createStocktake: 'POST /v1/staff/devices/{deviceCode}/stocktakes',
  listAbnormalOrders: 'GET /v1/staff/abnormal-orders',
  resolveAbnormalOrder: 'POST /v1/staff/abnormal-orders/{orderId}/resolution',
  updateDeviceSettings: 'POST /v1/staff/devices/{deviceCode}/commands',
  getDeviceCommand: 'GET /v1/staff/devices/{deviceCode}/commands/{commandId}',
  updateDeviceLocation: 'POST /v1/staff/devices/{deviceCode}/location',
  listReceipts: 'GET /v1/merchant/receipts',
  listMerchantOrders: 'GET /v1/merchant/orders',
  listAccounts: 'GET /v1/merchant/accounts',
  createWithdrawal: 'POST /v1/merchant/withdrawals',
  listWithdrawals: 'GET /v1/merchant/withdrawals',
  getStatistics: 'GET /v1/merchant/statistics',
  listMerchantComplaints: 'GET /v1/merchant/complaints',
  approveComplaint: 'POST /v1/merchant/complaints/{complaintId}/approval',
  rejectComplaint: 'POST /v1/merchant/complaints/{complaintId}/rejection',
  listMerchantDevices: 'GET /v1/merchant/devices',
  setDeviceDeposit: 'POST /v1/merchant/devices/{deviceCode}/deposit',
  createStaffInvite: 'POST /v1/merchant/staff-invites',
  listBlacklist: 'GET /v1/merchant/blacklist',
  blockShopper: 'POST /v1/merchant/blacklist',
  unblockShopper: 'POST /v1/merchant/blacklist/{entryId}/removal',
  listMessages: 'GET /v1/messages',
  markMessageRead: 'POST /v1/messages/{messageId}/read',
  listSubscriptions: 'GET /v1/messages/subscriptions',
  recordSubscriptionAnswers: 'POST /v1/messages/subscriptions',
}

// The sketch's cloud error codes.
const SKETCH_ERROR_CODES =
  `AUTH_REQUIRED AUTH_CODE_INVALID FORBIDDEN NOT_FOUND VALIDATION_FAILED IDEMPOTENCY_CONFLICT
  RATE_LIMITED SERVER_ERROR DEVICE_NOT_FOUND DEVICE_OFFLINE DEVICE_SERVICE_EXPIRED DEVICE_NOT_ACTIVATED
  DEVICE_LOCK_FAULT DEVICE_CAMERA_FAULT DEVICE_RESTOCKING DEVICE_IN_USE DEVICE_QUOTA_EXHAUSTED LOGIN_REQUIRED
  PHONE_REQUIRED PHONE_CODE_INVALID CREDIT_REQUIRED CREDIT_REJECTED CREDIT_PENDING USER_BLACKLISTED UNPAID_ORDER
  DOOR_OPEN_FAILED DOOR_OPEN_TIMEOUT SESSION_NOT_FOUND SESSION_NOT_YOURS SESSION_STATE_CONFLICT SESSION_ACTIVE ORDER_NOT_FOUND
  ORDER_ALREADY_PAID PAYMENT_FAILED PAYMENT_PENDING COMPLAINT_WINDOW_CLOSED COMPLAINT_ALREADY_OPEN
  COMPLAINT_ALREADY_HANDLED COMPLAINT_NOT_FOUND UPLOAD_TOO_LARGE UPLOAD_TYPE_INVALID STAFF_NOT_BOUND STAFF_REMOVED
  STAFF_INVITE_INVALID STAFF_SESSION_OPEN RESTOCK_ALREADY_CONFIRMED RESTOCK_ORDER_NOT_FOUND COUNT_INVALID
  COUNT_ABOVE_CAPACITY DEVICE_COMMAND_FAILED ALARM_NOT_FOUND STAFF_ROLE_REQUIRED LOCATION_NEEDS_CONFIRMATION WITHDRAW_AMOUNT_INVALID WITHDRAW_BELOW_MINIMUM
  WITHDRAW_ABOVE_AVAILABLE ACCOUNT_NOT_FOUND MESSAGE_NOT_FOUND
  BLACKLIST_SOURCE_INVALID BLACKLIST_SELF BLACKLIST_ENTRY_NOT_FOUND`.split(/\s+/)

// Codes carried only inside bodies (Failure of a door session), never as an HTTP error.
const BODY_ONLY_CODES = ['DOOR_OPEN_FAILED', 'DOOR_OPEN_TIMEOUT']

describe('generated types', () => {
  // Runs what `npm run gen:api` runs (openapi-typescript, then prettier unless .prettierignore skips the file)
  // in a child process: openapi-typescript and prettier are ESM and need no jest transform there.
  const GENERATE = `
    import { pathToFileURL } from 'node:url'
    import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript'
    import * as prettier from 'prettier'
    const { YAML_PATH, GEN_PATH } = process.env
    let out = COMMENT_HEADER + astToString(await openapiTS(pathToFileURL(YAML_PATH), { silent: true }))
    const info = await prettier.getFileInfo(GEN_PATH, { ignorePath: ['.gitignore', '.prettierignore'] })
    if (!info.ignored) {
      const config = await prettier.resolveConfig(GEN_PATH, { editorconfig: true })
      out = await prettier.format(out, { ...config, filepath: GEN_PATH })
    }
    process.stdout.write(out)
  `

  it('schema.gen.ts is what openapi.yaml generates', () => {
    const fresh = execFileSync(process.execPath, ['--input-type=module', '-e', GENERATE], {
      cwd: root,
      env: { ...process.env, YAML_PATH: yamlPath, GEN_PATH: genPath },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    const committed = readFileSync(genPath, 'utf8')
    if (fresh !== committed) {
      throw new Error('src/api/schema.gen.ts is stale: run `npm run gen:api` and commit the result')
    }
    expect(fresh.length).toBeGreaterThan(1000)
  })

  it('types.ts names every schema of the contract', () => {
    const text = readFileSync(typesPath, 'utf8')
    const named = [...text.matchAll(/^export type (\w+) = components\['schemas'\]\['(\w+)'\]$/gm)]
    const mismatched = named.filter(([, alias, schema]) => alias !== schema).map(([line]) => line)
    expect(mismatched).toEqual([])
    expect(named.map(([, , schema]) => schema).sort()).toEqual(Object.keys(schemas).sort())
  })
})

describe('openapi.yaml is a well-formed OpenAPI 3.1 document', () => {
  it('declares OpenAPI 3.1 with info, paths and components', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/)
    expect(asNode(doc.info, 'info')).toEqual(expect.objectContaining({ title: expect.any(String) }))
    expect(Object.keys(asNode(doc.paths, 'paths')).length).toBeGreaterThan(0)
  })

  it('resolves every $ref inside the document', () => {
    const broken: string[] = []
    walk(doc, '#', (node, at) => {
      if ('$ref' in node && (typeof node.$ref !== 'string' || resolvePointer(node.$ref) === undefined)) {
        broken.push(`${at}: ${String(node.$ref)}`)
      }
    })
    expect(broken).toEqual([])
  })

  it('gives every operation a unique operationId, a summary and a declared tag', () => {
    const declaredTags = new Set((Array.isArray(doc.tags) ? doc.tags : []).map((t) => asNode(t, 'tag').name))
    const problems: string[] = []
    const seen = new Set<string>()
    for (const o of operations) {
      const id = o.op.operationId
      if (typeof id !== 'string' || !/^[a-z][A-Za-z]+$/.test(id)) problems.push(`${opName(o)}: operationId`)
      else if (seen.has(id)) problems.push(`${id}: duplicate operationId`)
      else seen.add(id)
      if (typeof o.op.summary !== 'string') problems.push(`${opName(o)}: summary`)
      const tags = Array.isArray(o.op.tags) ? o.op.tags : []
      if (tags.length === 0 || tags.some((t) => !declaredTags.has(t))) problems.push(`${opName(o)}: tags`)
    }
    expect(problems).toEqual([])
  })

  it('declares X-Request-Id on every operation and a required Idempotency-Key on every unsafe one', () => {
    const idempotencyKey = deref(asNode(components.parameters, 'parameters').IdempotencyKey, 'IdempotencyKey')
    expect(idempotencyKey).toEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
    )
    const problems: string[] = []
    for (const o of operations) {
      const params = parametersOf(o)
      if (!params.some((p) => p.in === 'header' && p.name === 'X-Request-Id'))
        problems.push(`${opName(o)}: X-Request-Id`)
      const hasKey = params.some(
        (p) => p.in === 'header' && p.name === 'Idempotency-Key' && p.required === true,
      )
      const unsafe = ['post', 'put', 'patch', 'delete'].includes(o.method)
      if (unsafe !== hasKey)
        problems.push(`${opName(o)}: Idempotency-Key ${unsafe ? 'missing' : 'on a safe method'}`)
    }
    expect(problems).toEqual([])
  })

  it('declares every path template parameter as a required path parameter', () => {
    const problems: string[] = []
    for (const o of operations) {
      expect(o.path).toMatch(/^\/v1\//)
      const inTemplate = [...o.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort()
      const declared = parametersOf(o).filter((p) => p.in === 'path')
      if (declared.some((p) => p.required !== true)) problems.push(`${opName(o)}: optional path parameter`)
      const names = declared.map((p) => p.name).sort()
      if (JSON.stringify(names) !== JSON.stringify(inTemplate))
        problems.push(`${opName(o)}: ${names} vs ${inTemplate}`)
    }
    expect(problems).toEqual([])
  })

  it('answers every 4xx/5xx with the Error schema and names its codes from ErrorCode', () => {
    expect(errorResponses.length).toBeGreaterThan(operations.length)
    const problems: string[] = []
    for (const { op, status, response } of errorResponses) {
      const content = isNode(response.content) ? response.content : {}
      const json = isNode(content['application/json']) ? content['application/json'] : {}
      const schema = isNode(json.schema) ? json.schema : {}
      if (schema.$ref !== '#/components/schemas/Error' || Object.keys(content).length !== 1) {
        problems.push(`${op} ${status}: not the Error schema`)
      }
      const codes = codesOf(response)
      if (codes.length === 0) problems.push(`${op} ${status}: no x-error-codes`)
      for (const code of codes)
        if (!errorCodes.has(code)) problems.push(`${op} ${status}: unknown ${String(code)}`)
    }
    expect(problems).toEqual([])
    expect(asNode(asNode(schemas.Error, 'Error').properties, 'Error.properties').code).toEqual({
      $ref: '#/components/schemas/ErrorCode',
    })
  })

  it('uses statuses consistently with the error codes', () => {
    const problems: string[] = []
    for (const { op, method, status, response } of errorResponses) {
      const codes = codesOf(response).map(String)
      if (status === '401' && codes.join() !== 'AUTH_REQUIRED') problems.push(`${op} 401: ${codes}`)
      if (status === '404' && codes.some((c) => !c.endsWith('NOT_FOUND')))
        problems.push(`${op} 404: ${codes}`)
      if (status === '409' && method !== 'get' && !codes.includes('IDEMPOTENCY_CONFLICT')) {
        problems.push(`${op} 409 without IDEMPOTENCY_CONFLICT`)
      }
      if (status === '429' && codes.join() !== 'RATE_LIMITED') problems.push(`${op} 429: ${codes}`)
      if (status.startsWith('5') && codes.some((c) => c.endsWith('NOT_FOUND')))
        problems.push(`${op} ${status}`)
    }
    for (const o of operations) {
      const statuses = Object.keys(asNode(o.op.responses, opName(o)))
      if (['post', 'put', 'patch', 'delete'].includes(o.method) && !statuses.includes('409')) {
        problems.push(`${opName(o)}: no 409 for IDEMPOTENCY_CONFLICT`)
      }
      for (const s of ['429', '500']) if (!statuses.includes(s)) problems.push(`${opName(o)}: no ${s}`)
      // A token may be sent (and so be expired) unless the operation declares no security at all.
      const noToken = Array.isArray(o.op.security) && o.op.security.length === 0
      const tokenInQuery = o.op.operationId === 'openStream'
      if ((!noToken || tokenInQuery) && !statuses.includes('401')) problems.push(`${opName(o)}: no 401`)
    }
    expect(problems).toEqual([])
  })

  it('lists every cloud error code of the sketch, and each is reachable', () => {
    expect([...errorCodes].sort()).toEqual([...SKETCH_ERROR_CODES].sort())
    const gateCodes = enumOf('GateReasonCode')
    expect(gateCodes.filter((c) => !errorCodes.has(c))).toEqual([])
    const reachable = new Set([
      ...errorResponses.flatMap(({ response }) => codesOf(response)),
      ...gateCodes,
      ...BODY_ONLY_CODES,
    ])
    expect(SKETCH_ERROR_CODES.filter((c) => !reachable.has(c))).toEqual([])
  })

  it('secures every call with the bearer token except login (none) and the landing (optional)', () => {
    expect(doc.security).toEqual([{ bearerAuth: [] }])
    expect(asNode(components.securitySchemes, 'securitySchemes').bearerAuth).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    )
    const byId = new Map(operations.map((o) => [o.op.operationId, o.op]))
    expect(byId.get('login')?.security).toEqual([])
    expect(byId.get('getCabinetLanding')?.security).toEqual([{}, { bearerAuth: [] }])
    const stream = byId.get('openStream')
    expect(stream?.security).toEqual([])
    expect(Object.keys(asNode(stream?.responses, 'openStream responses'))).toContain('101')
    const overridden = operations
      .filter((o) => 'security' in o.op)
      .map((o) => String(o.op.operationId))
      .sort()
    expect(overridden).toEqual(['getCabinetLanding', 'login', 'openStream'])
  })

  it('closes every object schema and requires only declared properties', () => {
    const problems: string[] = []
    walk(doc, '#', (node, at) => {
      if (!isNode(node.properties) || at.includes('/examples')) return
      if (node.additionalProperties !== false) problems.push(`${at}: additionalProperties is not false`)
      const required = Array.isArray(node.required) ? node.required : []
      if (!Array.isArray(node.required)) problems.push(`${at}: no required array`)
      for (const r of required)
        if (!(String(r) in asNode(node.properties, at))) problems.push(`${at}: requires ${r}`)
    })
    expect(problems).toEqual([])
  })

  it('keeps money in integer fen and times as date-times', () => {
    const problems: string[] = []
    walk(doc, '#', (node, at) => {
      if (!isNode(node.properties)) return
      for (const [name, prop] of Object.entries(node.properties)) {
        const p = deref(prop, `${at}/${name}`)
        const types = Array.isArray(p.type) ? p.type : [p.type]
        if (
          name.endsWith('Fen') &&
          (!types.includes('integer') || types.some((t) => !['integer', 'null'].includes(t)))
        ) {
          problems.push(`${at}/${name}: money must be integer fen`)
        }
        if (/[a-z]At$/.test(name) && p.format !== 'date-time') problems.push(`${at}/${name}: not a date-time`)
      }
    })
    expect(problems).toEqual([])
  })

  it('discriminates every payload union by a required constant', () => {
    const problems: string[] = []
    let unions = 0
    for (const [name, raw] of Object.entries(schemas)) {
      const schema = asNode(raw, name)
      if (!isNode(schema.discriminator)) continue
      unions++
      const { propertyName, mapping } = schema.discriminator
      const members = Array.isArray(schema.oneOf) ? schema.oneOf.map((m) => String(asNode(m, name).$ref)) : []
      const mapped = isNode(mapping) ? mapping : {}
      if (JSON.stringify(Object.values(mapped).sort()) !== JSON.stringify([...members].sort())) {
        problems.push(`${name}: mapping does not list exactly the oneOf members`)
      }
      for (const [value, ref] of Object.entries(mapped)) {
        const member = deref({ $ref: ref }, `${name} → ${String(ref)}`)
        const prop = isNode(member.properties) ? member.properties[String(propertyName)] : undefined
        if (!isNode(prop) || prop.const !== value)
          problems.push(`${name}: ${String(ref)} lacks const ${value}`)
        const required = Array.isArray(member.required) ? member.required : []
        if (!required.includes(propertyName))
          problems.push(`${name}: ${String(ref)} does not require ${propertyName}`)
      }
    }
    expect(problems).toEqual([])
    expect(unions).toBeGreaterThanOrEqual(5)
  })
})

describe('openapi.yaml validates like the emulator will validate with it (Ajv, JSON Schema 2020-12)', () => {
  // The `#/components/schemas/...` refs become `#/$defs/...` of one schema; `discriminator` is an OpenAPI
  // annotation (Ajv's own discriminator mode rejects `mapping`), the `oneOf` of constants does the work.
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true })
  addFormats(ajv)
  ajv.addKeyword('discriminator')
  const text = JSON.stringify(schemas).replace(/#\/components\/schemas\//g, '#/$defs/')
  ajv.addSchema({ $id: 'contract', $defs: JSON.parse(text) as Node })
  const valid = (name: string, value: unknown) => {
    const validate = ajv.getSchema(`contract#/$defs/${name}`)
    if (!validate) throw new Error(`no schema ${name}`)
    return validate(value) === true
  }

  it('compiles every schema', () => {
    for (const name of Object.keys(schemas)) expect(ajv.getSchema(`contract#/$defs/${name}`)).toBeDefined()
  })

  it('accepts a well-formed error and rejects unknown codes and extra fields', () => {
    expect(valid('Error', { code: 'DEVICE_OFFLINE', message: '设备离线', hint: '请稍后再试' })).toBe(true)
    expect(
      valid('Error', { code: 'VALIDATION_FAILED', message: '参数错误', fields: { amountFen: '金额无效' } }),
    ).toBe(true)
    expect(valid('Error', { code: 'QR_INVALID', message: '二维码无效' })).toBe(false)
    expect(valid('Error', { code: 'SERVER_ERROR', message: '服务异常', stack: 'x' })).toBe(false)
  })

  it('tells payload variants apart by kind', () => {
    const wxpay = {
      kind: 'wxpay',
      timeStamp: '1700000000',
      nonceStr: 'n',
      package: 'prepay_id=1',
      signType: 'RSA',
      paySign: 's',
    }
    expect(valid('PaymentPayload', wxpay)).toBe(true)
    expect(valid('PaymentPayload', { kind: 'alipay', tradeNO: '2024' })).toBe(true)
    expect(valid('PaymentPayload', { ...wxpay, kind: 'alipay' })).toBe(false)
    expect(valid('StreamServerMessage', { type: 'pong', t: 1 })).toBe(true)
    expect(valid('StreamServerMessage', { type: 'error', code: 'SESSION_NOT_YOURS', sessionId: 's1' })).toBe(
      true,
    )
    expect(valid('StreamClientMessage', { type: 'subscribe', sessionId: 's1' })).toBe(false)
  })

  it('checks money, times, nullables and device codes', () => {
    const line = {
      productId: 'p1',
      name: '可乐',
      qty: 2,
      unitPriceFen: 350,
      paidUnitPriceFen: 280,
      discounts: [],
    }
    const cartLine = { ...line, lineTotalFen: 560, objected: false }
    expect(valid('CartLine', cartLine)).toBe(true)
    expect(valid('CartLine', { ...cartLine, lineTotalFen: 5.6 })).toBe(false)
    expect(
      valid('Refund', {
        id: 'r',
        amountFen: 70,
        channel: 'wxpay',
        destination: '原路返回',
        state: 'processing',
        createdAt: 'yesterday',
      }),
    ).toBe(false)
    expect(valid('ExpiryWarning', 'expired')).toBe(true)
    expect(valid('ExpiryWarning', null)).toBe(true)
    expect(valid('ExpiryWarning', 14)).toBe(false)
    expect(valid('DeviceCode', 'GZ0001A')).toBe(true)
    expect(valid('DeviceCode', 'gz-1')).toBe(false)
  })
})

describe('openapi.yaml covers the sketch', () => {
  it('has every operation of the sketch at its method and path, and no other', () => {
    const actual = Object.fromEntries(
      operations.map((o) => [String(o.op.operationId), `${o.method.toUpperCase()} ${o.path}`]),
    )
    expect(actual).toEqual(SKETCH_OPERATIONS)
  })

  it('documents the stream messages as components', () => {
    for (const name of ['StreamClientMessage', 'StreamServerMessage']) expect(schemas[name]).toBeDefined()
  })
})
