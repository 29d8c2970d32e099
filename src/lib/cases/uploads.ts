// Which diagnostic files a case accepts. The stored content type comes from this list, never
// from what the browser claims, and downloads are always served as attachments.
export const UPLOAD_TYPES: Record<string, string> = {
  log: 'text/plain',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  zip: 'application/zip',
  gz: 'application/gzip',
  tgz: 'application/gzip',
  tar: 'application/x-tar',
  '7z': 'application/x-7z-compressed',
  evtx: 'application/octet-stream',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
}

export const UPLOAD_ACCEPT = Object.keys(UPLOAD_TYPES)
  .map((e) => `.${e}`)
  .join(',')

// Controls (C0, DEL, C1), format characters (among them the bidirectional overrides and isolates
// U+202A–U+202E and U+2066–U+2069, which make "report\u202Egol.exe" look like "reportexe.log"),
// line and paragraph separators: none belongs in a file name.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu

/** The file's own name without any path, control, bidi-override or reserved characters; null if nothing is left. */
export function safeFileName(name: string): string | null {
  const base = name.replace(INVISIBLE, '').split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .normalize('NFC')
    .replace(/[<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200)
  return cleaned.length > 0 ? cleaned : null
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** What the browser can tell before sending: the type from the name and the size (the server checks again). */
export function uploadRefusal(file: { name: string; size: number }, maxBytes: number): string | null {
  const name = safeFileName(file.name)
  if (!name) return 'A file needs a name'
  if (!UPLOAD_TYPES[extensionOf(name)])
    return `${name}: this file type is not accepted. Send logs and diagnostics as ${Object.keys(UPLOAD_TYPES)
      .map((e) => `.${e}`)
      .join(', ')}`
  if (file.size === 0) return `${name} is empty`
  if (file.size > maxBytes)
    return `${name} is ${formatBytes(file.size)}: the limit is ${formatBytes(maxBytes)} per file. Split the archive or ask your engineer for another channel.`
  return null
}
