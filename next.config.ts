import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Native and WebAssembly database drivers stay outside the bundle (../shared/stack.md).
  serverExternalPackages: ['pg', '@electric-sql/pglite', 'pglite-prisma-adapter', '@node-rs/argon2', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
}

export default nextConfig
