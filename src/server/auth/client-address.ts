import 'server-only'
import { env } from '@/env'
import { FORWARDED_HEADER, PEER_HEADER } from '@/server/http/peer-address'

type HeaderBag = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : v)

/**
 * The client's address: the TCP peer, or, behind TRUST_PROXY_HOPS reverse proxies that each
 * append to X-Forwarded-For, the entry that many hops before it. Entries further left were
 * written by the client and are never trusted (decision 0007). 'unknown' without the peer stamp
 * (a server started without src/instrumentation.ts): every such request shares one budget.
 */
export function clientAddress(headers: HeaderBag, hops = env.TRUST_PROXY_HOPS): string {
  const peer = one(headers[PEER_HEADER])?.trim()
  if (!peer) return 'unknown'
  const forwarded = (one(headers[FORWARDED_HEADER]) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const chain = [...forwarded, peer]
  return chain[Math.max(0, chain.length - 1 - hops)]!
}
