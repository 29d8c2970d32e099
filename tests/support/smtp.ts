// A real SMTP server inside the test process (the smtp-server package): the outbox worker
// delivers to it over TCP through nodemailer, exactly as it would to a production relay.
import net from 'node:net'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = {
  from: string
  to: string[]
  subject: string
  messageId: string
  outboxId: string
  text: string
  raw: string
}

export type TestSmtpServer = {
  port: number
  url: string
  received: ReceivedMail[]
  /** Recipients the server refuses with a permanent 550. */
  rejecting: Set<string>
  stop: () => Promise<void>
}

/** A free TCP port on 127.0.0.1 (nothing listens on it after this returns). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

export async function startSmtpServer(port?: number, received: ReceivedMail[] = []): Promise<TestSmtpServer> {
  const rejecting = new Set<string>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejecting.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 })
        callback(error)
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        received.push(
          parseMail(
            raw,
            session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            session.envelope.rcptTo.map((r) => r.address),
          ),
        )
        callback()
      })
    },
  })
  const listenPort = port ?? (await freePort())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(listenPort, '127.0.0.1', () => resolve())
  })
  return {
    port: listenPort,
    url: `smtp://127.0.0.1:${listenPort}`,
    received,
    rejecting,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function parseMail(raw: string, from: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const body = raw.slice(split + 4)
  const header = (name: string) =>
    head
      .split('\r\n')
      .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? ''
  const qp = /quoted-printable/i.test(header('Content-Transfer-Encoding'))
  const b64 = /base64/i.test(header('Content-Transfer-Encoding'))
  const text = qp ? decodeQuotedPrintable(body) : b64 ? Buffer.from(body, 'base64').toString('utf8') : body
  return {
    from,
    to,
    subject: decodeWords(header('Subject')),
    messageId: header('Message-ID'),
    outboxId: header('X-Portal-Outbox-Id'),
    text: text.replace(/\r\n/g, '\n'),
    raw,
  }
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = []
  const input = s.replace(/=\r\n/g, '')
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=' && /^[0-9A-F]{2}$/i.test(input.slice(i + 1, i + 3))) {
      bytes.push(parseInt(input.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(input[i]!, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=). */
function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    )
}
