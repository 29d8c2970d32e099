import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Native and WebAssembly database drivers stay outside the bundle (../shared/stack.md); so does
  // node-ical 0.26, whose Temporal polyfill breaks when bundled ("s.BigInt is not a function").
  serverExternalPackages: [
    'pg',
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@node-rs/argon2',
    '@prisma/schema-engine-wasm',
    'node-ical',
    'pino',
    'pg-boss',
    '@aws-sdk/lib-storage',
  ],
  poweredByHeader: false,
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
