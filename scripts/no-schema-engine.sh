#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# It exits 1 on purpose: a stand-in that succeeded would let `migrate`/`db push` report success
# while doing nothing. Migrations run through scripts/migrate.ts (WebAssembly engine) instead.
echo "The native Prisma schema engine is not installed: use 'npm run db:migrate' / 'npm run db:deploy' (scripts/migrate.ts)." >&2
exit 1
