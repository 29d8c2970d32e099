import { expect, test } from '@playwright/test'

// The load balancer's checks (issue 14), over HTTP without signing in: liveness and readiness
// answer with their status only, never cached.
test('GET /api/health and /api/ready answer without a session and say nothing about the set-up', async ({ request }) => {
  const health = await request.get('/api/health')
  expect(health.status()).toBe(200)
  expect(health.headers()['cache-control']).toBe('no-store')
  expect(await health.json()).toEqual({ status: 'ok' })
  // Every response carries its request id, the one its log line has (issue 14).
  expect(health.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)

  const ready = await request.get('/api/ready')
  expect(ready.status()).toBe(200)
  expect(ready.headers()['cache-control']).toBe('no-store')
  expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', storage: 'ok' } })
})
