// One log line per request (issue 14), through the same hook `next start` gets: a real HTTP server,
// a request id returned as X-Request-Id, the user noted from inside the handler's async work, and
// no query string or invitation secret in the line.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { stampPeerAddresses } from '@/server/http/peer-address'
import { logger, loggedPath, noteRequestUser } from '@/server/http/request-log'

let server: http.Server
let base: string

beforeAll(async () => {
  stampPeerAddresses()
  server = http.createServer((req, res) => {
    // The user is noted after an await, as the actor is inside Next's handling.
    setTimeout(() => {
      noteRequestUser('user-42')
      res.statusCode = req.url?.startsWith('/missing') ? 404 : 201
      res.end('done')
    }, 5)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

describe('request log', () => {
  it('logs method, path without query or secret, status, duration, user and the id the response carries', async () => {
    const info = vi.spyOn(logger, 'info')
    const res = await fetch(`${base}/invite/s3cr3t-token-value?callbackUrl=%2Fcases`, { method: 'POST' })
    const id = res.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    await vi.waitFor(() => expect(info).toHaveBeenCalled())
    const [line, msg] = info.mock.calls.at(-1) as unknown as [Record<string, unknown>, string]
    expect(msg).toBe('request')
    expect(line).toMatchObject({ requestId: id, method: 'POST', path: '/invite/[token]', status: 201, userId: 'user-42' })
    expect(typeof line.durationMs).toBe('number')
    expect(JSON.stringify(line)).not.toContain('s3cr3t')
    expect(JSON.stringify(line)).not.toContain('callbackUrl')
  })

  it('keeps a well-formed request id from the proxy in front, replaces anything else', async () => {
    const kept = await fetch(`${base}/missing`, { headers: { 'x-request-id': 'lb-0123456789' } })
    expect(kept.headers.get('x-request-id')).toBe('lb-0123456789')
    const replaced = await fetch(`${base}/missing`, { headers: { 'x-request-id': 'bad id\twith spaces' } })
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('noting a user outside a request does nothing', () => {
    expect(() => noteRequestUser('nobody')).not.toThrow()
    expect(loggedPath('/cases/12?q=x')).toBe('/cases/12')
  })
})
