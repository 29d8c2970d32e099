import 'server-only'
import nodemailer from 'nodemailer'
import { env } from '@/env'

export type OutgoingMail = { id: string; to: string; subject: string; text: string }

/** Where the outbox worker hands messages: an SMTP server, or the local dev inbox. */
export type MailTransport = {
  kind: 'smtp' | 'dev-inbox'
  /** Resolves once the server accepted the message; rejects otherwise (the worker retries). */
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/** SMTP through nodemailer. `smtp://` upgrades with STARTTLS when offered; `smtps://` is TLS from the start. */
export function smtpTransport(url: string, from = env.MAIL_FROM): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // A mail server that is down must fail fast: the message stays in the outbox for the next try.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        // The outbox id makes the Message-ID stable across retries, so a receiver can drop a
        // duplicate if a server accepted a message but the acknowledgement was lost.
        messageId: `<${mail.id}@support-portal.outbox>`,
        headers: { 'X-Portal-Outbox-Id': mail.id },
      })
    },
    close: () => transporter.close(),
  }
}

/** Without SMTP_URL (the embedded set-up) or with MAIL_MODE=inbox, messages are "delivered" to the dev inbox page: the
 * outbox row itself, marked sent, is what /inbox shows. */
export const devInboxTransport: MailTransport = { kind: 'dev-inbox', send: async () => {}, close: () => {} }

// MAIL_MODE=inbox keeps mail in the inbox page even where SMTP_URL is set.
const smtpUrl = () => (env.MAIL_MODE === 'inbox' ? undefined : env.SMTP_URL)

let fromEnv: MailTransport | undefined
export function transportFromEnv(): MailTransport {
  const url = smtpUrl()
  return (fromEnv ??= url ? smtpTransport(url) : devInboxTransport)
}

export const devInboxEnabled = () => !smtpUrl()
