import path from 'node:path'

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..')

/** The compiled output under test: `dist/<platform>`, or `$SMOKE_DIST/<platform>` for a build elsewhere. */
export function buildRoot(platform: 'weapp' | 'alipay'): string {
  return path.resolve(process.env.SMOKE_DIST ?? path.join(REPO_ROOT, 'dist'), platform)
}

/** The page a cabinet QR opens (app.config.ts). */
export const CABINET_PAGE = 'pages/cabinet/index'

/** The page 开门 pushes: the open door, the live cart, then the receipt. */
export const SHOPPING_PAGE = 'pages/shopping/index'

/** The home page (我的): where a relaunch from the recent list starts. */
export const HOME_PAGE = 'pages/index/index'
