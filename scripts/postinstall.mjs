// npm's postinstall: generate the Prisma client. `npm ci --omit=dev` on a production host has no
// Prisma CLI (a development tool); there the client generated before `npm run build` is used, so
// the step is skipped rather than failing the install (README, "Run in production").
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

if (!existsSync('node_modules/prisma/package.json')) {
  const generated = existsSync('src/generated/prisma/client.ts')
  console.log(`[postinstall] No Prisma CLI (a production install): ${generated ? 'keeping the generated client' : 'no generated client either: run `npm ci` and `npm run build` first, see the README'}.`)
  process.exit(0)
}
const run = spawnSync('npm', ['run', '-s', 'db:generate'], { stdio: 'inherit' })
process.exit(run.status ?? 1)
