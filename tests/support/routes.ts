// Every page, API route and Server Action of the app, read from the source tree (not a hand-kept
// list): the isolation matrix and the route checks are generated from this, so a new route without
// a rule fails them.
import fs from 'node:fs'
import path from 'node:path'

const APP = path.resolve(import.meta.dirname, '../../src/app')
const SRC = path.resolve(import.meta.dirname, '../../src')
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

export type AppRoute = { kind: 'page'; file: string; path: string } | { kind: 'api'; file: string; path: string; method: (typeof METHODS)[number] }

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]))
}

/** "/(portal)/cases/[number]/page.tsx" → "/cases/[number]" (route groups vanish). */
function urlPathOf(file: string): string {
  const rel = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((seg) => seg && !/^\(.*\)$/.test(seg))
  return `/${rel.join('/')}`
}

export function listRoutes(): AppRoute[] {
  const routes: AppRoute[] = []
  for (const file of walk(APP)) {
    const base = path.basename(file)
    if (base === 'page.tsx') routes.push({ kind: 'page', file: path.relative(SRC, file), path: urlPathOf(file) })
    if (base === 'route.ts') {
      const source = fs.readFileSync(file, 'utf8')
      for (const method of METHODS) {
        if (new RegExp(`export (const|async function|function) ${method}\\b|as ${method}\\b`).test(source)) {
          routes.push({ kind: 'api', file: path.relative(SRC, file), path: urlPathOf(file), method })
        }
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.kind === 'api' ? a.method : ''}`.localeCompare(`${b.path} ${b.kind === 'api' ? b.method : ''}`))
}

export type ServerAction = { file: string; name: string; source: string }

/** Exported functions of every 'use server' module. */
export function listServerActions(): ServerAction[] {
  return walk(SRC)
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes(`${path.sep}generated${path.sep}`))
    .flatMap((file) => {
      const source = fs.readFileSync(file, 'utf8')
      if (!/^['"]use server['"]/m.test(source.trimStart().split('\n')[0] ?? '')) return []
      return [...source.matchAll(/export async function (\w+)\s*\(([\s\S]*?)^}/gm)].map((m) => ({ file: path.relative(SRC, file), name: m[1]!, source: m[0] }))
    })
}

export const routeKey = (r: AppRoute) => (r.kind === 'page' ? `PAGE ${r.path}` : `${r.method} ${r.path}`)
