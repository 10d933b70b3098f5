import path from 'node:path'
import { pathToFileURL } from 'node:url'

export interface AppConfigShape {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
}

export const ROOT = path.resolve(__dirname, '..', '..')

/** Loads src/app.config.ts the way Taro does: defineAppConfig is a build-time identity. */
export async function loadAppConfig(): Promise<AppConfigShape> {
  ;(globalThis as Record<string, unknown>).defineAppConfig = (config: unknown) => config
  const mod = await import(pathToFileURL(path.join(ROOT, 'src/app.config.ts')).href)
  return (mod.default?.default ?? mod.default) as AppConfigShape
}

export function subPackagesOf(config: AppConfigShape): { root: string; pages: string[] }[] {
  return config.subPackages ?? config.subpackages ?? []
}

/** Every page path of the app, main package first. */
export function allPages(config: AppConfigShape): string[] {
  return [
    ...config.pages,
    ...subPackagesOf(config).flatMap((sub) =>
      sub.pages.map((page) => `${sub.root.replace(/\/$/, '')}/${page}`),
    ),
  ]
}
