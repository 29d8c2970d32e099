// Two `next start` instances of the same build behind a real HAProxy (roundrobin, no stickiness),
// on one PostgreSQL database of their own, one S3 bucket (s3rver) and the test's SMTP server: the
// deployment shape of ARCHITECTURE.md ("Deployment"). Ports 3510 (balancer), 3511 and 3512.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startS3Server, type TestS3Server } from './s3-server'
import { startSmtpServer, type TestSmtpServer } from './smtp'

export const BALANCER = 'http://127.0.0.1:3510'
export const INSTANCES = { app1: 'http://127.0.0.1:3511', app2: 'http://127.0.0.1:3512' } as const
export type InstanceName = keyof typeof INSTANCES

/** Why the cluster cannot run here (the spec is skipped with it), or null. Throws on CI without HAProxy. */
export function clusterSkipReason(): string | null {
  if (process.env.TEST_DB_MODE === 'pglite') return 'TEST_DB_MODE=pglite: no shared PostgreSQL server for two instances'
  if (spawnSync('sh', ['-c', 'command -v haproxy'], { stdio: 'ignore' }).status !== 0) {
    if (process.env.CI) throw new Error('haproxy is not on PATH: .ci/run installs it (apt-get install haproxy)')
    return 'haproxy is not on PATH (apt-get install haproxy)'
  }
  return null
}

type Proc = { child: ChildProcess; output: () => string; exited: Promise<number | null> }

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)))
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))))
  return { child, output: () => out, exited }
}

async function waitFor(what: string, check: () => Promise<boolean>, proc?: Proc, tries = 240) {
  let gone = false
  void proc?.exited.then(() => (gone = true))
  for (let i = 0; i < tries; i++) {
    if (gone) throw new Error(`${what} exited:\n${proc!.output()}`)
    try {
      if (await check()) return
    } catch {
      // not answering yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${what} did not become ready:\n${proc?.output() ?? ''}`)
}

const tsx = () => path.resolve('node_modules/.bin/tsx')

export type Cluster = {
  databaseUrl: string
  /** Each instance's UPLOAD_DIR: attachments must not land there, they go to the bucket. */
  uploadDir: string
  s3: TestS3Server
  smtp: TestSmtpServer
  instances: Record<InstanceName, Proc>
  haproxy: Proc
  kill: (name: InstanceName, signal?: NodeJS.Signals) => Promise<void>
  stop: () => Promise<void>
}

export async function startCluster(): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-cluster-'))
  const dbName = `portal_cluster_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const procs: Proc[] = []
  let smtp: TestSmtpServer | undefined
  let s3: TestS3Server | undefined
  let dbMade = false
  const stop = async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM')
    await Promise.all(procs.map((p) => Promise.race([p.exited, new Promise((r) => setTimeout(r, 10_000))])))
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL')
    await smtp?.stop().catch(() => {})
    await s3?.stop().catch(() => {})
    if (dbMade) spawnSync(tsx(), ['--conditions=react-server', 'tests/support/cluster-db.ts', 'drop', dbName], { stdio: 'inherit' })
    fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    const made = spawnSync(tsx(), ['--conditions=react-server', 'tests/support/cluster-db.ts', 'create', dbName], { encoding: 'utf8' })
    dbMade = true
    if (made.status !== 0) throw new Error(`cluster database: ${made.stderr}`)
    const databaseUrl = made.stdout.trim().split('\n').pop()!
    smtp = await startSmtpServer()
    s3 = await startS3Server({ bucket: 'portal-cluster' })
    const uploadDir = path.join(dir, 'uploads')
    fs.mkdirSync(uploadDir)
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-secret-0123456789abcdef',
      NEXTAUTH_URL: BALANCER,
      SMTP_URL: smtp.url,
      STORAGE_URL: s3.url,
      UPLOAD_DIR: uploadDir,
      BACKGROUND_JOBS: 'on',
      TRUST_PROXY_HOPS: '1',
    }
    const instances = {} as Record<InstanceName, Proc>
    for (const [name, url] of Object.entries(INSTANCES) as [InstanceName, string][]) {
      instances[name] = run(path.resolve('node_modules/.bin/next'), ['start', '-p', new URL(url).port, '-H', '127.0.0.1'], env)
      procs.push(instances[name])
    }
    const cfg = path.join(dir, 'haproxy.cfg')
    fs.writeFileSync(
      cfg,
      [
        'global',
        '  maxconn 256',
        'defaults',
        '  mode http',
        '  timeout connect 2s',
        '  timeout client 60s',
        '  timeout server 60s',
        '  retries 2',
        '  option redispatch',
        // The client's address for the instances' sign-in limits, as a production proxy appends it.
        '  option forwardfor',
        'frontend portal',
        '  bind 127.0.0.1:3510',
        '  default_backend instances',
        'backend instances',
        '  balance roundrobin',
        '  option httpchk GET /api/ready',
        '  http-check expect status 200',
        '  http-response set-header X-Served-By %s',
        ...Object.entries(INSTANCES).map(([name, url]) => `  server ${name} ${new URL(url).host} check inter 1s fall 2 rise 1`),
        '',
      ].join('\n'),
    )
    const haproxy = run('haproxy', ['-db', '-f', cfg], process.env)
    procs.push(haproxy)
    await Promise.all(
      Object.entries(INSTANCES).map(([name, url]) =>
        waitFor(name, async () => (await fetch(`${url}/api/ready`)).status === 200, instances[name as InstanceName]),
      ),
    )
    // Both servers up in HAProxy's eyes: two answers in a row come from two instances.
    await waitFor(
      'haproxy',
      async () => {
        const a = (await fetch(`${BALANCER}/api/ready`)).headers.get('x-served-by')
        const b = (await fetch(`${BALANCER}/api/ready`)).headers.get('x-served-by')
        return !!a && !!b && a !== b
      },
      haproxy,
      60,
    )
    return {
      databaseUrl,
      uploadDir,
      s3,
      smtp,
      instances,
      haproxy,
      kill: async (name, signal = 'SIGKILL') => {
        instances[name].child.kill(signal)
        await instances[name].exited
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
