// npm run admin:create -- --email ada@vendor.example --name "Ada Park" [--organisation "Vault Software"]
// The password is asked for twice without echo, or read from standard input when that is not a
// terminal (`printf '%s\n' "$PASSWORD" | npm run admin:create -- …`); never from the command line,
// where it would land in the shell history and the process list.
import { parseArgs } from 'node:util'
import { PrismaClient } from '../src/generated/prisma/client'
import { dbTarget } from '../src/env'
import { adapterFactoryFor, closePglite, describeTarget } from '../src/db/adapter'
import { prepareDatabase } from '../src/server/db/prepare'
import { createAdministrator, CreateAdministratorRefused } from '../src/server/admin/create-administrator'

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

/** One line from the terminal, not echoed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(question)
    const stdin = process.stdin
    stdin.setRawMode(true)
    stdin.resume()
    let value = ''
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false)
          stdin.pause()
          stdin.off('data', onData)
          process.stderr.write('\n')
          return resolve(value)
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false)
          return reject(new Error('Cancelled'))
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1)
        else value += ch
      }
    }
    stdin.on('data', onData)
  })
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readStdin()
  const first = await askHidden('Password for the new administrator: ')
  const second = await askHidden('The same password again: ')
  if (first !== second) throw new CreateAdministratorRefused('The two passwords differ; nothing was created.')
  return first
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' } }, strict: true })
  const password = await readPassword()
  const target = dbTarget()
  await prepareDatabase(target, new Date())
  const db = new PrismaClient({ adapter: adapterFactoryFor(target) })
  try {
    const made = await createAdministrator(db, { email: values.email ?? '', name: values.name ?? '', password, organisation: values.organisation }, new Date())
    console.log(
      `Administrator ${values.email} created in ${describeTarget(target)}${made.organisationCreated ? ' with a new vendor organisation' : ''}. Sign in at /signin.`,
    )
  } finally {
    await db.$disconnect()
    if (target.kind === 'pglite') await closePglite(target.dir)
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof CreateAdministratorRefused || (err instanceof TypeError && 'code' in err) ? err.message : err)
  process.exit(1)
})
