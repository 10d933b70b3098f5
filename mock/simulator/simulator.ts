/* eslint-env browser */
// The cabinet simulator: the phone (the H5 app in an iframe) on the left, the cabinet on the right. It reads
// the emulator's /__control/state every 500 ms and acts through the other /__control endpoints, so what it
// shows is what the cloud believes. Served by mock/server, which transpiles this one file with esbuild (no
// bundling): it imports types only, which the transpiler erases, so the page's script stands alone.
import type {
  ControlState as State,
  DeviceView as Device,
  DoorView as Door,
  OperationDrop,
} from '../handlers/control'
import type { FaultKind } from '../model/state'
import type { CreditMethod, DeviceState } from '../model/types'

const FAULT_LABELS: Record<FaultKind, string> = {
  offline: '离线',
  lock_fault: '门锁故障',
  camera_fault: '摄像头故障',
  open_timeout: '开门超时',
  open_fail: '开门失败',
  settlement_failure: '结算失败',
  payment_failure: '支付失败',
  under_review: '人工审核',
  slow_settlement: '结算缓慢',
  command_failure: '指令失败',
  refund_failure: '退款失败',
}

const DEVICE_STATES: Record<DeviceState, string> = {
  ok: '正常',
  offline: '离线',
  expired: '服务已到期',
  not_activated: '未激活',
  lock_fault: '门锁故障',
  camera_fault: '摄像头故障',
  restocking: '补货中',
  in_use: '有顾客在购物',
  quota_exhausted: '识别次数已用完',
}

const DOOR_STATES: Record<Door['state'], string> = {
  closed: '已关门',
  opening: '开门中',
  open: '已打开',
  settling: '结算中',
}

// The glossary's names (src/domain/labels.ts CREDIT_METHOD_LABEL), repeated: this page can import types
// only. Keyed by the contract's CreditMethod, so a new method cannot go unnamed here.
const METHODS: Record<CreditMethod, string> = {
  wxpay_score_enable: '微信支付分先用后付（免确认）',
  wxpay_score_use: '微信支付分先用后付（每次确认）',
  wxpay_contract: '微信免密支付',
  wxpay_deposit: '押金开门',
  alipay_pay_after_use: '芝麻先享先用后付',
  alipay_agreement: '支付宝免密支付',
  alipay_preauth: '支付宝预授权',
}

const QR_PREFIX = 'https://qr.kaimengui.cn/c/'

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id)
  if (!el) throw new Error(`#${id} missing`)
  return el as T
}

const esc = (text: unknown): string => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : `¥${(fen / 100).toFixed(2)}`

let state: State | null = null
let selectedDevice = localStorage.getItem('sim.device') ?? ''
let selectedUser = localStorage.getItem('sim.user') ?? ''
let shownScenario = ''
let phoneKey = ''
const rendered = new Map<string, string>()
let busy = 0

function setMessage(text: string, ok = false): void {
  const el = $('sim-message')
  el.textContent = text
  el.className = ok ? 'message ok' : 'message'
}

async function control(route: string, body?: unknown): Promise<unknown> {
  busy += 1
  try {
    const res = await fetch(`/__control/${route}`, {
      method: body === undefined && route === 'state' ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = (await res.json()) as Record<string, unknown>
    if (!res.ok) throw new Error(String(data.message ?? data.error ?? res.status))
    return data
  } finally {
    busy -= 1
  }
}

/** Runs a control action, shows its error, and redraws from the state it returns (or a fresh one). */
async function act(route: string, body: unknown, done?: string): Promise<void> {
  try {
    const result = (await control(route, body)) as Partial<State>
    setMessage(done ?? '', true)
    if (result && Array.isArray(result.devices)) apply(result as State)
    else await refresh()
  } catch (error) {
    setMessage(`操作失败：${error instanceof Error ? error.message : String(error)}`)
  }
}

function setHtml(id: string, html: string): void {
  if (rendered.get(id) === html) return
  rendered.set(id, html)
  $(id).innerHTML = html
}

function currentDevice(): Device | undefined {
  return state?.devices.find((d) => d.code === selectedDevice) ?? state?.devices[0]
}

function phoneUrl(device: Device, loginCode: string): string {
  const q = encodeURIComponent(`${QR_PREFIX}${device.code}`)
  return `/app/index.html#/pages/cabinet/index?q=${q}&login_code=${encodeURIComponent(loginCode)}`
}

function renderPickers(s: State): void {
  const scenarioSelect = $<HTMLSelectElement>('scenario-select')
  if (scenarioSelect.options.length === 0) {
    scenarioSelect.innerHTML = s.scenarios
      .map((name) => `<option value="${esc(name)}">${esc(s.scenarioLabels[name])}（${esc(name)}）</option>`)
      .join('')
  }
  $('scenario-description').textContent = s.scenario.description

  setHtml(
    'device-select',
    s.devices
      .map(
        (d) =>
          `<option value="${esc(d.code)}"${d.code === selectedDevice ? ' selected' : ''}>` +
          `${esc(d.code)} ${esc(d.name)}</option>`,
      )
      .join(''),
  )
  setHtml(
    'user-select',
    s.users
      .map((u) => {
        const role = u.merchantId ? ' · 商户' : u.staffDeviceCodes.length > 0 ? ' · 补货员' : ''
        return (
          `<option value="${esc(u.id)}"${u.id === selectedUser ? ' selected' : ''}>` +
          `${esc(u.nickname)}（${esc(u.loginCode)}${role}）</option>`
        )
      })
      .join(''),
  )
}

function renderDevice(device: Device): void {
  const stateClass = device.state === 'ok' ? 'ok' : 'bad'
  setHtml(
    'device-info',
    `<div class="row"><b>${esc(device.name)}</b><span class="badge ${stateClass}" data-testid="device-state">` +
      `${esc(DEVICE_STATES[device.state] ?? device.state)}</span>` +
      `<span class="badge">${device.kind === 'vision' ? '视觉柜' : '重力柜'} · ${device.doorCount === 2 ? '双门' : '单门'}</span>` +
      `<span class="badge ${device.online ? 'ok' : 'bad'}">${device.online ? '在线' : '离线'}</span></div>` +
      `<div class="kv"><span>位置 <b>${esc(device.place)}</b></span>` +
      `<span>温度 <b>${device.temperatureC === null ? '—' : `${device.temperatureC}℃`}</b></span>` +
      `<span>服务到期 <b>${esc(device.serviceExpiresAt.slice(0, 10))}</b></span>` +
      (device.recognitionQuota === null ? '' : `<span>识别余量 <b>${device.recognitionQuota}</b></span>`) +
      `<span>二维码 <b data-testid="device-qr">${esc(device.qrUrl)}</b></span></div>`,
  )
  setHtml(
    'faults',
    (state?.faults ?? [])
      .map((fault) => {
        const on = device.faults.includes(fault)
        return (
          `<label class="check"><input type="checkbox" data-action="fault" data-fault="${esc(fault)}" ` +
          `data-testid="fault-${esc(device.code)}-${esc(fault)}"${on ? ' checked' : ''}/>` +
          `${esc(FAULT_LABELS[fault] ?? fault)}</label>`
        )
      })
      .join(''),
  )
}

function renderCart(device: Device, door: Door): string {
  const session = door.session
  if (!session) return `<div class="cart hint" data-testid="cart-${device.code}-${door.no}">柜门关闭</div>`
  const who = state?.users.find((u) => u.id === session.userId)?.nickname ?? session.userId
  const head =
    `<div class="row"><span>${session.kind === 'restock' ? '补货' : '购物'} · ${esc(who)}</span>` +
    `<span class="hint">${esc(session.id)} · ${esc(session.state)}</span></div>`
  if (session.kind === 'restock') {
    const rows = (session.changes ?? [])
      .filter((c) => c.delta !== 0)
      .map(
        (c) =>
          `<tr><td>${esc(c.name)}</td><td class="num">${c.before} → ${c.after}（${c.delta > 0 ? '+' : ''}${c.delta}）</td></tr>`,
      )
      .join('')
    return `<div class="cart" data-testid="cart-${device.code}-${door.no}">${head}<table>${rows || '<tr><td class="hint">还没有变化</td></tr>'}</table></div>`
  }
  if (session.recognition === 'after_close' && session.state !== 'closed') {
    return `<div class="cart" data-testid="cart-${device.code}-${door.no}">${head}<p class="hint">视觉柜：关门后识别商品</p></div>`
  }
  const cart = session.cart
  const lines = (cart?.lines ?? [])
    .map(
      (l) =>
        `<tr data-testid="cart-line-${esc(l.productId)}"><td>${esc(l.name)}${l.objected ? '（有异议）' : ''}</td>` +
        `<td class="num">${yuan(l.paidUnitPriceFen)} × ${l.qty}</td><td class="num">${yuan(l.lineTotalFen)}</td></tr>`,
    )
    .join('')
  const promos = (cart?.promotions ?? [])
    .map((p) => `<tr><td colspan="2">${esc(p.label)}</td><td class="num">-${yuan(p.amountFen)}</td></tr>`)
    .join('')
  const total =
    `<tr class="total"><td colspan="2">合计（优惠 ${yuan(cart?.discountFen ?? 0)}）</td>` +
    `<td class="num" data-testid="cart-total-${device.code}-${door.no}">${yuan(cart?.totalFen ?? 0)}</td></tr>`
  return (
    `<div class="cart" data-testid="cart-${device.code}-${door.no}">${head}<table>` +
    `${lines || '<tr><td class="hint" colspan="3">还没有拿商品</td></tr>'}${promos}${total}</table></div>`
  )
}

function renderDoors(device: Device): void {
  const html = device.doors
    .map((door) => {
      const goods = device.goods.filter((g) => g.doorNo === door.no)
      const open = door.state === 'open'
      const rows = goods
        .map((g) => {
          const id = `${device.code}-${door.no}-${g.productId}`
          const price =
            g.promoPriceFen !== null && g.promoPriceFen < g.priceFen
              ? `${yuan(g.promoPriceFen)}<span class="price-old">${yuan(g.priceFen)}</span>`
              : yuan(g.priceFen)
          return (
            `<tr><td><img src="${esc(g.imageUrl)}" alt="" loading="lazy"/></td>` +
            `<td>${esc(g.name)}<div class="hint">${esc(g.productId)}</div></td>` +
            `<td class="num">${price}</td>` +
            `<td class="num" data-testid="stock-${esc(id)}">库存 ${g.stock}/${g.capacity}</td>` +
            `<td class="num ${g.inCart > 0 ? 'out' : ''}" data-testid="out-${esc(id)}">${g.inCart > 0 ? `已拿 ${g.inCart}` : ''}</td>` +
            `<td class="num"><button type="button" data-action="take" data-door="${door.no}" data-product="${esc(g.productId)}" ` +
            `data-testid="take-${esc(id)}"${open ? '' : ' disabled'}>拿取</button> ` +
            `<button type="button" data-action="return" data-door="${door.no}" data-product="${esc(g.productId)}" ` +
            `data-testid="return-${esc(id)}"${open ? '' : ' disabled'}>放回</button></td></tr>`
          )
        })
        .join('')
      return (
        `<div class="card" data-testid="door-${device.code}-${door.no}"><div class="door-head"><h2>${esc(door.name)}</h2>` +
        `<span class="badge ${door.state}" data-testid="door-state-${device.code}-${door.no}">${DOOR_STATES[door.state]}</span>` +
        `<span class="spacer"></span><button type="button" class="primary" data-action="close" data-door="${door.no}" ` +
        `data-testid="close-${device.code}-${door.no}"${open ? '' : ' disabled'}>关门</button></div>` +
        `<table class="shelf">${rows}</table>${renderCart(device, door)}</div>`
      )
    })
    .join('')
  setHtml('doors', html)
}

function renderPending(s: State): void {
  const credit = s.pendingCredit.map(
    (a) =>
      `<div class="pending-item" data-testid="credit-${esc(a.id)}"><span>开通 ${esc(METHODS[a.method] ?? a.method)} · ${esc(a.userId)}</span>` +
      `<span class="spacer"></span><button type="button" data-action="credit" data-id="${esc(a.id)}" data-outcome="authorized" ` +
      `data-testid="credit-approve-${esc(a.id)}">通过</button><button type="button" class="danger" data-action="credit" ` +
      `data-id="${esc(a.id)}" data-outcome="rejected" data-testid="credit-reject-${esc(a.id)}">拒绝</button></div>`,
  )
  const payments = s.pendingPayments.map(
    (p) =>
      `<div class="pending-item" data-testid="payment-${esc(p.id)}"><span>支付 ${esc(p.orderId)} ${yuan(p.amountFen)} · ${esc(p.userId)}</span>` +
      `<span class="spacer"></span><button type="button" data-action="payment" data-id="${esc(p.id)}" data-outcome="succeeded" ` +
      `data-testid="payment-succeed-${esc(p.id)}">支付成功</button><button type="button" class="danger" data-action="payment" ` +
      `data-id="${esc(p.id)}" data-outcome="failed" data-testid="payment-fail-${esc(p.id)}">支付失败</button></div>`,
  )
  const all = [...credit, ...payments]
  setHtml('pending', all.length > 0 ? all.join('') : '<p class="hint">没有待处理的开通或支付</p>')
  const auto = $<HTMLInputElement>('auto-complete')
  if (document.activeElement !== auto) {
    auto.checked = s.settings.creditAutoCompleteMs !== null || s.settings.paymentAutoCompleteMs !== null
  }
}

/**
 * The app in the iframe shares this page's origin and so its localStorage: a token kept there would keep
 * the previous shopper logged in. Another shopper (or another world) means a fresh phone.
 */
let phoneForget = false

function forgetPhone(): void {
  phoneForget = true
}

/**
 * Loads the app afresh: only the hash differs between two phone URLs, which a browser treats as a route
 * change inside the running app, so the frame goes through about:blank (the old app is gone, its storage
 * can be cleared) before the new URL.
 */
function loadPhone(url: string): void {
  const frame = $<HTMLIFrameElement>('phone-frame')
  const blank = () => {
    frame.removeEventListener('load', blank)
    if (phoneForget) {
      for (const key of Object.keys(localStorage)) if (!key.startsWith('sim.')) localStorage.removeItem(key)
      phoneForget = false
    }
    frame.src = url
  }
  frame.addEventListener('load', blank)
  frame.src = 'about:blank'
}

/** What the cloud "sent": each message with its recipient, whether it went out as a subscribe message, and a tap. */
function renderMessages(s: State): void {
  const nickname = (id: string) => s.users.find((u) => u.id === id)?.nickname ?? id
  const items = s.messages.map(
    (m) =>
      `<div class="pending-item" data-testid="message-${esc(m.id)}" data-user="${esc(m.userId)}" data-topic="${esc(m.topic)}">` +
      `<span>${m.read ? '' : '● '}${esc(nickname(m.userId))} · ${esc(m.title)}：${esc(m.body)}` +
      ` <small>${m.pushed ? `订阅消息 ${esc(m.pushed.templateId)}` : '仅消息中心'}</small></span>` +
      `<span class="spacer"></span><button type="button" data-action="open-message" data-user="${esc(m.userId)}" ` +
      `data-page="${esc(m.page)}" data-testid="message-open-${esc(m.id)}">点开</button></div>`,
  )
  setHtml('messages', items.length > 0 ? items.join('') : '<p class="hint">还没有发出消息</p>')
}

/** A tap on a subscribe message: the app starts cold, as its recipient, on the message's page. */
function openMessage(userId: string, page: string): void {
  const s = state
  const device = currentDevice()
  const user = s?.users.find((u) => u.id === userId)
  if (!s || !device || !user) return
  if (selectedUser !== userId) {
    selectedUser = userId
    localStorage.setItem('sim.user', userId)
    $<HTMLSelectElement>('user-select').value = userId
    forgetPhone()
  }
  phoneKey = `${s.scenario.name}|${device.code}|${user.loginCode}`
  const url = `/app/index.html#/${page}${page.includes('?') ? '&' : '?'}login_code=${encodeURIComponent(user.loginCode)}`
  loadPhone(url)
  $<HTMLAnchorElement>('phone-open').href = url
  $('phone-url').textContent = `消息：${page} · 登录码 ${user.loginCode}`
}

function renderPhone(s: State, device: Device): void {
  const user = s.users.find((u) => u.id === selectedUser)
  const loginCode = user?.loginCode ?? s.scenario.loginCode
  const key = `${s.scenario.name}|${device.code}|${loginCode}`
  if (key === phoneKey) return
  phoneKey = key
  const url = phoneUrl(device, loginCode)
  loadPhone(url)
  $<HTMLAnchorElement>('phone-open').href = url
  $('phone-url').textContent = `扫码：${QR_PREFIX}${device.code} · 登录码 ${loginCode}`
}

const STAGE_LABELS: Record<OperationDrop['stage'], string> = {
  answer: '丢弃响应（云端已处理）',
  request: '丢弃请求（云端未收到）',
}

/** The operation picker (filled once) and the armed drops, each with what is left and what it dropped. */
function renderDrops(s: State): void {
  const select = $<HTMLSelectElement>('drop-operation')
  if (select.options.length === 0) {
    select.innerHTML = s.operations
      .map((op) => `<option value="${esc(op.id)}">${esc(op.label)}（${esc(op.id)}）</option>`)
      .join('')
    select.value = 'openDoor'
  }
  const label = (id: string) => s.operations.find((op) => op.id === id)?.label ?? id
  setHtml(
    'drops',
    s.network.drops
      .map((d) => {
        const id = `${d.stage}-${d.operationId}`
        const status = d.left > 0 ? `还剩 <b data-testid="drop-left-${esc(id)}">${d.left}</b> 次` : '已用完'
        return (
          `<div class="pending-item" data-testid="drop-${esc(id)}"><span>${esc(label(d.operationId))} · ` +
          `${STAGE_LABELS[d.stage]} · ${status} · 已丢弃 <b data-testid="drop-dropped-${esc(id)}">${d.dropped}</b> 次</span>` +
          `<span class="spacer"></span><button type="button" data-action="drop-cancel" data-id="${esc(d.operationId)}" ` +
          `data-stage="${d.stage}" data-testid="drop-cancel-${esc(id)}">${d.left > 0 ? '取消' : '移除'}</button></div>`
        )
      })
      .join(''),
  )
}

function renderStatus(s: State): void {
  $('clock-now').textContent =
    `云端时间 ${s.now.replace('T', ' ').slice(0, 19)}${s.clock === 'manual' ? '（手动）' : ''}`
  const net = s.network
  // The old any-operation counters still work through the API (tests use them); show them only when set.
  const any =
    (net.dropRequests > 0 ? ` · 任意接口待丢弃请求 ${net.dropRequests} 次` : '') +
    (net.dropResponses > 0 ? ` · 任意接口待丢弃响应 ${net.dropResponses} 次` : '') +
    (net.loss ? ` · 随机丢包：请求 ${net.loss.requestPct}%、响应 ${net.loss.answerPct}%（无应答）` : '')
  $('network-state').textContent = `延迟 ${net.latencyMs} ms · 推送连接 ${s.streams}${any}`
  renderDrops(s)
  for (const [id, key] of [
    ['door-delay', 'doorDelayMs'],
    ['settlement-delay', 'settlementDelayMs'],
  ] as const) {
    const input = $<HTMLInputElement>(id)
    if (document.activeElement !== input && input.dataset.touched !== '1')
      input.value = String(s.settings[key] ?? '')
  }
  const latency = $<HTMLInputElement>('latency-input')
  if (document.activeElement !== latency && latency.dataset.touched !== '1')
    latency.value = String(net.latencyMs)
}

function apply(s: State): void {
  state = s
  renderPickers(s)
  if (shownScenario !== s.scenario.name) {
    // A new world: start from the scenario's own cabinet and shopper.
    shownScenario = s.scenario.name
    $<HTMLSelectElement>('scenario-select').value = s.scenario.name
    selectedDevice =
      s.devices.some((d) => d.code === selectedDevice) && selectedDevice
        ? selectedDevice
        : s.scenario.deviceCode
    selectedUser =
      s.users.some((u) => u.id === selectedUser) && selectedUser ? selectedUser : s.scenario.userId
  }
  if (!s.devices.some((d) => d.code === selectedDevice)) selectedDevice = s.scenario.deviceCode
  renderPickers(s)
  renderStatus(s)
  const device = currentDevice()
  if (!device) return
  renderDevice(device)
  renderDoors(device)
  renderPending(s)
  renderMessages(s)
  renderPhone(s, device)
}

async function refresh(): Promise<void> {
  try {
    apply((await control('state')) as State)
    $('connection').textContent = '已连接'
    $('connection').className = 'conn'
  } catch {
    $('connection').textContent = '模拟云未连接'
    $('connection').className = 'conn down'
  }
}

function onClick(event: Event): void {
  const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')
  const device = currentDevice()
  if (!target || !device) return
  const action = target.dataset.action
  if (action === 'open-message') {
    openMessage(target.dataset.user ?? '', target.dataset.page ?? '')
    return
  }
  const doorNo = Number(target.dataset.door ?? 1)
  switch (action) {
    case 'take':
    case 'return':
      void act(action, { deviceCode: device.code, doorNo, productId: target.dataset.product, qty: 1 })
      break
    case 'close':
      void act('close', { deviceCode: device.code, doorNo }, '已关门')
      break
    case 'fault':
      void act('fault', {
        deviceCode: device.code,
        fault: target.dataset.fault,
        on: (target as HTMLInputElement).checked,
      })
      break
    case 'credit':
      void act(
        'credit',
        { authorizationId: target.dataset.id, outcome: target.dataset.outcome },
        '已处理开通',
      )
      break
    case 'payment':
      void act('payment', { paymentId: target.dataset.id, outcome: target.dataset.outcome }, '已处理支付')
      break
    case 'drop-cancel':
      void act(
        'drop',
        { operationId: target.dataset.id, stage: target.dataset.stage, count: 0 },
        '已取消丢弃',
      )
      break
  }
}

function localInputValue(iso: string): string {
  // The cloud's time is China time; the input shows it as such whatever the browser's zone.
  return iso.slice(0, 16)
}

function wire(): void {
  document.addEventListener('click', onClick)
  $('scenario-load').addEventListener('click', () => {
    const select = $<HTMLSelectElement>('scenario-select')
    const name = select.value
    const label = select.selectedOptions[0]?.textContent ?? name
    shownScenario = ''
    selectedDevice = ''
    selectedUser = ''
    phoneKey = ''
    forgetPhone()
    void act('scenario', { name }, `已载入场景 ${label}`)
  })
  $('device-select').addEventListener('change', (e) => {
    selectedDevice = (e.target as HTMLSelectElement).value
    localStorage.setItem('sim.device', selectedDevice)
    if (state) apply(state)
  })
  $('user-select').addEventListener('change', (e) => {
    selectedUser = (e.target as HTMLSelectElement).value
    localStorage.setItem('sim.user', selectedUser)
    forgetPhone()
    if (state) apply(state)
  })
  $('phone-reload').addEventListener('click', () => {
    phoneKey = ''
    if (state) apply(state)
  })
  for (const id of ['latency-input', 'door-delay', 'settlement-delay']) {
    $(id).addEventListener('input', (e) => ((e.target as HTMLElement).dataset.touched = '1'))
  }
  $('latency-apply').addEventListener('click', () => {
    const input = $<HTMLInputElement>('latency-input')
    delete input.dataset.touched
    void act('network', { latencyMs: Math.max(0, Math.round(Number(input.value) || 0)) }, '已设置网络延迟')
  })
  $('socket-drop').addEventListener('click', () => void act('socket-drop', {}, '已断开所有推送连接'))
  $('drop-arm').addEventListener('click', () => {
    const operation = $<HTMLSelectElement>('drop-operation')
    const stage = $<HTMLSelectElement>('drop-stage').value
    const count = Math.max(1, Math.round(Number($<HTMLInputElement>('drop-count').value) || 1))
    const name = operation.selectedOptions[0]?.textContent ?? operation.value
    void act(
      'drop',
      { operationId: operation.value, count, stage },
      `手机接下来 ${count} 次「${name}」的${stage === 'request' ? '请求' : '响应'}将被丢弃`,
    )
  })
  $('clock-travel').addEventListener('click', () => {
    const value = $<HTMLInputElement>('clock-input').value
    if (!value) return setMessage('请选择时间')
    void act('clock', { travelTo: `${value}:00+08:00` }, '已穿越')
  })
  document
    .querySelectorAll<HTMLElement>('[data-advance]')
    .forEach((button) =>
      button.addEventListener(
        'click',
        () => void act('clock', { advanceMs: Number(button.dataset.advance) }, '时间已前进'),
      ),
    )
  $('settings-apply').addEventListener('click', () => {
    const door = $<HTMLInputElement>('door-delay')
    const settle = $<HTMLInputElement>('settlement-delay')
    delete door.dataset.touched
    delete settle.dataset.touched
    void act(
      'settings',
      {
        doorDelayMs: Math.max(0, Number(door.value) || 0),
        settlementDelayMs: Math.max(0, Number(settle.value) || 0),
      },
      '已更新柜子参数',
    )
  })
  $('auto-complete').addEventListener('change', (e) => {
    const on = (e.target as HTMLInputElement).checked
    void act(
      'settings',
      { creditAutoCompleteMs: on ? 1500 : null, paymentAutoCompleteMs: on ? 800 : null },
      on ? '开通和支付将自动完成' : '开通和支付需在此手动处理',
    )
  })
}

function poll(): void {
  const next = () => setTimeout(poll, 500)
  // Skip a beat while an action is in flight, so a stale read cannot undo what the click just did.
  if (busy > 0) return void next()
  void refresh().finally(next)
}

wire()
void refresh().then(() => {
  const input = $<HTMLInputElement>('clock-input')
  if (state && !input.value) input.value = localInputValue(state.now)
  setTimeout(poll, 500)
})
