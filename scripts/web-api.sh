#!/usr/bin/env bash
# npm run web:api: regenerate the web app's API types (apps/web/src/api/schema.d.ts) from the
# OpenAPI document of the API, started on a scratch test database. It is the e2e suite that
# checks the committed file, run in write mode: one code path makes and checks the file.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$HAOMA_ROOT"
trap stop_started_services EXIT

export NODE_ENV=test
export NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning ${NODE_OPTIONS:-}"
export TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/haoma_test}
export TEST_REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}

ensure_node_modules
ensure_postgres "$TEST_DATABASE_URL"
ensure_redis "$TEST_REDIS_URL"

WEB_API_WRITE=1 npx jest apps/api/test/web-api-client.e2e-spec.ts --selectProjects e2e
log "wrote apps/web/src/api/schema.d.ts"
