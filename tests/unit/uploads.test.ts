import { describe, expect, it } from 'vitest'
import { safeFileName, uploadRefusal } from '@/lib/cases/uploads'

const MB = 1024 * 1024

describe('file names', () => {
  it.each([
    ['bidi override hides an .exe', 'report\u202Egol.exe', 'reportgol.exe'],
    ['every embedding and override', 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef.log', 'abcdef.log'],
    ['isolates', 'x\u2066y\u2067z\u2068w\u2069.txt', 'xyzw.txt'],
    ['marks, zero-width and BOM', '\uFEFFlog\u200E\u200F\u061C\u200B.txt', 'log.txt'],
    ['C0, DEL and C1 controls', 'a\u0000b\u001fc\u007fd\u0085e\u009f.log', 'abcde.log'],
    ['line and paragraph separators', 'a\u2028b\u2029.log', 'ab.log'],
    ['a path, with a control hiding a separator', '..\u202E/../etc/job.log', 'job.log'],
    ['reserved characters and leading dots', '..<job>:"1"|?*.log', 'job1.log'],
    ['letters of any script stay', 'Journal d’événements – 日志.log', 'Journal d’événements – 日志.log'],
  ])('%s', (_what, raw, safe) => {
    expect(safeFileName(raw)).toBe(safe)
  })

  it('leaves nothing of a name made only of controls', () => {
    expect(safeFileName('\u202E\u2066\u0001')).toBeNull()
  })
})

describe('what the browser refuses before sending', () => {
  it('names the limit for a file over it, and accepts one at it', () => {
    expect(uploadRefusal({ name: 'bundle.zip', size: 26 * MB }, 25 * MB)).toBe(
      'bundle.zip is 26.0 MB: the limit is 25.0 MB per file. Split the archive or ask your engineer for another channel.',
    )
    expect(uploadRefusal({ name: 'bundle.zip', size: 25 * MB }, 25 * MB)).toBeNull()
  })
  it('refuses a type outside the allow-list, judged after stripping overrides', () => {
    expect(uploadRefusal({ name: 'report\u202Egol.exe', size: 10 }, 25 * MB)).toMatch(/^reportgol.exe: this file type is not accepted/)
    expect(uploadRefusal({ name: 'empty.log', size: 0 }, 25 * MB)).toBe('empty.log is empty')
  })
})
