import 'server-only'
import type { Operation } from '@/server/api/operation'
import { ZDeflectionInput, ZKbSearchInput } from '@/server/kb/search-kb'

// The knowledge base's /api/v1 operations, listed in src/server/api/operations.ts.
export const knowledgeBaseOperations: Operation[] = [
  {
    id: 'searchKnowledgeBase',
    method: 'GET',
    path: '/api/v1/kb',
    tag: 'Knowledge base',
    summary: 'Knowledge-base articles matching words (e.g. a case title and description), best first',
    query: ZKbSearchInput,
    success: 200,
    errors: [400, 401],
  },
  {
    id: 'recordDeflection',
    method: 'POST',
    path: '/api/v1/kb/deflections',
    tag: 'Knowledge base',
    summary: '"This solved it": an article answered the problem before a case was opened',
    body: ZDeflectionInput,
    success: 201,
    errors: [400, 401, 404, 415],
  },
]
