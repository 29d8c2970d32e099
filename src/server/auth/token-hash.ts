import 'server-only'
import { createHash } from 'node:crypto'

/** API tokens are stored as their sha256: a leaked table does not leak usable tokens. */
export const hashToken = (secret: string) => createHash('sha256').update(secret).digest('hex')
