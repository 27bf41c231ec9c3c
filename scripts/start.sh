#!/usr/bin/env bash
# npm start: install what is missing, bring up PostgreSQL and Redis, migrate, seed, and run
# the API and the worker until Ctrl-C, which stops everything this run started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$HAOMA_ROOT"

PIDS=()
cleanup() {
  trap - INT TERM EXIT
  if [ ${#PIDS[@]} -gt 0 ]; then
    log "stopping API and worker"
    kill -TERM "${PIDS[@]}" 2>/dev/null || true
    wait "${PIDS[@]}" 2>/dev/null || true
  fi
  stop_started_services
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_node_modules
log "building"
npm run --silent build

# Read the validated configuration (defaults included) from the app itself: a bad value
# stops here, naming the variable, before anything is started.
eval "$(node dist/apps/cli/src/main.js config --shell DATABASE_URL REDIS_URL QUEUE_BACKEND API_HOST API_PORT PUBLIC_URL)"

ensure_postgres "$DATABASE_URL"
[ "$QUEUE_BACKEND" = postgres ] || ensure_redis "$REDIS_URL"

node dist/apps/cli/src/main.js migrate
node dist/apps/cli/src/main.js seed

node dist/apps/api/src/main.js & PIDS+=($!)
node dist/apps/worker/src/main.js & PIDS+=($!)

URL=${PUBLIC_URL:-http://$API_HOST:$API_PORT}
for _ in $(seq 1 60); do
  if node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$URL/health"; then
    cat >&2 <<TXT

  Haoma is running.
    Web app   $URL/
    API       $URL
    API docs  $URL/docs
    Health    $URL/health
  Press Ctrl-C to stop.

TXT
    break
  fi
  for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || die "a process exited during start-up (see above)"; done
  sleep 0.5
done

# Run until Ctrl-C, or until either process stops (then stop the other one too).
set +e
wait -n "${PIDS[@]}"
status=$?
log "a process stopped (exit $status); shutting down"
exit "$status"
