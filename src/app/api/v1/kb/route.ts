import { authedRoute } from '@/server/api/handler'
import { queryOf } from '@/server/api/params'
import { searchKnowledgeBase } from '@/server/kb/search-kb'

export const GET = authedRoute(async ({ req }) => ({ articles: await searchKnowledgeBase({ input: queryOf(req) }) }))
