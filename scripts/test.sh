#!/usr/bin/env bash
# Every test Billfold has, in the order a failure is cheapest to find. Called by ./billfold test.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Typecheck (server packages)"
pnpm exec tsc -p tsconfig.json --noEmit

step "Typecheck (web)"
pnpm --filter @billfold/web typecheck

step "Generated code is current (supergraph, web operations)"
pnpm exec tsx scripts/src/check-generated.ts

step "Web production build"
pnpm --filter @billfold/web build >/dev/null

step "Dependency audit (production dependencies, high and critical)"
test/security/dependency-audit.sh

step "Unit, service and integration tests (PostgreSQL: ${TEST_DATABASE_URL:-127.0.0.1:5432/test})"
pnpm exec vitest run "$@"
