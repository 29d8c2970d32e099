import { defineConfig } from 'prisma/config'

// NOTE: Prisma's `env()` helper throws when DATABASE_URL is unset, even for `generate`;
// the embedded PGlite set-up has no URL, so read process.env with a harmless default.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused' },
})
