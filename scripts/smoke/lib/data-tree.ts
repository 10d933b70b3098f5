import fs from 'node:fs'

/** A node of the tree Taro renders into the page's `root` data: `nn` node name, `cn` children, `v` text. */
export interface TaroNode {
  nn?: string
  cn?: TaroNode[]
  v?: string
  sid?: string
  uid?: string
  cl?: string
  [prop: string]: unknown
}

type Key = string | number

/** `root.cn.[0].cn.[2].v`, `root.cn[0]` → ['root', 'cn', 0, 'cn', 2, 'v'] (the paths Taro hands setData). */
export function parseDataPath(path: string): Key[] {
  const keys: Key[] = []
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    const [, index, name] = match
    keys.push(index !== undefined ? Number(index) : (name ?? ''))
  }
  return keys
}

type Container = Record<Key, unknown>

/** Applies one setData payload to a page's data, the way the mini-program runtime does. */
export function applySetData(data: Record<string, unknown>, payload: Record<string, unknown>): void {
  for (const [path, raw] of Object.entries(payload)) {
    // setData serializes what it is given: nothing the page keeps afterwards can change the data.
    const value: unknown = raw === undefined ? undefined : JSON.parse(JSON.stringify(raw))
    const keys = parseDataPath(path)
    let node = data as Container
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        node[key] = value
        return
      }
      const next = keys[i + 1]
      const child = node[key]
      if (child === null || typeof child !== 'object') node[key] = typeof next === 'number' ? [] : {}
      node = node[key] as Container
    })
  }
}

export interface TemplateInfo {
  /** The component a node name stands for (`view`, `text`, `button`…). */
  tag: string
  /** Whether the template binds tap to Taro's event handler `eh`. */
  tapBound: boolean
}

/**
 * Reads the compiled base template (base.axml / base.wxml): which component each node name `nn` renders
 * and whether it forwards taps. Production builds number the node names, so this is the only key.
 */
export function readBaseTemplates(file: string): Map<string, TemplateInfo> {
  const source = fs.readFileSync(file, 'utf8')
  const templates = new Map<string, TemplateInfo>()
  const parts = source.split('<template name="tmpl_0_').slice(1)
  for (const part of parts) {
    const nn = /^([^"]+)">/.exec(part)?.[1]
    const tag = /">\s*<([a-zA-Z-]+)/.exec(part)?.[1]
    if (!nn || !tag) continue
    const body = part.slice(0, part.indexOf('</template>'))
    templates.set(nn, { tag, tapBound: /\b(?:onTap|bindtap|catchtap|catchTap)="eh"/.test(body) })
  }
  return templates
}

export function isTextNode(node: TaroNode): boolean {
  return typeof node.v === 'string' && node.cn === undefined
}

export function textOf(node: TaroNode): string {
  if (isTextNode(node)) return node.v ?? ''
  return (node.cn ?? []).map(textOf).join('')
}

/** Depth-first, parents before children, with the chain of ancestors of each node. */
export function* walk(node: TaroNode, ancestors: TaroNode[] = []): Generator<[TaroNode, TaroNode[]]> {
  yield [node, ancestors]
  for (const child of node.cn ?? []) yield* walk(child, [...ancestors, node])
}
