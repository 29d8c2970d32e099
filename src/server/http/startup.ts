// What a server process does before it answers its first request (Node only; src/instrumentation.ts).
import { startupProblem } from '@/env'
import { stampPeerAddresses } from './peer-address'

export function prepareServer(): void {
  // A deployment that cannot sign sessions safely must not start, rather than answer 500 to every request.
  const problem = startupProblem()
  if (problem) {
    console.error(`[startup] ${problem}`)
    process.exit(1)
  }
  // Route handlers cannot see the socket: record the peer address on every request.
  stampPeerAddresses()
}
