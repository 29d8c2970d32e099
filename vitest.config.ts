import { defineConfig } from 'vitest/config'
import os from 'node:os'
import path from 'node:path'

// Two projects: `unit` (pure code, no database: seconds, `npm run test:fast`) and `integration`
// (services against a real database, created once per run by the global setup). Embedded PGlite
// allows one process per data folder: without a PostgreSQL server, integration files run one at a
// time (scripts/test.sh sets TEST_DB_MODE).
const pglite = process.env.TEST_DB_MODE === 'pglite'

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname, 'src'),
      'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
    },
  },
  test: {
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/support/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Uploaded files of the tests go to a temporary folder, not the project's .data/.
    env: { UPLOAD_DIR: path.join(os.tmpdir(), 'portal-test-uploads'), BACKGROUND_JOBS: 'off' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], globalSetup: ['tests/support/global-setup.ts'], fileParallelism: !pglite },
      },
    ],
  },
})
