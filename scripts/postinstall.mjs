// npm's postinstall: generate the Prisma client. `npm ci --omit=dev` still installs the Prisma CLI
// (a peer of @prisma/client), but an install without peers (`--omit=peer`, or a pruned image) has
// none: there the client generated before `npm run build` is kept, rather than failing the install.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

if (!existsSync('node_modules/prisma/package.json')) {
  const generated = existsSync('src/generated/prisma/client.ts')
  console.log(
    `[postinstall] No Prisma CLI (a production install): ${generated ? 'keeping the generated client' : 'no generated client either: run `npm ci` and `npm run build` first, see the README'}.`,
  )
  process.exit(0)
}
const run = spawnSync('npm', ['run', '-s', 'db:generate'], { stdio: 'inherit' })
process.exit(run.status ?? 1)
