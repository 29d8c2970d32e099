import { defineConfig } from 'vitest/config'
import os from 'node:os'
import path from 'node:path'

// Embedded PGlite allows one process per data folder: without a PostgreSQL server, run files one
// at a time (scripts/test.sh sets TEST_DB_MODE).
const pglite = process.env.TEST_DB_MODE === 'pglite'

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname, 'src'),
      'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: !pglite,
    // Uploaded files of the tests go to a temporary folder, not the project's .data/.
    env: { UPLOAD_DIR: path.join(os.tmpdir(), 'portal-test-uploads'), OUTBOX_WORKER: 'off' },
  },
})
