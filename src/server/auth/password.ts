import 'server-only'
import { hash, verify } from '@node-rs/argon2'

// Argon2id with OWASP's minimum settings (19 MiB, 2 passes): memory-hard, ~20 ms here.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const hashPassword = (password: string) => hash(password, OPTIONS)

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Verified against when the e-mail is unknown, so both refusals take the same time.
let dummyHash: Promise<string> | undefined
export const timingSafeDummyHash = () => (dummyHash ??= hashPassword('timing-equaliser-not-a-password'))
