import 'server-only'
import { env } from '@/env'
import { fillSecrets, mailSecretKey, openSecrets, sealSecrets, type MailSecrets } from '@/lib/mail-secrets'

// The outbox's half of the secret parts of mail (src/lib/mail-secrets.ts, decision 0007): the
// values are sealed with a key from the environment and bound to their recipient.
let key: Buffer | undefined
const currentKey = () => (key ??= mailSecretKey({ mailSecretKey: env.MAIL_SECRET_KEY, sessionSecret: env.NEXTAUTH_SECRET }))

export const sealMailSecrets = (secrets: MailSecrets, to: string) => sealSecrets(secrets, currentKey(), to)

/** The full text for the transport or for the recipient's own inbox. Throws if the key changed. */
export const revealMailText = (m: { to: string; text: string; secrets: string | null }) =>
  fillSecrets(m.text, m.secrets ? openSecrets(m.secrets, currentKey(), m.to) : null, '(link no longer available: ask for a new one)')

/** The text as anyone but the recipient sees it: no secret value, ever. */
export const redactedMailText = (text: string) => fillSecrets(text, null, '[secret link: shown only to the recipient]')
