#!/usr/bin/env bash
# npm test: every check — lint, typecheck, unit + integration (vitest), end-to-end (Playwright).
# Database: TEST_DATABASE_URL, else the local PostgreSQL at 127.0.0.1:5432 when it answers,
# else the same suites on embedded PGlite (said below). Browser: CHROMIUM_PATH, /usr/bin/chromium,
# or Playwright's own Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# `npm test` right after a clone: install first.
if [ ! -d node_modules ]; then
  step "Installing dependencies"
  npm ci --no-audit --no-fund
fi
[ -d src/generated/prisma ] || npm run -s db:generate

ADMIN_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
if node -e "
  const c = new (require('pg').Client)({ connectionString: process.argv[1], connectionTimeoutMillis: 2000 });
  c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
" "$ADMIN_URL"; then
  export TEST_DB_MODE=postgres
  echo "Database: PostgreSQL at ${ADMIN_URL%/*}/ (each suite creates and drops its own database)"
elif [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "TEST_DATABASE_URL does not answer: $TEST_DATABASE_URL" >&2
  exit 1
else
  export TEST_DB_MODE=pglite
  echo "Database: no PostgreSQL server answers at 127.0.0.1:5432, so the suites run on embedded PGlite."
fi

CHROME="${CHROMIUM_PATH:-}"
[ -z "$CHROME" ] && [ -x /usr/bin/chromium ] && CHROME=/usr/bin/chromium
if [ -z "$CHROME" ]; then
  CHROME=$(node -e "try { const p = require('playwright-core').chromium.executablePath(); if (require('fs').existsSync(p)) console.log(p) } catch {}")
fi
if [ -z "$CHROME" ]; then
  echo "No Chromium found for the end-to-end tests. Install one: 'sudo apt-get install chromium' (Debian/Ubuntu)," >&2
  echo "or 'npx playwright install chromium', or point CHROMIUM_PATH at a Chromium or Chrome binary." >&2
  exit 1
fi
export CHROMIUM_PATH="$CHROME"

step "Lint"
npm run -s lint
step "Typecheck"
npm run -s typecheck
step "Unit and integration tests (vitest)"
npx vitest run

step "End-to-end set-up: database and production build (browser: $CHROMIUM_PATH)"
npx tsx --conditions=react-server scripts/e2e-db.ts create > .e2e-env
# shellcheck disable=SC1091
set -a; . ./.e2e-env; set +a
cleanup() { npx tsx --conditions=react-server scripts/e2e-db.ts drop || true; rm -f .e2e-env; }
trap cleanup EXIT
export NEXTAUTH_SECRET=e2e-secret-0123456789abcdef NEXTAUTH_URL="http://localhost:${E2E_PORT:-3100}"
npx next build
step "Crash test (light; the full run is bench/crash.ts)"
npx tsx --conditions=react-server bench/crash.ts --light
step "Browser journeys, isolation matrix and fuzzing (Playwright)"
npx playwright test
