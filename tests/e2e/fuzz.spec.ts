import fc from 'fast-check'
import pg from 'pg'
import { expect, signIn, test } from './fixtures'

// Hostile input against every /api/v1 operation, enumerated from the live OpenAPI document (which
// is generated from the routes' own zod schemas): generated and malformed bodies, oversized
// fields, wrong types, unicode edge cases, bad content types, odd path parameters, traversal in
// file names and oversized uploads. Expected: zero 5xx; every refusal a 4xx with the error shape;
// nothing written by a refused request.

type Op = { method: string; path: string; operationId: string; hasBody: boolean; bodyType?: string }
const RUNS = Number(process.env.FUZZ_RUNS ?? 20)
const WRITTEN_TABLES = ['Case', 'CaseEvent', 'Comment', 'Escalation', 'Attachment', 'ContactAttempt', 'AuditEntry', 'PartnerGrant', 'SupportIdRole', 'Invitation', 'Holiday', 'ApiToken', 'Deflection']

const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '\u202e\u0041\u0042', 'a\u200bb', '💥'.repeat(1000), '../../../../etc/passwd', '%2e%2e%2f', '<script>alert(1)</script>', "' OR 1=1 --", '{{7*7}}', 'x'.repeat(300_000)),
)
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(hostileString, tie('value'), { maxKeys: 5 })),
})).value
const hostileBody = fc.oneof(
  hostileValue,
  fc.record({ severity: fc.oneof(fc.integer(), hostileString), supportId: hostileString, title: hostileString, body: hostileString, reason: hostileString, code: hostileString, summary: hostileString, engineer: hostileString, at: hostileString, channel: hostileString, outcome: hostileString }, { requiredKeys: [] }),
)

async function countRows(client: pg.Client | null): Promise<Record<string, number> | null> {
  if (!client) return null
  const counts: Record<string, number> = {}
  // The server's own breach-warning job appends events at any moment: not the request's doing.
  for (const table of WRITTEN_TABLES) {
    const where = table === 'CaseEvent' ? ` where type <> 'case.breach-warning-sent'` : ''
    counts[table] = Number((await client.query(`select count(*) from "${table}"${where}`)).rows[0].count)
  }
  return counts
}

// Customer and vendor roles, so vendor-only operations get past authorization to their validation.
const ACTORS = ['caseadmin@acme.example', 'engineer@vendor.example', 'manager@vendor.example', 'admin@vendor.example']

for (const email of ACTORS) test(`hostile input as ${email}: zero 5xx, clear 4xx, nothing written`, async ({ page }) => {
  test.setTimeout(600_000)
  await signIn(page, email)
  const doc = await (await page.request.get('/api/v1/openapi.json')).json()
  const ops: Op[] = Object.entries(doc.paths as Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, unknown> } }>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, operationId: op.operationId, hasBody: Boolean(op.requestBody), bodyType: op.requestBody ? Object.keys(op.requestBody.content)[0] : undefined })),
  )
  // A real case of the signed-in customer, so path parameters reach the services.
  const mine = (await (await page.request.get('/api/v1/cases')).json()).cases[0].number as number
  const db = process.env.DATABASE_URL ? new pg.Client({ connectionString: process.env.DATABASE_URL }) : null
  await db?.connect()

  let tried = 0
  let fiveXx = 0
  const badShape: string[] = []
  const writes: string[] = []
  const send = async (op: Op, path: string, init: { data?: unknown; headers?: Record<string, string>; multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }> }) => {
    const before = await countRows(db)
    const res = await page.request.fetch(path, {
      method: op.method,
      maxRedirects: 0,
      failOnStatusCode: false,
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.data !== undefined ? { data: init.data } : {}),
      ...(init.multipart ? { multipart: init.multipart } : {}),
    })
    tried++
    const status = res.status()
    if (status >= 500) fiveXx++
    if (status >= 400) {
      const text = await res.text()
      let shaped = false
      try {
        const body = JSON.parse(text)
        shaped = typeof body?.error?.code === 'string' && typeof body?.error?.message === 'string' && body.error.message.length > 0
      } catch {
        shaped = false
      }
      if (!shaped) badShape.push(`${op.method} ${path} → ${status}: ${text.slice(0, 120)}`)
      const after = await countRows(db)
      if (before && after && JSON.stringify(before) !== JSON.stringify(after)) writes.push(`${op.method} ${path} → ${status}`)
    }
    return status
  }
  const pathFor = (op: Op, param: (name: string) => string) => op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(param(name)))
  const realParam = (name: string) => (name === 'number' ? String(mine) : 'does-not-exist')

  for (const op of ops) {
    // Odd path parameters: traversal, huge numbers, unicode.
    if (op.path.includes('{')) {
      for (const odd of ['../../etc/passwd', '99999999999999999999', '-1', '0x10', '%00', '💥', 'a'.repeat(500)]) {
        await send(op, pathFor(op, () => odd), op.hasBody && op.bodyType === 'application/json' ? { data: {} } : {})
      }
    }
    if (!op.hasBody) continue
    const path = pathFor(op, realParam)
    if (op.bodyType === 'multipart/form-data') {
      for (const name of ['../../../etc/passwd', '..\\..\\boot.ini', '\u0000.log', '.', 'a'.repeat(5000) + '.log', 'evil.exe', 'x.log\u202egnp']) {
        await send(op, path, { multipart: { file: { name, mimeType: 'text/plain', buffer: Buffer.from('x') } } })
      }
      await send(op, path, { multipart: { file: { name: 'huge.zip', mimeType: 'application/zip', buffer: Buffer.alloc(30 * 1024 * 1024) } } })
      await send(op, path, { data: { file: 'not multipart' } })
      continue
    }
    // Malformed JSON, wrong content types, empty bodies.
    for (const [headers, data] of [
      [{ 'content-type': 'application/json' }, '{"unterminated": '],
      [{ 'content-type': 'application/json' }, ''],
      [{ 'content-type': 'text/plain' }, 'severity=1'],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 'a=b'],
      [{ 'content-type': 'application/json' }, '['.repeat(5000) + ']'.repeat(5000)],
      [{ 'content-type': 'application/json' }, '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'],
    ] as const) {
      await send(op, path, { headers, data })
    }
    await fc.assert(
      fc.asyncProperty(hostileBody, async (body) => {
        const status = await send(op, path, { data: body })
        return status < 500
      }),
      { numRuns: RUNS, seed: 20261128, endOnFailure: true },
    )
  }
  await db?.end()
  console.log(`fuzz as ${email}: ${ops.length} operations, inputs tried ${tried}, 5xx ${fiveXx}, refusals without the error shape ${badShape.length}, refusals that wrote ${writes.length}`)
  expect(fiveXx, 'no 5xx').toBe(0)
  expect(badShape, 'every refusal has { error: { code, message } }').toEqual([])
  expect(writes, 'a refused request writes nothing').toEqual([])
})
