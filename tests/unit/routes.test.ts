import { describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { operations } from '@/server/api/operations'
import { listRoutes, listServerActions, routeKey } from '../support/routes'

const routes = listRoutes()
const read = (file: string) => fs.readFileSync(path.resolve('src', file), 'utf8')

describe('every route is guarded where it is defined', () => {
  it('finds the routes from the source tree', () => {
    expect(routes.filter((r) => r.kind === 'api').length).toBeGreaterThan(10)
    expect(routes.filter((r) => r.kind === 'page').length).toBeGreaterThan(5)
  })

  it('every /api/v1 route authenticates through authedRoute (only the OpenAPI document is public)', () => {
    const unguarded = routes
      .filter((r) => r.kind === 'api' && r.path.startsWith('/api/v1/') && r.path !== '/api/v1/openapi.json')
      .filter((r) => !new RegExp(`export const ${r.kind === 'api' ? r.method : ''} = authedRoute`).test(read(r.file)))
      .map(routeKey)
    expect(unguarded).toEqual([])
  })

  it('every /api/v1 route and method is in the OpenAPI operation list, and nothing else is', () => {
    const toOpenApi = (p: string) => p.replace(/\[(\w+)\]/g, '{$1}')
    const fromCode = routes
      .filter((r) => r.kind === 'api' && r.path.startsWith('/api/v1/'))
      .map((r) => `${r.kind === 'api' ? r.method : ''} ${toOpenApi(r.path)}`)
      .sort()
    const documented = operations.map((o) => `${o.method} ${o.path}`).sort()
    expect(documented).toEqual(fromCode)
  })

  it('every signed-in page checks its actor (the portal layout does, and so does each page)', () => {
    const pages = routes.filter((r) => r.kind === 'page' && r.file.startsWith('app/(portal)/'))
    expect(read('app/(portal)/layout.tsx')).toContain('requirePageActor()')
    expect(pages.filter((p) => !read(p.file).includes('requirePageActor()')).map((p) => p.path)).toEqual([])
  })

  it('every Server Action authenticates through runAction', () => {
    const actions = listServerActions()
    expect(actions.length).toBeGreaterThan(5)
    const unguarded = actions.filter((a) => !/return runAction\(/.test(a.source)).map((a) => `${a.file}#${a.name}`)
    expect(unguarded).toEqual([])
  })
})
