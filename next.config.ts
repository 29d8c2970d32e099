import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Native and WebAssembly database drivers stay outside the bundle (../shared/stack.md); so does
  // node-ical 0.26, whose Temporal polyfill breaks when bundled ("s.BigInt is not a function").
  serverExternalPackages: ['pg', '@electric-sql/pglite', 'pglite-prisma-adapter', '@node-rs/argon2', '@prisma/schema-engine-wasm', 'node-ical'],
  poweredByHeader: false,
  experimental: {
    // src/proxy.ts runs for /api too (its path check, decision 0008), and Next buffers a body for a
    // proxy up to this size, cutting off the rest (10 MB by default): room for an upload at the
    // policy's limit (25 MiB, UPLOAD_MAX_BYTES) plus its multipart framing. The upload route still
    // refuses anything over the limit by Content-Length before reading (decision 0011).
    proxyClientMaxBodySize: Number(process.env.UPLOAD_MAX_BYTES ?? 25 * 1024 * 1024) + 1024 * 1024,
  },
  // Lets parallel local runs (several developers' test runs in one checkout) build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Headers for every response, API included; the page CSP (with its nonce) is set in src/proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ]
  },
}

export default nextConfig
