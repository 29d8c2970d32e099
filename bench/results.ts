// Writes one benchmark's section of bench/RESULTS.md, keeping the other sections as they are.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export function writeResultsSection(heading: string, section: string): string {
  const resultsPath = path.join(import.meta.dirname, 'RESULTS.md')
  let doc = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Benchmark results\n\n'
  const startIdx = doc.indexOf(heading)
  if (startIdx >= 0) {
    const nextIdx = doc.indexOf('\n## ', startIdx + 1)
    doc = doc.slice(0, startIdx) + section + (nextIdx >= 0 ? doc.slice(nextIdx + 1) : '')
  } else {
    doc = doc.replace(/\n*$/, '\n\n') + section
  }
  writeFileSync(resultsPath, doc)
  return resultsPath
}
