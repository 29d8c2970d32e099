import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import tseslint from 'typescript-eslint'

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'src/generated/**',
    'node_modules/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
    '.data/**',
    'bench/floor/.next/**',
  ]),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Arrows point one way (issue 12): app → components → lib, app → server → lib, and no cycles.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    settings: { 'import/ignore': ['node_modules'] },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Components are UI: they receive Server Actions and data from the route as props, or live in the
    // route's own _components/ folder. Types from the server are fine; its values are not.
    files: ['src/components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/*', '**/app/**'],
              message: 'src/components never imports src/app: take the Server Action as a prop, or move the form into the route.',
            },
            {
              group: ['@/server/*', '**/server/**', '@/db/*'],
              allowTypeImports: true,
              message: 'src/components imports only types from src/server: the route fetches and passes data and actions as props.',
            },
          ],
        },
      ],
    },
  },
  {
    // The server never reaches up into routes; src/db is plain Node (Playwright and scripts import it).
    files: ['src/server/**', 'src/db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', '**/app/**', '@/components/*', '**/components/**'], message: 'src/server and src/db never import routes or components.' },
          ],
        },
      ],
    },
  },
  {
    // src/lib is shared with the browser and the mails: no server code, database or Next.js.
    files: ['src/lib/**'],
    ignores: ['src/lib/sla/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'server-only',
                'next',
                'next/*',
                '@prisma/*',
                '@/generated/*',
                '@/server/*',
                '**/server/**',
                '**/generated/**',
                '@/db/*',
                '@/app/*',
                '@/components/*',
              ],
              message: 'src/lib is pure: no server, database, route, component or Next.js imports (put that code in src/server).',
            },
          ],
        },
      ],
    },
  },
  {
    // The SLA engine is pure: no framework, database or server code (issue 2).
    files: ['src/lib/sla/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'next',
                'next/*',
                'react',
                'react/*',
                'react-dom',
                '@prisma/*',
                '@/generated/*',
                '@/server/*',
                '**/server/**',
                '**/generated/**',
                'node:*',
              ],
              message: 'src/lib/sla is pure: no framework, database, server or Node built-in imports.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The SLA engine reads no environment.' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The SLA engine never reads the clock: take `now` as a parameter.',
        },
      ],
    },
  },
])
