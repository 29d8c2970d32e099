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
    // src/lib is shared with the browser and the mails: no server code, database or Next.js.
    files: ['src/lib/**'],
    ignores: ['src/lib/sla/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['server-only', 'next', 'next/*', '@prisma/*', '@/generated/*', '@/server/*', '**/server/**', '**/generated/**'],
              message: 'src/lib is pure: no server, database or Next.js imports (put that code in src/server).',
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
