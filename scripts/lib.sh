#!/usr/bin/env bash
# Shared by start.sh and test.sh: install what is missing and bring up PostgreSQL and Redis.
# Services this script starts are recorded so that stop_started_services can stop them again.

HAOMA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA_DIR="$HAOMA_ROOT/.data"
STARTED_SERVICES=()

log() { printf '\033[1m[haoma]\033[0m %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $*"; fi
}

APT_UPDATED=
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "cannot install $* (no apt-get): install it yourself or set the URL"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  log "installing $* with apt-get"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# npm ci when node_modules is missing or older than the lock file.
ensure_node_modules() {
  cd "$HAOMA_ROOT"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
     || [ ! -x node_modules/.bin/node ]; then
    log "installing dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# url_part URL host|port|db DEFAULT_PORT
url_part() {
  node -e '
    const [url, part, dflt] = process.argv.slice(1); const u = new URL(url);
    const v = { host: u.hostname || "127.0.0.1", port: u.port || dflt, db: u.pathname.slice(1) }[part];
    process.stdout.write(String(v));' "$1" "$2" "$3"
}

port_open() { timeout 1 bash -c ">/dev/tcp/$1/$2" 2>/dev/null; }

is_local_host() { case "$1" in 127.*|localhost|::1|"") return 0;; *) return 1;; esac; }

docker_usable() { command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1; }

wait_port() { # host port name
  for _ in $(seq 1 60); do port_open "$1" "$2" && return 0; sleep 0.5; done
  die "$3 did not come up on $1:$2"
}

pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# ensure_postgres URL: make the server of URL reachable (the database itself is created by 'migrate').
ensure_postgres() {
  local host port
  host=$(url_part "$1" host 5432); port=$(url_part "$1" port 5432)
  port_open "$host" "$port" && return 0
  is_local_host "$host" || die "PostgreSQL at $host:$port is not reachable (not a local address: start it yourself)"
  if docker_usable; then
    log "starting PostgreSQL with docker compose"
    (cd "$HAOMA_ROOT" && docker compose up -d postgres) && STARTED_SERVICES+=("docker:postgres")
    wait_port "$host" "$port" PostgreSQL; return 0
  fi
  local installed=
  [ -n "$(pg_bin_dir)" ] || { apt_install postgresql; installed=1; }
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  # The machine's own cluster, when it exists on this port and we may start it.
  if [ -n "$version" ] && [ -f "/etc/postgresql/$version/main/postgresql.conf" ] && [ "$(id -u)" = 0 ] \
     && grep -Eq "^\s*port\s*=\s*$port\b" "/etc/postgresql/$version/main/postgresql.conf"; then
    if [ -n "$installed" ]; then
      # A cluster we just installed: let local connections in without a password, as the URL expects.
      sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust' \
        "/etc/postgresql/$version/main/pg_hba.conf"
    fi
    log "starting PostgreSQL $version (system cluster)"
    if pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || port_open "$host" "$port"; then
      STARTED_SERVICES+=("cluster:$version")
      wait_port "$host" "$port" PostgreSQL; return 0
    fi
    log "the system cluster did not start; using a project-local one"
  fi
  start_local_postgres "$port"
  wait_port "$host" "$port" PostgreSQL
}

# A throwaway cluster under .data/postgres (trust auth, only on 127.0.0.1).
start_local_postgres() {
  local port=$1 bin dir="$DATA_DIR/postgres" run=()
  bin=$(pg_bin_dir)
  mkdir -p "$dir"
  # initdb refuses to run as root: run the server as the postgres user then.
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; run=(runuser -u postgres --); fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    log "creating a project-local PostgreSQL cluster in .data/postgres"
    "${run[@]}" "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 >/dev/null
  fi
  log "starting the project-local PostgreSQL on port $port"
  "${run[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
  STARTED_SERVICES+=("local-pg:$dir")
}

# ensure_redis URL
ensure_redis() {
  local host port
  host=$(url_part "$1" host 6379); port=$(url_part "$1" port 6379)
  port_open "$host" "$port" && return 0
  is_local_host "$host" || die "Redis at $host:$port is not reachable (not a local address: start it yourself)"
  if docker_usable; then
    log "starting Redis with docker compose"
    (cd "$HAOMA_ROOT" && docker compose up -d redis) && STARTED_SERVICES+=("docker:redis")
    wait_port "$host" "$port" Redis; return 0
  fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  mkdir -p "$DATA_DIR/redis"
  log "starting Redis on port $port"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
    --dir "$DATA_DIR/redis" --logfile "$DATA_DIR/redis/redis.log" >/dev/null
  STARTED_SERVICES+=("redis:$port")
  wait_port "$host" "$port" Redis
}

# The browser tests drive Debian's Chromium (playwright-core never downloads one), with a CJK
# font so that screenshots of the Chinese pages show text rather than boxes.
ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
  fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk' || apt_install fonts-wqy-microhei
}

stop_started_services() {
  local s
  for s in "${STARTED_SERVICES[@]}"; do
    case "$s" in
      docker:*) (cd "$HAOMA_ROOT" && docker compose stop "${s#docker:}") >/dev/null 2>&1 ;;
      cluster:*) pg_ctlcluster --skip-systemctl-redirect "${s#cluster:}" main stop >/dev/null 2>&1 ;;
      local-pg:*)
        if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$(pg_bin_dir)/pg_ctl" -D "${s#local-pg:}" -m fast stop >/dev/null 2>&1
        else "$(pg_bin_dir)/pg_ctl" -D "${s#local-pg:}" -m fast stop >/dev/null 2>&1; fi ;;
      redis:*) redis-cli -p "${s#redis:}" shutdown nosave >/dev/null 2>&1 ;;
    esac
    log "stopped ${s%%:*} service that this run started"
  done
  STARTED_SERVICES=()
}
