// Test databases: created and dropped by the tests themselves, only ever on a local server.
import pg from 'pg'

export function assertLocalDatabaseUrl(url: string): void {
  const host = new URL(url).hostname
  if (!['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(host)) {
    throw new Error(`Refusing to run tests against a database that is not local: ${host}`)
  }
}

/** The server the tests may create databases on: TEST_DATABASE_URL, else 127.0.0.1:5432 if it answers. */
export async function findTestServer(): Promise<string | null> {
  const candidate = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
  assertLocalDatabaseUrl(candidate)
  const client = new pg.Client({ connectionString: candidate, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('select 1')
    return candidate
  } catch {
    if (process.env.TEST_DATABASE_URL) throw new Error(`TEST_DATABASE_URL does not answer: ${candidate}`)
    return null
  } finally {
    await client.end().catch(() => {})
  }
}

export const uniqueDbName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
