#!/usr/bin/env bash
# npm test: the same provisioning as npm start, then lint, type-check, build, and the unit,
# integration and e2e suites, each suite on its own freshly migrated test database
# (cloned from a template; never the demo database).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$HAOMA_ROOT"
trap stop_started_services EXIT

export NODE_ENV=test
# Jest loads the ESM-only Nest 12 packages natively with this flag (see jest.config.ts).
export NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning ${NODE_OPTIONS:-}"
export TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/haoma_test}
export TEST_REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}

ensure_node_modules
ensure_postgres "$TEST_DATABASE_URL"
ensure_redis "$TEST_REDIS_URL"
ensure_chromium

log "lint (eslint + prettier)"
npm run --silent lint
log "type-check"
npm run --silent typecheck
log "build"
npm run --silent build

mkdir -p "$DATA_DIR/test-results"
rm -f "$DATA_DIR"/test-results/*.json
status=0
for project in unit integration e2e; do
  log "jest: $project"
  npx jest --selectProjects "$project" --ci --json --outputFile="$DATA_DIR/test-results/$project.json" "$@" \
    || status=$?
done
node scripts/test-summary.mjs "$DATA_DIR"/test-results/*.json || status=$?
exit "$status"
