# shellcheck shell=bash
# Keycloak (dev mode) for local runs and tests. Requires common.sh and
# install.sh (for ensure_keycloak / KEYCLOAK_VERSION) to be sourced first.
#
#   keycloak_start PORT MGMT_PORT RUN_SUBDIR
#       Starts Keycloak `start-dev` on 127.0.0.1:PORT (management/health on
#       127.0.0.1:MGMT_PORT), realm `imaging` imported from
#       config/keycloak/imaging-realm.json (override: KEYCLOAK_REALM_FILE),
#       admin admin/admin. State lives in $EXCHANGE_RUN_DIR/RUN_SUBDIR, wiped
#       at every start. Waits (max KEYCLOAK_START_TIMEOUT, default 180 s) until
#       the realm's OpenID configuration answers. Token issuer:
#       http://127.0.0.1:PORT/realms/imaging
#   keycloak_stop RUN_SUBDIR
#       Stops the instance (whole process group) and keeps its log.
#
# Several instances may run at once from the one unpacked distribution in
# $EXCHANGE_CACHE: Keycloak derives its data dir (H2 database, the realm
# import dir `data/import`, tmp) from kc.home.dir, which kc.sh sets to the
# parent of the script's own resolved location. So each instance gets a small
# private "home" under its run dir: a copy of bin/kc.sh, conf/ and lib/quarkus
# (which start-dev rewrites when it re-augments), symlinks to the large
# read-only parts (lib/lib, lib/app, themes, providers), and its own data/.

KEYCLOAK_REALM_FILE="${KEYCLOAK_REALM_FILE:-$REPO/config/keycloak/imaging-realm.json}"
KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-180}"

# _keycloak_instance_home DIST HOME: lays out the private home described above.
_keycloak_instance_home() {
  local dist="$1" home="$2" part
  mkdir -p "$home/bin" "$home/lib" "$home/data/import"
  cp "$dist/bin/kc.sh" "$home/bin/kc.sh"
  cp -R "$dist/conf" "$home/conf"
  cp "$dist/lib/quarkus-run.jar" "$home/lib/quarkus-run.jar"
  # Prefer the cached dev-mode build (see _keycloak_save_build) over the
  # distribution's production build: it saves start-dev's ~25 s re-augmentation.
  local tpl
  tpl="$(_keycloak_build_cache)"
  if [[ -f "$tpl/quarkus-application.dat" ]] && cp -R "$tpl" "$home/lib/quarkus" 2>/dev/null; then
    :
  else
    rm -rf "$home/lib/quarkus"
    cp -R "$dist/lib/quarkus" "$home/lib/quarkus"
  fi
  for part in lib/lib lib/app themes providers; do
    if [[ -e "$dist/$part" ]]; then
      ln -s "$dist/$part" "$home/$part"
    fi
  done
}

# Where the dev-mode build of lib/quarkus is kept between starts.
_keycloak_build_cache() {
  printf '%s\n' "$EXCHANGE_CACHE/keycloak-$KEYCLOAK_VERSION-devbuild/quarkus"
}

# _keycloak_save_build HOME LOG: when this start re-augmented (first start, or
# build options changed), keep its lib/quarkus for the next starts. Keycloak
# itself checks the persisted build options at every start and re-augments on
# a mismatch, so a stale copy only costs time, never correctness.
_keycloak_save_build() {
  local home="$1" log_file="$2" tpl tmp
  grep -q 'Updating the configuration' "$log_file" 2>/dev/null || return 0
  tpl="$(_keycloak_build_cache)"
  mkdir -p "$(dirname "$tpl")"
  tmp="$(mktemp -d "$(dirname "$tpl")/.tmp.XXXXXX")"
  cp -R "$home/lib/quarkus/." "$tmp/"
  rm -rf "$tpl.old.$$"
  if [[ -d "$tpl" ]]; then mv "$tpl" "$tpl.old.$$"; fi
  mv -T "$tmp" "$tpl" 2>/dev/null || rm -rf "$tmp"
  rm -rf "$tpl.old.$$"
  log "keycloak: cached the dev-mode build for faster starts"
}

keycloak_start() {
  (($# == 3)) || die "usage: keycloak_start PORT MGMT_PORT RUN_SUBDIR"
  local port="$1" mgmt="$2" dir
  dir="$(run_subdir "$3")"
  [[ "$port" =~ ^[0-9]+$ && "$mgmt" =~ ^[0-9]+$ ]] || die "keycloak_start: ports must be numbers"
  [[ -f "$KEYCLOAK_REALM_FILE" ]] || die "realm file not found: $KEYCLOAK_REALM_FILE"
  if pid_alive "$dir/keycloak.pid"; then
    die "keycloak '$3' already running (pid $(cat "$dir/keycloak.pid")); stop it first"
  fi
  require_port_free "$port" "keycloak '$3' http"
  require_port_free "$mgmt" "keycloak '$3' management"

  ensure_keycloak
  local java_home
  java_home="$(java_home_min 21)" || die "Keycloak $KEYCLOAK_VERSION needs Java 21 or newer (none found)"

  # Fresh state for every start.
  rm -rf "$dir"
  mkdir -p "$dir"
  local home="$dir/home"
  _keycloak_instance_home "$KEYCLOAK_HOME" "$home"
  cp "$KEYCLOAK_REALM_FILE" "$home/data/import/"

  local log_file="$dir/keycloak.log" pid_file="$dir/keycloak.pid"
  log "keycloak '$3': starting on http://127.0.0.1:$port (management 127.0.0.1:$mgmt), log $log_file"
  local t0=$SECONDS
  # Own session/process group, so keycloak_stop signals kc.sh and java together.
  JAVA_HOME="$java_home" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin \
    KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    spawn_session "$pid_file" "$log_file" \
    "$home/bin/kc.sh" start-dev \
    --import-realm \
    --http-host=127.0.0.1 \
    --http-port="$port" \
    --hostname="http://127.0.0.1:$port" \
    --health-enabled=true \
    --http-management-host=127.0.0.1 \
    --http-management-port="$mgmt"

  local url="http://127.0.0.1:$port/realms/imaging/.well-known/openid-configuration"
  local deadline=$((SECONDS + KEYCLOAK_START_TIMEOUT))
  while true; do
    if curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; then
      break
    fi
    # Fail fast when the process died (bad option, port clash, ...).
    if ! pid_alive "$pid_file"; then
      tail -n 40 "$log_file" >&2 || true
      rm -f "$pid_file"
      die "keycloak '$3' exited during startup (log: $log_file)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$log_file" >&2 || true
      die "keycloak '$3' not ready after ${KEYCLOAK_START_TIMEOUT}s (log: $log_file)"
    fi
    sleep 0.5
  done
  log "keycloak '$3': ready in $((SECONDS - t0))s, issuer http://127.0.0.1:$port/realms/imaging"
  _keycloak_save_build "$home" "$log_file"
}

keycloak_stop() {
  (($# == 1)) || die "usage: keycloak_stop RUN_SUBDIR"
  local dir
  dir="$(run_subdir "$1")"
  stop_pidfile "$dir/keycloak.pid" "keycloak '$1'" 60
}
