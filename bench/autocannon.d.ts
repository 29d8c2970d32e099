// The part of autocannon 8's API that bench/web.ts uses (the package ships no types).
declare module 'autocannon' {
  type Options = { url: string; connections?: number; duration?: number; method?: string; headers?: Record<string, string>; body?: string }
  type Histogram = { average: number; p50: number; p99: number }
  type Result = { requests: Histogram & { total: number }; latency: Histogram; non2xx: number; errors: number; timeouts: number }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
