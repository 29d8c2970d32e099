// Deterministic pseudo-random numbers (mulberry32), so generated data is the same on every run.
export function rng(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    let r = next() * pairs.reduce((s, [, w]) => s + w, 0)
    for (const [v, w] of pairs) if ((r -= w) < 0) return v
    return pairs[pairs.length - 1]![0]
  }
  return { next, pick, weighted, between: (lo: number, hi: number) => lo + next() * (hi - lo) }
}
