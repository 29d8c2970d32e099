import { NextResponse } from 'next/server'
import { buildOpenApiDocument } from '@/server/api/openapi'

export const GET = () => NextResponse.json(buildOpenApiDocument())
