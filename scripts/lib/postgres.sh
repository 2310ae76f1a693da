# shellcheck shell=bash
# PostgreSQL for the services (and their tests). Requires common.sh.
#
#   ensure_postgres
#       Makes sure a server answers on 127.0.0.1:5432 (installs Debian's
#       postgresql and starts the cluster when nothing does) and that the
#       role `exchange` (password `exchange`) can log in over TCP.
#   pg_create_db NAME
#       Drops NAME if it exists and creates it owned by role `exchange`
#       (creating the role first if missing).
#
# Connection for the services: jdbc:postgresql://127.0.0.1:5432/NAME,
# user exchange, password exchange.

PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_APP_ROLE="${PG_APP_ROLE:-exchange}"
PG_APP_PASSWORD="${PG_APP_PASSWORD:-exchange}"

_pg_ready() {
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null
}

# _pg_admin_psql ARGS...: psql as a superuser. Over TCP as `postgres` where
# that works without a password (trust, as on these machines), else through
# the local socket as the postgres OS user (peer auth, Debian's default).
_pg_admin_psql() {
  if [[ -z "${_PG_ADMIN_MODE:-}" ]]; then
    if PGCONNECT_TIMEOUT=5 psql -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
      _PG_ADMIN_MODE=tcp
    elif ((EUID == 0)) && su postgres -c "psql -w -p $PG_PORT -d postgres -tAc 'select 1'" >/dev/null 2>&1; then
      _PG_ADMIN_MODE=su
    else
      die "cannot connect to PostgreSQL as a superuser (tried TCP as postgres and su postgres)"
    fi
  fi
  if [[ "$_PG_ADMIN_MODE" == tcp ]]; then
    psql -w -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres "$@"
  else
    # su takes one command string: quote every argument.
    local q
    q="$(printf '%q ' "$@")"
    su postgres -c "psql -w -X -q -v ON_ERROR_STOP=1 -p $PG_PORT -d postgres $q"
  fi
}

# Start (and if needed install/create) the local cluster.
_pg_start_local() {
  if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
    log "postgres: installing Debian postgresql"
    local sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null || die "apt-get update failed"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null ||
      die "apt-get install postgresql failed"
  fi
  local version
  version="$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -V | tail -n1)"
  if [[ -z "$version" || ! -d "/etc/postgresql/$version/main" ]]; then
    version="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n1)"
    log "postgres: creating cluster $version/main"
    pg_createcluster "$version" main >/dev/null || die "pg_createcluster $version main failed"
  fi
  log "postgres: starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || die "could not start PostgreSQL $version/main"
  local deadline=$((SECONDS + 60))
  until _pg_ready; do
    ((SECONDS < deadline)) || die "PostgreSQL did not become ready on $PG_HOST:$PG_PORT"
    sleep 0.5
  done
}

# Ensure role exchange exists with its password (idempotent).
_pg_ensure_role() {
  _pg_admin_psql -v role="$PG_APP_ROLE" -v pw="$PG_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'pw') \gexec
SQL
}

# Make sure pg_hba lets password logins in over 127.0.0.1 (Debian's default
# file already has such a line; this only adds one when none matches).
_pg_ensure_hba() {
  local hba
  hba="$(_pg_admin_psql -tAc 'SHOW hba_file')"
  [[ -n "$hba" && -f "$hba" ]] || return 0
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$hba"; then
    log "postgres: allowing password logins from 127.0.0.1 in $hba"
    printf 'host    all    all    127.0.0.1/32    scram-sha-256\n' >>"$hba"
    _pg_admin_psql -tAc 'SELECT pg_reload_conf()' >/dev/null
  fi
}

ensure_postgres() {
  need_cmd pg_isready psql
  if ! _pg_ready; then
    _pg_start_local
  fi
  _pg_ensure_role
  _pg_ensure_hba
  if ! PGPASSWORD="$PG_APP_PASSWORD" PGCONNECT_TIMEOUT=5 psql -w -X -h "$PG_HOST" -p "$PG_PORT" \
    -U "$PG_APP_ROLE" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    die "role $PG_APP_ROLE cannot log in over TCP on $PG_HOST:$PG_PORT"
  fi
  log "postgres: ready on $PG_HOST:$PG_PORT (role $PG_APP_ROLE)"
}

pg_create_db() {
  (($# == 1)) || die "usage: pg_create_db NAME"
  local db="$1"
  [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || die "pg_create_db: invalid database name '$db'"
  _pg_ensure_role >/dev/null
  _pg_admin_psql -v db="$db" -v role="$PG_APP_ROLE" <<'SQL'
SET client_min_messages = warning;
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'role', 'UTF8') \gexec
SQL
  log "postgres: database $db created (owner $PG_APP_ROLE)"
}
