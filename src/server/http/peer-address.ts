// NOTE: `next start` exposes no socket address to route handlers. Its only trace is the
// X-Forwarded-For that Next's own server fills in *when the client sent none* (`??=`), so a
// client that sends one replaces it. This stamps every incoming request, before Next sees it,
// with the TCP peer address and the X-Forwarded-For exactly as received, in headers of our own
// that any client-sent copy is overwritten in (pen test issue 10, finding 4; decision 0007).
// Node only: called from src/instrumentation.ts, before the server handles its first request.
import 'server-only'
import http from 'node:http'
import { withRequestLog } from './request-log'

export const PEER_HEADER = 'x-portal-peer-address'
export const FORWARDED_HEADER = 'x-portal-forwarded-for'

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean
const proto = http.Server.prototype as unknown as { emit: Emit; portalPeerStamped?: boolean }

export function stampPeerAddresses(): void {
  if (proto.portalPeerStamped) return
  const emit = proto.emit
  proto.emit = function (this: http.Server, event, ...args) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage
      req.headers[PEER_HEADER] = req.socket.remoteAddress ?? 'unknown'
      const forwarded = req.headers['x-forwarded-for']
      if (forwarded === undefined) delete req.headers[FORWARDED_HEADER]
      else req.headers[FORWARDED_HEADER] = Array.isArray(forwarded) ? forwarded.join(', ') : forwarded
      return withRequestLog(req, args[1] as http.ServerResponse, () => emit.call(this, event, ...args))
    }
    return emit.call(this, event, ...args)
  }
  proto.portalPeerStamped = true
}
