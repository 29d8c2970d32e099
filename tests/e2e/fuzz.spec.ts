import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import pg from 'pg'
import { listServerActions } from '../support/routes'
import { expect, signIn, test } from './fixtures'

// Hostile input against every /api/v1 operation, enumerated from the live OpenAPI document (which
// is generated from the routes' own zod schemas): generated and malformed bodies, oversized
// fields, wrong types, unicode edge cases, bad content types, odd path parameters, traversal in
// file names and oversized uploads. Expected: zero 5xx; every refusal a 4xx with the error shape;
// nothing written by a refused request.

type Op = { method: string; path: string; operationId: string; hasBody: boolean; bodyType?: string }
const RUNS = Number(process.env.FUZZ_RUNS ?? 20)
const WRITTEN_TABLES = [
  'Case',
  'CaseEvent',
  'Comment',
  'Escalation',
  'Attachment',
  'ContactAttempt',
  'AuditEntry',
  'PartnerGrant',
  'SupportIdRole',
  'Invitation',
  'Holiday',
  'ApiToken',
  'Deflection',
]

const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\u202e\u0041\u0042',
    'a\u200bb',
    '💥'.repeat(1000),
    '../../../../etc/passwd',
    '%2e%2e%2f',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '{{7*7}}',
    'x'.repeat(300_000),
  ),
)
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 5 }),
  ),
})).value
const hostileBody = fc.oneof(
  hostileValue,
  fc.record(
    {
      severity: fc.oneof(fc.integer(), hostileString),
      supportId: hostileString,
      title: hostileString,
      body: hostileString,
      reason: hostileString,
      code: hostileString,
      summary: hostileString,
      engineer: hostileString,
      at: hostileString,
      channel: hostileString,
      outcome: hostileString,
    },
    { requiredKeys: [] },
  ),
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

for (const email of ACTORS)
  test(`hostile input as ${email}: zero 5xx, clear 4xx, nothing written`, async ({ page }) => {
    test.setTimeout(600_000)
    await signIn(page, email)
    const doc = await (await page.request.get('/api/v1/openapi.json')).json()
    const ops: Op[] = Object.entries(
      doc.paths as Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, unknown> } }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        hasBody: Boolean(op.requestBody),
        bodyType: op.requestBody ? Object.keys(op.requestBody.content)[0] : undefined,
      })),
    )
    // A real case of the signed-in customer, so path parameters reach the services.
    const mine = (await (await page.request.get('/api/v1/cases')).json()).cases[0].number as number
    const db = process.env.DATABASE_URL ? new pg.Client({ connectionString: process.env.DATABASE_URL }) : null
    await db?.connect()

    let tried = 0
    let fiveXx = 0
    const badShape: string[] = []
    const writes: string[] = []
    const send = async (
      op: Op,
      path: string,
      init: { data?: unknown; headers?: Record<string, string>; multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }> },
    ) => {
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
          await send(
            op,
            pathFor(op, () => odd),
            op.hasBody && op.bodyType === 'application/json' ? { data: {} } : {},
          )
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
    console.log(
      `fuzz as ${email}: ${ops.length} operations, inputs tried ${tried}, 5xx ${fiveXx}, refusals without the error shape ${badShape.length}, refusals that wrote ${writes.length}`,
    )
    expect(fiveXx, 'no 5xx').toBe(0)
    expect(badShape, 'every refusal has { error: { code, message } }').toEqual([])
    expect(writes, 'a refused request writes nothing').toEqual([])
  })

// Issue 10: the input classes that reached the database and answered 500 (NUL and other control
// characters, lone surrogates, impossible dates, numbers beyond 32 bits, broken percent-encoding in
// path segments), sent to every operation of the live OpenAPI document AND to every Server Action
// (over HTTP as Next's client calls them: POST to the page with a `Next-Action` header), for each
// role. Each request carries one hostile value among realistic ones, so validation of the other
// fields cannot hide it. Expected: zero 5xx, no action answering INTERNAL, nothing written by a refusal.

const TEXT_CLASSES: Record<string, string> = {
  nul: 'text \u0000 NUL',
  control: 'text \u0007\u001b[31m controls',
  surrogate: 'text \ud800 lone surrogate',
  impossibleDate: '2026-02-30',
}
const NUMBER_CLASSES: Record<string, unknown> = { huge: 2 ** 40, hugeString: '99999999999999999999', unsafe: 2 ** 53 + 1 }
const DATE_CLASSES: Record<string, string> = {
  impossibleDate: '2026-02-30',
  yearZero: '0000-01-01',
  impossibleInstant: '2026-02-30T10:00:00Z',
  farPast: '-200000-01-01T00:00:00Z',
  garbage: 'not a time',
}
const PATH_CLASSES: Record<string, string> = {
  nul: '%00',
  control: '%07',
  surrogate: '%ED%A0%80',
  badPercent: '%E0%A4%A',
  lonePercent: '%',
  huge: '99999999999999999999',
  impossibleDate: '2026-02-30',
}
const ROLES = [
  'caseadmin@acme.example',
  'licadmin@acme.example',
  'partner@northwind.example',
  'engineer@vendor.example',
  'manager@vendor.example',
  'admin@vendor.example',
]

type JsonSchema = {
  type?: string
  format?: string
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  minimum?: number
  minLength?: number
  default?: unknown
}

/** A realistic value for a schema (the fields around the hostile one must pass validation). */
function sample(schema: JsonSchema, name: string, real: Record<string, unknown>): unknown {
  if (name in real) return real[name]
  if (schema.anyOf) return sample(schema.anyOf[0]!, name, real)
  if (schema.enum) return schema.enum[0]
  if (schema.type === 'object') return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, sample(s, k, real)]))
  if (schema.type === 'array') return [sample(schema.items ?? { type: 'string' }, name, real)]
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1
  if (schema.type === 'boolean') return true
  if (schema.format === 'date') return '2026-11-20'
  if (schema.format === 'date-time') return '2026-11-20T15:00:00Z'
  if (schema.format === 'email') return 'engineer@vendor.example'
  return `A realistic ${name} value`.padEnd(Math.max(schema.minLength ?? 0, 12), '.')
}

/** The hostile values for one field of a schema. */
function hostileFor(schema: JsonSchema, name: string): [string, unknown][] {
  const s = schema.anyOf?.[0] ?? schema
  const dateLike = s.format === 'date' || s.format === 'date-time' || /^(at|from|to|date|releasedAt)$/.test(name)
  const numberLike =
    s.type === 'integer' || s.type === 'number' || /^(version|severity|number|duplicateOf|relatedCaseNumber|take|limit|fromYear|toYear|caseNumber)$/.test(name)
  return [
    ...Object.entries(TEXT_CLASSES).filter(([k]) => k !== 'impossibleDate' || !dateLike),
    ...(dateLike ? Object.entries(DATE_CLASSES) : []),
    ...(numberLike ? Object.entries(NUMBER_CLASSES) : []),
  ]
}

async function firstId(page: import('@playwright/test').Page, url: string, pick: (body: never) => string | undefined): Promise<string | undefined> {
  const res = await page.request.get(url, { failOnStatusCode: false })
  if (!res.ok()) return undefined
  try {
    return pick((await res.json()) as never)
  } catch {
    return undefined
  }
}

for (const email of ROLES)
  test(`input classes of issue 10 as ${email}: every operation and Server Action, zero 5xx`, async ({ page, baseURL }) => {
    test.setTimeout(900_000)
    await signIn(page, email)
    const doc = await (await page.request.get('/api/v1/openapi.json')).json()
    const db = process.env.DATABASE_URL ? new pg.Client({ connectionString: process.env.DATABASE_URL }) : null
    await db?.connect()

    // Real objects the role can reach, so hostile values get past "not found" to the services.
    const mine =
      (await firstId(page, '/api/v1/cases', (b: { cases: { number: number }[] }) => (b.cases[0] ? String(b.cases[0].number) : undefined))) ??
      (await firstId(page, '/api/v1/queue', (b: { cases: { number: number }[] }) => (b.cases[0] ? String(b.cases[0].number) : undefined)))
    const supportId = await firstId(page, '/api/v1/support-ids', (b: { supportIds: { code: string }[] }) => b.supportIds[0]?.code)
    const calendarId = await firstId(page, '/api/v1/admin/calendars', (b: { calendars: { id: string }[] }) => b.calendars[0]?.id)
    const products = (await page.request.get('/api/v1/admin/products', { failOnStatusCode: false }).then(
      (r) => (r.ok() ? r.json() : null),
      () => null,
    )) as { products?: { id: string; versions: { id: string }[] }[] } | null
    const productId = products?.products?.[0]?.id
    const versionId = products?.products?.[0]?.versions[0]?.id
    const pathReal: Record<string, string | undefined> = { number: mine, calendarId, productId, versionId, code: email.includes('vendor') ? 'US' : supportId }
    const real: Record<string, unknown> = {
      supportId,
      supportIdCode: supportId,
      productVersionId: versionId,
      category: 'TECHNICAL',
      severity: 3,
      engineer: 'engineer@vendor.example',
      code: 'UPGRADE',
      channel: 'phone',
      outcome: 'no-answer',
      public: true,
      at: undefined,
      version: undefined,
      duplicateOf: undefined,
      relatedCaseNumber: undefined,
      languages: ['English'],
      defaultTimeZone: 'UTC',
      from: '2026-01-01',
      to: '2026-01-31',
      phase: 'CURRENT',
      releasedAt: '2026-01-01',
      date: '2030-01-01',
      number: '+1 800 555 0100',
      mode: 'merge',
    }

    let requests = 0
    let fiveXx = 0
    const failures: string[] = []
    const writes: string[] = []
    const ops = new Set<string>()
    const classes = new Set<string>()
    const record = async (label: string, cls: string, status: number, text: string, before: Record<string, number> | null, refused: boolean) => {
      requests++
      classes.add(cls)
      if (status >= 500 || text.includes('"code":"INTERNAL"')) {
        fiveXx++
        failures.push(`${label} [${cls}] → ${status}: ${text.slice(0, 160)}`)
      }
      if (refused && before) {
        const after = await countRows(db)
        if (after && JSON.stringify(before) !== JSON.stringify(after)) writes.push(`${label} [${cls}] → ${status}`)
      }
    }

    // 1. Every operation of the OpenAPI document: path segments, query parameters, body fields.
    type OpDoc = {
      operationId: string
      parameters?: { name: string; in: string; schema: JsonSchema }[]
      requestBody?: { content: Record<string, { schema: JsonSchema }> }
    }
    for (const [pathTemplate, methods] of Object.entries(doc.paths as Record<string, Record<string, OpDoc>>)) {
      for (const [method, op] of Object.entries(methods)) {
        ops.add(op.operationId)
        const params = [...pathTemplate.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)
        const realPath = (override?: [string, string]) =>
          pathTemplate.replace(/\{(\w+)\}/g, (_, n: string) =>
            override && override[0] === n ? override[1] : encodeURIComponent(pathReal[n] ?? 'does-not-exist'),
          )
        const bodyType = op.requestBody ? Object.keys(op.requestBody.content)[0] : undefined
        const bodySchema = bodyType === 'application/json' ? op.requestBody!.content[bodyType]!.schema : undefined
        const base = bodySchema ? (sample(bodySchema, '', real) as Record<string, unknown>) : undefined
        const send = async (cls: string, url: string, data?: unknown) => {
          const before = method === 'get' ? null : await countRows(db)
          const res = await page.request.fetch(url, {
            method: method.toUpperCase(),
            maxRedirects: 0,
            failOnStatusCode: false,
            ...(data !== undefined ? { data } : {}),
          })
          await record(`${method.toUpperCase()} ${url.slice(0, 120)}`, cls, res.status(), await res.text(), before, res.status() >= 400)
        }
        for (const name of params) for (const [cls, raw] of Object.entries(PATH_CLASSES)) await send(cls, realPath([name, raw]), base)
        for (const q of (op.parameters ?? []).filter((p) => p.in === 'query')) {
          for (const [cls, value] of hostileFor(q.schema, q.name))
            await send(
              cls,
              `${realPath()}?${q.name}=${encodeURIComponent(String(value).replace(/[\ud800-\udfff]/g, ''))}${cls === 'surrogate' ? '%ED%A0%80' : ''}`,
            )
        }
        if (!bodySchema || !base) continue
        const fields = bodySchema.properties ?? bodySchema.anyOf?.[0]?.properties ?? {}
        for (const [name, schema] of Object.entries(fields)) {
          for (const [cls, value] of hostileFor(schema, name)) await send(cls, realPath(), { ...base, [name]: value })
          if (schema.type === 'object') {
            for (const [inner, innerSchema] of Object.entries(schema.properties ?? {})) {
              for (const [cls, value] of hostileFor(innerSchema, inner))
                await send(cls, realPath(), { ...base, [name]: { ...(base[name] as object), [inner]: value } })
            }
          }
        }
      }
    }
    const opRequests = requests

    // 2. Every Server Action of the build, called the way Next's client calls it.
    const manifest = JSON.parse(fs.readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, { workers: Record<string, unknown>; exportedName: string; filename: string }>
    }
    const sources = new Map(listServerActions().map((a) => [a.name, a.source]))
    const pagePath = (worker: string) =>
      worker
        .replace(/^app/, '')
        .replace(/\/page$/, '')
        .replace(/\/\([^)]+\)/g, '')
        .replace('[number]', mine ?? '1')
        .replace('[calendarId]', calendarId ?? 'does-not-exist')
        .replace('[token]', 'x'.repeat(43)) || '/'
    const boundValue = (name: string): unknown =>
      (
        ({
          number: Number(mine ?? 1),
          supportIdCode: supportId,
          decision: 'approve',
          request: { ics: 'BEGIN:VCALENDAR\nEND:VCALENDAR', mode: 'merge', fromYear: 2026, toYear: 2026 },
        }) as Record<string, unknown>
      )[name] ?? 'does-not-exist'
    const formValue: Record<string, string> = {
      caseNumber: mine ?? '1',
      supportId: supportId ?? '',
      supportIdCode: supportId ?? '',
      productVersionId: versionId ?? '',
      category: 'TECHNICAL',
      severity: '3',
      title: 'Backups fail nightly',
      description: 'The nightly job fails at 02:00',
      preferredLanguage: 'English',
      engineer: 'engineer@vendor.example',
      visibility: 'public',
      code: 'UPGRADE',
      channel: 'phone',
      outcome: 'no-answer',
      step: 'note',
      phase: 'CURRENT',
      date: '2030-01-01',
      number: '+1 800 555 0100',
      languages: 'English',
      defaultTimeZone: 'UTC',
      email: 'someone.new@acme.example',
    }
    const encodeArg = (v: unknown) => (typeof v === 'string' && v.startsWith('$') ? `$${v}` : v)
    const callAction = async (
      id: string,
      url: string,
      cls: string,
      label: string,
      body: { args: unknown[]; form?: Record<string, string> } | { raw: string },
    ) => {
      const headers = { 'next-action': id, origin: baseURL!, accept: 'text/x-component' }
      const before = await countRows(db)
      let res
      if ('raw' in body) {
        res = await page.request.post(url, {
          headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' },
          data: body.raw,
          maxRedirects: 0,
          failOnStatusCode: false,
        })
      } else if (body.form) {
        const multipart: Record<string, string> = { 0: JSON.stringify(body.args.map(encodeArg)) }
        for (const [k, v] of Object.entries(body.form)) multipart[`_1_${k}`] = v
        res = await page.request.post(url, { headers, multipart, maxRedirects: 0, failOnStatusCode: false })
      } else {
        res = await page.request.post(url, {
          headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' },
          data: JSON.stringify(body.args.map(encodeArg)),
          maxRedirects: 0,
          failOnStatusCode: false,
        })
      }
      const text = await res.text()
      await record(label, cls, res.status(), text, before, res.status() >= 400 || text.includes('"ok":false'))
      return text
    }
    let actionCount = 0
    for (const [id, entry] of Object.entries(manifest.node)) {
      const worker = Object.keys(entry.workers)[0]!
      const url = pagePath(worker)
      const source = sources.get(entry.exportedName) ?? ''
      const params = (/\(([^)]*)\)/.exec(source)?.[1] ?? '')
        .split(',')
        .map((p) => p.trim().split(/[?:]/)[0]!.trim())
        .filter(Boolean)
      const formAt = params.indexOf('form')
      const fieldNames = [...new Set([...source.matchAll(/(?:field|text)\(form, '(\w+)'\)|form\.get\('(\w+)'\)/g)].map((m) => m[1] ?? m[2]!))]
      const label = `action ${entry.exportedName} at ${url}`
      actionCount++
      const args = (form: boolean) => params.map((p, i) => (i === formAt ? (form ? '$K1' : null) : p === '_prev' ? null : boundValue(p)))
      if (formAt >= 0) {
        const realForm = Object.fromEntries(fieldNames.map((n) => [n, formValue[n] ?? `A realistic ${n} value`]))
        for (const name of fieldNames) {
          for (const [cls, value] of hostileFor({}, name))
            await callAction(id, url, cls, `${label} field ${name}`, { args: args(true), form: { ...realForm, [name]: String(value) } })
        }
      }
      // Non-form arguments: no FormData where one is expected, objects and numbers for ids, prototype keys.
      const shapes: [string, unknown[]][] = [
        ['no-form', params.map((p) => (p === '_prev' ? null : 'not a form'))],
        ['objects', params.map(() => ({ toString: 'x', constructor: { prototype: { admin: true } } }))],
        ['numbers', params.map(() => 2 ** 53 + 1)],
        ['prototype-keys', params.map((p) => (p === '_prev' ? null : 'constructor'))],
        ['nul-ids', params.map((p) => (p === '_prev' ? null : '\u0000'))],
        ['no-arguments', []],
      ]
      for (const [cls, shapeArgs] of shapes) {
        const text = await callAction(id, url, cls, label, { args: shapeArgs })
        if (shapeArgs.length > 0 && !text.includes('"ok":false')) failures.push(`${label} [${cls}] was not refused: ${text.slice(0, 160)}`)
      }
      for (const [cls, raw] of [
        ['not-json', 'garbage'],
        ['not-an-array', '{"a":1}'],
        ['lone-surrogate-json', '["\\ud800","\\ud800"]'],
      ] as const) {
        await callAction(id, url, cls, label, { raw })
      }
    }
    await db?.end()
    console.log(
      `issue-10 input classes as ${email}: ${ops.size} operations (${opRequests} requests) + ${actionCount} Server Actions (${requests - opRequests} requests) × ${classes.size} input classes, 5xx or INTERNAL ${fiveXx}, refusals that wrote ${writes.length}`,
    )
    expect(failures, 'no 5xx, no INTERNAL, every non-form call refused').toEqual([])
    expect(writes, 'a refused request writes nothing').toEqual([])
  })
