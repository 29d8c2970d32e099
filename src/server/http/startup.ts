// What a server process does before it answers its first request (Node only; src/instrumentation.ts).
import 'server-only'
import { dbTarget, startupProblem } from '@/env'
import { prepareDatabase } from '@/server/db/prepare'
import { stampPeerAddresses } from './peer-address'

export async function prepareServer(): Promise<void> {
  // A deployment that cannot sign sessions safely must not start, rather than answer 500 to every request.
  const problem = startupProblem()
  if (problem) {
    console.error(`[startup] ${problem}`)
    process.exit(1)
  }
  // Route handlers cannot see the socket: record the peer address on every request.
  stampPeerAddresses()
  // Pending migrations before the first request (and demo data on an empty embedded folder).
  try {
    await prepareDatabase(dbTarget(), new Date(), (line) => console.log(`[startup] ${line}`))
  } catch (error) {
    console.error(`[startup] The database could not be prepared: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
