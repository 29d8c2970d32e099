import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '@/server/api/openapi'
import { adminOperations } from '@/server/admin/api-operations'
import { organisationOperations } from '@/server/organisation/api-operations'

const administrationOperations = [...organisationOperations, ...adminOperations]

const root = path.join(import.meta.dirname, '../../src/app')

describe('issue 5 API operations', () => {
  it.each(administrationOperations.map((op) => [op.id, op] as const))('%s has its route file exporting the method', (_id, op) => {
    const file = path.join(root, op.path.replace(/\{(\w+)\}/g, '[$1]'), 'route.ts')
    expect(fs.existsSync(file), file).toBe(true)
    expect(fs.readFileSync(file, 'utf8')).toMatch(new RegExp(`export const ${op.method} = authedRoute`))
  })

  it('are in the OpenAPI document with their request bodies', () => {
    const doc = buildOpenApiDocument()
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => (o as { operationId: string }).operationId))
    for (const op of administrationOperations) expect(ids).toContain(op.id)
    const invite = doc.paths['/api/v1/organisation/invitations']!.post as { requestBody: { content: Record<string, { schema: { properties: object } }> } }
    expect(Object.keys(invite.requestBody.content['application/json']!.schema.properties)).toEqual(['supportIdCode', 'email'])
    expect(doc.paths['/api/v1/partner-grants/{grantId}/revoke']!.post).toMatchObject({
      responses: { 200: expect.anything(), 404: expect.anything(), 409: expect.anything() },
    })
  })
})
