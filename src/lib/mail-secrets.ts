// The secret parts of a mail (an invitation link is a credential): a template writes a
// placeholder into the text and hands the value separately; the outbox stores the value sealed
// with AES-256-GCM and the worker puts it back only when it hands the mail to the transport.
// Pure apart from node:crypto, so tests can read a sealed link with the same key (decision 0007).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

export type MailSecrets = Record<string, string>

const NAME = /^[a-z][a-z0-9-]{0,30}$/
const PLACEHOLDER = /⟦secret:([a-z][a-z0-9-]{0,30})⟧/g

/** The placeholder a template writes where a secret value belongs. */
export function secretPart(name: string): string {
  if (!NAME.test(name)) throw new Error(`secretPart: bad name ${name}`)
  return `⟦secret:${name}⟧`
}

/** The 32-byte key: MAIL_SECRET_KEY if set, else derived from the session secret (HKDF-SHA256). */
export function mailSecretKey({ mailSecretKey, sessionSecret }: { mailSecretKey?: string; sessionSecret: string }): Buffer {
  return Buffer.from(hkdfSync('sha256', mailSecretKey ?? sessionSecret, 'support-portal', 'outbox-secrets-v1', 32))
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to the message it belongs to (`aad`). */
export function sealSecrets(secrets: MailSecrets, key: Buffer, aad: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad))
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
}

/** Throws when the key changed or the value was tampered with. */
export function openSecrets(sealed: string, key: Buffer, aad: string): MailSecrets {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unreadable sealed mail secrets')
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAAD(Buffer.from(aad))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  const json = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  return JSON.parse(json) as MailSecrets
}

/** The text with every placeholder replaced by its value (or by `missing` when there is none). */
export function fillSecrets(text: string, secrets: MailSecrets | null, missing: string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => secrets?.[name] ?? missing)
}
