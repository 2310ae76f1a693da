# shellcheck shell=bash
# Common helpers for the Imaging Exchange peer scripts.
#
# Source this file (it does not change shell options itself; every function is
# safe under `set -euo pipefail`):
#
#   . "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#
# Variables it defines (each may be preset in the environment):
#   REPO              root of the git work tree (parent of scripts/)
#   EXCHANGE_CACHE    downloads and unpacked tools; never inside the repo
#                     (default: $HOME/.cache/imaging-exchange)
#   EXCHANGE_RUN_DIR  runtime state: pid files, logs, Orthanc storage,
#                     Keycloak data (default: $REPO/.run, git-ignored)
#
# Functions:
#   log MESSAGE...               timestamped message on stderr
#   warn MESSAGE...              same, prefixed "WARN:"
#   die MESSAGE...               message on stderr, then exit 1
#   need_cmd CMD...              die unless every CMD is on PATH
#   wait_http URL TIMEOUT [CURL_ARGS...]
#                                poll URL until it answers 2xx (0 on success,
#                                1 on timeout); extra args go to curl (-u ...)
#   port_free PORT               0 when nothing listens on 127.0.0.1:PORT
#   require_port_free PORT WHAT  die with a clear message if PORT is taken
#   pid_alive PIDFILE            0 when the pid in PIDFILE is a live process
#   stop_pidfile PIDFILE NAME [TIMEOUT]
#                                TERM the process group of the pid in PIDFILE,
#                                KILL after TIMEOUT seconds (default 30),
#                                then remove PIDFILE
#   spawn_session PIDFILE LOGFILE CMD [ARGS...]
#                                run CMD in the background in a new session
#                                (own process group), stdout+stderr to LOGFILE,
#                                its pid (== process group id) to PIDFILE
#   run_subdir NAME              print $EXCHANGE_RUN_DIR/NAME (validates NAME)
#   java_home_min MAJOR          print a JAVA_HOME whose java is >= MAJOR
#                                ($JAVA_HOME, then `java` on PATH, then
#                                /usr/lib/jvm/*); returns 1 if none

# Guard against double sourcing.
if [[ -n "${_EXCHANGE_COMMON_SH:-}" ]]; then
  return 0
fi
_EXCHANGE_COMMON_SH=1

# --- locations --------------------------------------------------------------

# The repository root: scripts/lib/common.sh -> ../..
if [[ -z "${REPO:-}" ]]; then
  REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
fi
export REPO

EXCHANGE_CACHE="${EXCHANGE_CACHE:-$HOME/.cache/imaging-exchange}"
EXCHANGE_RUN_DIR="${EXCHANGE_RUN_DIR:-$REPO/.run}"
export EXCHANGE_CACHE EXCHANGE_RUN_DIR

# --- logging ----------------------------------------------------------------

log() {
  printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

warn() {
  log "WARN: $*"
}

die() {
  printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2
  exit 1
}

need_cmd() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || die "required command not found: $c"
  done
}

# --- waiting and ports ------------------------------------------------------

# wait_http URL TIMEOUT_SECONDS [extra curl args...]
# Polls every 0.5 s (each attempt itself limited to 5 s) until the URL gives a
# 2xx answer. Returns 1 (does not exit) on timeout so callers can print the log.
wait_http() {
  local url="$1" timeout="$2"
  shift 2
  local deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    if curl -fsS -o /dev/null --max-time 5 "$@" "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# port_free PORT: true when no process accepts TCP connections on
# 127.0.0.1:PORT. Uses bash's /dev/tcp, so no extra tool is needed.
port_free() {
  local port="$1"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    return 1
  fi
  return 0
}

require_port_free() {
  local port="$1" what="$2"
  port_free "$port" || die "port $port (for $what) is already in use on 127.0.0.1"
}

# --- processes --------------------------------------------------------------

pid_alive() {
  local pidfile="$1" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null
}

# stop_pidfile PIDFILE NAME [TIMEOUT]
# The processes we start run in their own session (setsid), so their pid is
# also their process group id: signal the whole group, wait, escalate.
stop_pidfile() {
  local pidfile="$1" name="$2" timeout="${3:-30}" pid
  if [[ ! -f "$pidfile" ]]; then
    log "$name: not running (no pid file)"
    return 0
  fi
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  if ! [[ "$pid" =~ ^[0-9]+$ ]] || ! kill -0 "$pid" 2>/dev/null; then
    log "$name: not running (stale pid file)"
    rm -f "$pidfile"
    return 0
  fi
  log "$name: stopping (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null && ! _pgroup_alive "$pid"; then
      rm -f "$pidfile"
      log "$name: stopped"
      return 0
    fi
    sleep 0.2
  done
  warn "$name: still alive after ${timeout}s, sending KILL"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
  rm -f "$pidfile"
}

# True while any process of process group PGID exists.
_pgroup_alive() {
  local pgid="$1"
  pgrep -g "$pgid" >/dev/null 2>&1
}

spawn_session() {
  local pidfile="$1" logfile="$2"
  shift 2
  rm -f "$pidfile"
  # The pid is written from inside the new session, so it is right whether or
  # not setsid had to fork. ($$ there is the session leader == pgid.)
  # shellcheck disable=SC2016
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" >"$logfile" 2>&1 </dev/null &
  # Wait (briefly) for the pid file so callers can rely on it.
  local _
  for _ in $(seq 1 50); do
    [[ -s "$pidfile" ]] && return 0
    sleep 0.1
  done
  die "could not start $1 (no pid file after 5s)"
}

# run_subdir NAME: the per-instance state directory. NAME must be a plain name
# (no slashes, no dots-only) so that "fresh per start" can safely rm -rf it.
run_subdir() {
  local name="$1"
  [[ "$name" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || die "invalid run name: '$name'"
  printf '%s/%s\n' "$EXCHANGE_RUN_DIR" "$name"
}

# --- java -------------------------------------------------------------------

# Major version of a java binary ("17", "21", "25", ...).
_java_major() {
  local v
  v="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)"
  printf '%s\n' "${v#1.}"
}

java_home_min() {
  local min="$1" cand java major
  local -a cands=()
  [[ -n "${JAVA_HOME:-}" ]] && cands+=("$JAVA_HOME")
  if java="$(command -v java 2>/dev/null)"; then
    cands+=("$(dirname "$(dirname "$(readlink -f "$java")")")")
  fi
  for cand in /usr/lib/jvm/*; do
    [[ -L "$cand" ]] && continue   # skip the alias symlinks
    cands+=("$cand")
  done
  for cand in "${cands[@]}"; do
    [[ -x "$cand/bin/java" ]] || continue
    major="$(_java_major "$cand/bin/java")"
    if [[ "$major" =~ ^[0-9]+$ ]] && ((major >= min)); then
      printf '%s\n' "$cand"
      return 0
    fi
  done
  return 1
}
