import 'server-only'
import { z } from 'zod'
import { operations } from './operations'

const ZError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
})

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' })

/** The OpenAPI 3 document of /api/v1, generated from the same zod schemas the routes validate with. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(schema as z.ZodType),
      })),
    ]
    const responses: Record<string, unknown> = {
      [String(op.success)]: {
        description: op.successDescription ?? 'Success',
        ...(op.response ? { content: { 'application/json': { schema: jsonSchema(op.response) } } } : {}),
      },
    }
    for (const status of op.errors) {
      responses[String(status)] = {
        description: ERROR_DESCRIPTIONS[status],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      }
    }
    paths[op.path] ??= {}
    paths[op.path]![op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      tags: [op.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { [op.bodyType ?? 'application/json']: { schema: jsonSchema(op.body) } } } } : {}),
      responses,
      security: op.public ? [] : [{ session: [] }, { bearer: [] }],
    }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Support Portal API',
      version: '1.0.0',
      description:
        'The same services as the portal pages. Authenticate with the session cookie or a personal API token (Authorization: Bearer …) created on your profile page.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: jsonSchema(ZError) },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
        bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token' },
      },
    },
  }
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (the message names each bad field)',
  401: 'Not signed in, or the token is unknown or revoked',
  403: 'Signed in, but the role may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Conflict with the current state (e.g. a stale version)',
  413: 'Upload too large',
  415: 'Unsupported content type',
  422: 'Refused by the support policy (the message says why)',
  429: 'Too many attempts',
}
